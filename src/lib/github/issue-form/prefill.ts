/**
 * A record's value written as its issue form field takes it, for the web form's "Send as an issue".
 * Separate because it runs in the browser, and needs nothing from the form file or the reader.
 */
import { groupLine, variantLine } from './group-lines.ts';
import type { IssueField } from './shape.ts';

/** A field's value as its issue form field takes it: lists comma-separated, groups one a line. */
export function issueFieldValue(field: IssueField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'groups' && Array.isArray(value)) {
    return value
      .map((item) => groupLine(field.parts ?? [], item && typeof item === 'object' ? (item as Record<string, unknown>) : {}))
      .join('\n');
  }
  if (field.kind === 'variants' && Array.isArray(value)) {
    return value
      .map((item) => {
        const fields = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
        const variant = field.variants?.find((candidate) =>
          Object.keys(fields).every((key) => candidate.parts.some((part) => part.key === key)),
        );
        return variant ? variantLine(variant, fields) : '';
      })
      .filter(Boolean)
      .join('\n');
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}
