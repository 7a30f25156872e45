/**
 * Where each field's answer is in a submitted issue's body: its `### <label>` heading, found even when a
 * text answer holds a heading of its own or the person moved a section. Separate because it is the one
 * search here whose cost grows with the body, so it is bounded (MAX_HEADINGS) in one place.
 */
import type { IssueField } from './shape.ts';

const HEADING = /^###[ \t]+(.*?)[ \t]*$/;
/** More headings of the form than this and the in-order search is not tried (it is quadratic in them). */
const MAX_HEADINGS = 200;

function headingLabel(line: string): string | undefined {
  const match = HEADING.exec(line);
  return match ? match[1]!.trim() : undefined;
}

/** The `### ` headings of a body, as written. */
export function issueHeadings(body: string): Set<string> {
  const found = new Set<string>();
  for (const line of body.split('\n')) {
    const label = headingLabel(line.replace(/\r$/, ''));
    if (label !== undefined) found.add(label);
  }
  return found;
}

/** Lines of a section's answer, with the blank lines around it removed. */
export function sectionText(lines: readonly string[], from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines
    .slice(start, end)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n');
}

/**
 * Finds each field's heading. First as GitHub writes the form (every heading once, in order), where a
 * heading inside a text answer (a `### Summary` in the Markdown text) is told apart from the real one by
 * position: after a multi-line answer the last candidate is taken, after a one-line answer the first.
 * If the body no longer has that shape (the person deleted or moved a section), each label's first
 * heading is taken, and a section that is missing counts as unanswered.
 */
export function locateSections(lines: readonly string[], fields: readonly IssueField[]): Map<string, { from: number; to: number }> {
  const positions = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const label = headingLabel(line);
    if (label !== undefined) positions.set(label, [...(positions.get(label) ?? []), index]);
  });
  const at = (field: IssueField) => positions.get(field.label) ?? [];
  const firstContent = lines.findIndex((line) => line.trim() !== '');

  // In order: memoised search, at most fields × headings steps.
  const failed = new Set<string>();
  const chosen: number[] = [];
  const place = (index: number, after: number): boolean => {
    if (index === fields.length) return true;
    const key = `${index}:${after}`;
    if (failed.has(key)) return false;
    let candidates = at(fields[index]!).filter((position) => position > after);
    if (index === 0) candidates = candidates.filter((position) => position === firstContent);
    else if (fields[index - 1]!.type === 'textarea') candidates = [...candidates].reverse();
    for (const position of candidates) {
      chosen[index] = position;
      if (place(index + 1, position)) return true;
    }
    failed.add(key);
    return false;
  };
  const sections = new Map<string, { from: number; to: number }>();
  // A body with hundreds of the form's headings was not written by the form: the first of each will do.
  const headings = fields.reduce((count, field) => count + at(field).length, 0);
  if (fields.length > 0 && headings <= MAX_HEADINGS && place(0, -1)) {
    fields.forEach((field, index) =>
      sections.set(field.id, { from: chosen[index]! + 1, to: index + 1 < fields.length ? chosen[index + 1]! : lines.length }),
    );
    return sections;
  }

  // Out of shape: the first heading of each label.
  const found = fields
    .map((field) => ({ field, position: at(field)[0] }))
    .filter((entry): entry is { field: IssueField; position: number } => entry.position !== undefined)
    .sort((a, b) => a.position - b.position);
  found.forEach((entry, index) =>
    sections.set(entry.field.id, { from: entry.position + 1, to: found[index + 1]?.position ?? lines.length }),
  );
  return sections;
}
