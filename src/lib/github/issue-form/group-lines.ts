/**
 * The one-line format of a group item (`Discovery report | https://…`): written for the form's examples
 * and prefilled answers, split again when an answer is read. One module, so that both sides agree on the
 * separator and on how a `|` inside a value is escaped.
 */
import type { GroupPart, Variant } from './shape.ts';

/** A group item written as a line of the issue form: `Discovery report | https://…`. */
export function groupLine(parts: readonly GroupPart[], item: Record<string, unknown>): string {
  const text = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value ?? ''));
  const values = parts.map((part) =>
    text(item[part.key])
      .replace(/\|/g, '\\|')
      .replace(/[\r\n]+/g, ' ')
      .trim(),
  );
  while (values.length > 0 && values.at(-1) === '') values.pop();
  return values.join(' | ');
}

/** An item of a `variants` field as a line: its shape's parts, separated by |. */
export function variantLine(variant: Variant, item: Record<string, unknown>): string {
  return groupLine(variant.parts, item);
}

/** A line's parts, split on `|` and trimmed; an escaped `\|` stays in its part as `|`. */
export function splitParts(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === '\\' && line[index + 1] === '|') {
      current += '|';
      index++;
    } else if (char === '|') {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}
