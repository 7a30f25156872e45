/**
 * A problem the validator found in one file. Every problem names the file, the line and column where
 * it can be seen, the field, and says in plain English what was found, what was expected and, where
 * one can be guessed, how to fix it.
 */
import type { RuleId } from './rules.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  rule: RuleId;
  /** The file, relative to the content folder's parent and with forward slashes, e.g. content/roadmap/fenmoor/x.md. */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The field, as a path such as `status` or `links[1].url`; empty when the problem concerns the whole file. */
  field: string;
  /** The whole message as one sentence or two: what is wrong and what was expected. */
  message: string;
  /** What was found, quoted as it appears, when there is a value to show. */
  found?: string;
  /** What the field or file should hold. */
  expected?: string;
  /** A suggested fix, when one can be guessed ("did you mean `hackney`?"). */
  fix?: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Shows a found value briefly and unambiguously: strings quoted, long ones cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

/** Turns a zod-style path into the field name people see, e.g. ['links', 1, 'url'] → links[1].url. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name ? `.${String(part)}` : String(part);
  }
  return name;
}
