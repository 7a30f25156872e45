/**
 * Reading answers that hold several values: comma-separated lists, groups one a line, and variants told
 * apart by their number of parts. Separate from the reader because these are the answers people write
 * in the most ways, and each way needs its own forgiving rules.
 */
import { splitParts } from './group-lines.ts';
import { article } from './sentences.ts';
import type { AnswerProblem, GroupPart, IssueField } from './shape.ts';

/** Splits a list answer on commas and line breaks; drops empty items, surrounding brackets, quotes and repeats. */
export function listItems(text: string): string[] {
  const inner = text.trim().replace(/^\[([\s\S]*)\]$/, '$1');
  const items: string[] = [];
  for (const raw of inner.split(/[,\n]/)) {
    const item = raw
      .trim()
      .replace(/^[-*]\s+/, '')
      .replace(/^[`'"“‘]+|[`'"”’]+$/g, '')
      .trim();
    if (item !== '' && !items.includes(item)) items.push(item);
  }
  return items;
}

/**
 * A groups answer, one item a line (`Discovery report | https://…`). Also reads the YAML-like lines the
 * web form has written (`- title: …` then `  url: …`).
 */
export function parseGroups(
  text: string,
  field: IssueField,
  parts: readonly GroupPart[] = field.parts ?? [],
): { items: Record<string, unknown>[]; problems: AnswerProblem[] } {
  const keys = new Set(parts.map((part) => part.key));
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const items: Record<string, string>[] = [];
  const problems: AnswerProblem[] = [];
  const keyLine = /^(-\s+)?([a-z_]+):\s*(.*)$/;
  const yamlLike =
    lines.length > 0 && ((match) => match !== null && match[1] !== undefined && keys.has(match[2]!))(keyLine.exec(lines[0]!));
  if (yamlLike) {
    for (const line of lines) {
      const match = keyLine.exec(line);
      if (!match || !keys.has(match[2]!)) {
        problems.push({
          field: field.id,
          item: Math.max(1, items.length),
          message: `the line \`${line}\` could not be read: write each one as ${parts.map((part) => part.label).join(' | ')}.`,
        });
        continue;
      }
      if (match[1] !== undefined || items.length === 0) items.push({});
      const value = match[3]!.trim().replace(/^(['"])(.*)\1$/, '$2');
      if (value !== '') items.at(-1)![match[2]!] = value;
    }
    return { items: items.map((item) => inSchemaOrder(item, parts)), problems };
  }
  lines.forEach((raw, index) => {
    const line = raw.replace(/^[-*]\s+/, '');
    const values = splitParts(line);
    if (values.length > parts.length) {
      problems.push({
        field: field.id,
        item: index + 1,
        message:
          `this line has ${values.length} parts separated by |, but ${article(itemName(field))} ${itemName(field)} has at most ` +
          `${parts.length}: write ${parts.map((part) => part.label).join(' | ')}.`,
      });
    }
    const item: Record<string, string> = {};
    parts.forEach((part, index) => {
      const value = values[index];
      if (value !== undefined && value !== '') item[part.key] = value;
    });
    items.push(item);
  });
  return { items: items.map((item) => inSchemaOrder(item, parts)), problems };
}

/** What one line of a groups answer is called, in a sentence: "system", "distribution". */
function itemName(field: IssueField): string {
  const name = field.itemLabel ?? field.label.replace(/s$/, '');
  return /^[A-Z][a-z]/.test(name) ? name.toLowerCase() : name;
}

/**
 * An item's fields in the schema's order, as the content files write them, with a list inside the line
 * (a system's services) split on its commas, and numbers as numbers.
 */
function inSchemaOrder(item: Record<string, string>, parts: readonly GroupPart[]): Record<string, unknown> {
  const byKey = new Map(parts.map((part) => [part.key, part]));
  const value = (key: string, text: string): unknown => {
    const list = byKey.get(key)?.list;
    if (!list) return text;
    const items = listItems(text);
    return list === 'numbers' ? items.map((entry) => (/^\d{1,9}$/.test(entry) ? Number(entry) : entry)) : items;
  };
  return Object.fromEntries(
    Object.entries(item)
      .sort(([a], [b]) => (byKey.get(a)?.position ?? 99) - (byKey.get(b)?.position ?? 99))
      .map(([key, text]) => [key, value(key, text)]),
  );
}

/**
 * A `variants` answer (open data), one item a line, each line's shape told by how many parts it has:
 * `https://data.gov.uk | example-council` is a CKAN portal, `https://…/data.json` a catalogue. A line
 * with a number of parts no shape has is read as the shape with the most parts, for the validator to
 * say what is missing or extra.
 */
export function parseVariants(text: string, field: IssueField): { items: Record<string, unknown>[]; problems: AnswerProblem[] } {
  const variants = [...(field.variants ?? [])].sort((a, b) => a.parts.length - b.parts.length);
  const items: Record<string, unknown>[] = [];
  const problems: AnswerProblem[] = [];
  const lines = text
    .split('\n')
    .map((line) => line.trim().replace(/^[-*]\s+/, ''))
    .filter((line) => line !== '');
  lines.forEach((line, index) => {
    const count = splitParts(line).length;
    const variant = variants.find((candidate) => candidate.parts.length === count) ?? variants.at(-1);
    if (!variant) return;
    if (count > variant.parts.length) {
      const shapes = (field.variants ?? []).map(
        (candidate) => `${article(candidate.label)} ${candidate.label} (${candidate.parts.map((part) => part.label).join(' | ')})`,
      );
      problems.push({
        field: field.id,
        item: index + 1,
        message: `this line has ${count} parts separated by |, but each line is ${shapes.join(' or ')}.`,
      });
    }
    const parsed = parseGroups(line, field, variant.parts);
    items.push(...parsed.items);
  });
  return { items, problems };
}
