/**
 * Turns zod issues into problems people can act on: the field, what was found, what was expected (the
 * schema's own wording), and a fix where one can be guessed.
 */
import { z } from 'zod';
import { RETIRED_FIELDS } from '../../../schemas/version.ts';
import { fieldMeta } from '../schema-meta.ts';
import { closestMatch } from '../suggest.ts';
import { describeValue, fieldName, type Position, type Problem } from './problem.ts';
import type { RuleId } from './rules.ts';

type Schema = z.core.$ZodType;

/**
 * Wording for issues whose schema gives none: passed to safeParse so every issue's message is a phrase
 * that completes "expected …".
 */
export const expectedWording: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return KIND_WORDS[issue.expected] ?? issue.expected;
    case 'too_small':
      if (issue.origin === 'array') return `a list of at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `at least ${issue.minimum} characters`;
      return `a number of at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `a list of at most ${issue.maximum} items`;
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
      return `a number of at most ${issue.maximum}`;
    case 'invalid_value':
      return `one of: ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
};

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields, each written "field: value"',
};

/** The schema that describes the value at `path`, looking through optional wrappers, lists and checks. */
export function schemaAt(root: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let schema: Schema | undefined = root;
  for (const part of [...path, null]) {
    // Unwrap wrappers first, so that both the final schema and every step are the real type.
    for (;;) {
      const def = schema?._zod.def as { type: string; innerType?: Schema; in?: Schema } | undefined;
      if (!def) return undefined;
      if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) schema = def.innerType;
      else if (def.type === 'pipe' && def.in) schema = def.in;
      else break;
    }
    if (part === null) break;
    const def = schema!._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema };
    if (def.type === 'object' && def.shape && typeof part === 'string') schema = def.shape[part];
    else if (def.type === 'array' && def.element) schema = def.element;
    else return undefined;
  }
  return schema;
}

/** The schema of the field at `path` as declared in its object, optional wrapper included, so its meta is found. */
function fieldSchemaAt(root: Schema, path: readonly PropertyKey[]): Schema | undefined {
  if (path.length === 0) return root;
  const parent = schemaAt(root, path.slice(0, -1));
  const def = parent?._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema } | undefined;
  const last = path.at(-1);
  if (def?.type === 'object' && typeof last === 'string') return def.shape?.[last];
  if (def?.type === 'array') return def.element;
  return undefined;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function exampleLine(key: string, example: unknown): string {
  if (example === undefined) return `${key}: …`;
  if (Array.isArray(example) && example.every((item) => typeof item !== 'object')) return `${key}: [${example.join(', ')}]`;
  if (typeof example === 'object') return `${key}: … (see the example in CONTRIBUTING.md)`;
  return `${key}: ${String(example)}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Guesses the intended month or date from common ways of writing one ("April 2026", "01/04/2026"). */
export function guessDate(text: string, precision: 'month' | 'day'): string | undefined {
  const value = text.trim().toLowerCase();
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(value))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : undefined];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value))) {
    // UK order: day, month, year.
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[-/.](\d{4})$/.exec(value))) {
    [month, year] = [Number(match[1]), Number(match[2])];
  } else if ((match = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+(\d{4})$/.exec(value))) {
    const index = MONTHS.indexOf(match[2].slice(0, 3));
    if (index === -1) return undefined;
    [day, month, year] = [match[1] ? Number(match[1]) : undefined, index + 1, Number(match[3])];
  } else {
    return undefined;
  }
  if (!month || month < 1 || month > 12 || !year) return undefined;
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  if (precision === 'month') return yearMonth;
  if (!day || day < 1 || day > 31) return undefined;
  const date = `${yearMonth}-${String(day).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date ? undefined : date;
}

function guessFix(issue: z.core.$ZodIssue, found: unknown): string | undefined {
  if (issue.code === 'invalid_value' && typeof found === 'string') {
    const match = closestMatch(found, issue.values.map(String));
    return match ? `did you mean \`${match}\`?` : undefined;
  }
  if ((issue.code === 'invalid_type' && issue.expected === 'int') || (issue.code === 'invalid_type' && issue.expected === 'number')) {
    if (typeof found === 'string' && /^\s*\d+\s*$/.test(found)) return `write the number without quotes: ${found.trim()}`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'array' && (typeof found === 'string' || typeof found === 'number')) {
    return `write it as a list: [${String(found)}]`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'boolean' && typeof found === 'string') {
    if (/^(yes|y|on)$/i.test(found)) return 'write true';
    if (/^(no|n|off)$/i.test(found)) return 'write false';
  }
  if (issue.code === 'invalid_format' && typeof found === 'string') {
    if (issue.format === 'date') {
      const date = guessDate(found, 'day');
      return date ? `write ${date}` : undefined;
    }
    if (issue.format === 'regex' && issue.message.includes('YYYY-MM')) {
      const month = guessDate(found, 'month');
      return month ? `write ${month}` : undefined;
    }
    if (issue.format === 'url' && /^www\.|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(found)) return `write https://${found}`;
    if (issue.message.includes('lowercase') && found.toLowerCase() !== found) return `write \`${found.toLowerCase()}\``;
  }
  if (issue.code === 'invalid_union' && typeof found === 'string' && /^www\./i.test(found)) return `write https://${found}`;
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof found === 'string') {
    return `shorten it by ${found.length - Number(issue.maximum)} characters`;
  }
  if (issue.code === 'custom' && issue.message === 'a list without repeats' && Array.isArray(found)) {
    const seen = new Set<string>();
    const repeated = found.find((item) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    return `remove the second ${describeValue(repeated)}`;
  }
  return undefined;
}

function ruleFor(issue: z.core.$ZodIssue, found: unknown): RuleId {
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? 'schema/required' : 'schema/type';
    case 'invalid_value':
      return 'schema/enum';
    case 'too_big':
    case 'too_small':
      return 'schema/length';
    default:
      return 'schema/format';
  }
}

export interface SchemaProblemContext {
  file: string;
  /** What the record is called in messages, e.g. "roadmap item". */
  singular: string;
  schema: Schema;
  value: unknown;
  /** Where the value (or, with `key`, the field name) at a path is in the file. */
  locate: (path: readonly PropertyKey[], key?: boolean) => Position;
  /** Suggests a fix for a malformed value from what else is in the hub (ids, themes, licences). */
  suggest?: (path: readonly PropertyKey[], value: unknown) => string | undefined;
}

export function schemaProblems(issues: readonly z.core.$ZodIssue[], context: SchemaProblemContext): Problem[] {
  const problems: Problem[] = [];
  // A misspelt field is also a missing one: say it once, as the misspelling, which is the fix.
  const missing = new Set(
    issues
      .filter((issue) => issue.code === 'invalid_type' && valueAt(context.value, issue.path) === undefined)
      .map((issue) => fieldName(issue.path)),
  );
  const explained = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const shape = (schemaAt(context.schema, issue.path)?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = closestMatch(key, Object.keys(shape));
        const suggestedField = suggestion === undefined ? '' : fieldName([...issue.path, suggestion]);
        const isMissing = suggestion !== undefined && missing.has(suggestedField);
        if (isMissing) explained.add(suggestedField);
        const where = issue.path.length ? `in \`${fieldName(issue.path)}\`` : `of a ${context.singular}`;
        // A field a major version took away is told where its value goes now, and the migration that moves it.
        const retired = issue.path.length === 0 && Object.hasOwn(RETIRED_FIELDS, key) ? RETIRED_FIELDS[key] : undefined;
        const [message, fix] = retired
          ? [
              `\`${key}\` is a field of version ${retired.since - 1} of the content model: ` +
                `since ${retired.since}.0.0 it is written as \`${retired.now}\`.`,
              `run npm run migrate -- --from ${retired.since - 1}, which moves every such field, or write it under ` +
                `${retired.now.split('.').slice(0, -1).join(': ')}: as ${retired.now.split('.').at(-1)} (see CONTENT-MODEL-CHANGELOG.md)`,
            ]
          : [
              `\`${key}\` is not a field ${where}${isMissing ? `, and the required field \`${suggestion}\` is missing` : ''}.`,
              suggestion ? `did you mean \`${suggestion}\`?` : 'remove it, or check the field names in CONTRIBUTING.md',
            ];
        problems.push({
          severity: 'error',
          rule: 'schema/unknown-field',
          file: context.file,
          ...context.locate(path, true),
          field: fieldName(path),
          message,
          found: key,
          expected: `one of the fields: ${Object.keys(shape).join(', ')}`,
          fix,
        });
      }
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    if (explained.has(fieldName(issue.path)) && valueAt(context.value, issue.path) === undefined) continue;
    const found = valueAt(context.value, issue.path);
    const rule = ruleFor(issue, found);
    const field = fieldName(issue.path);
    if (rule === 'schema/required') {
      const declared = fieldSchemaAt(context.schema, issue.path);
      const meta = declared ? fieldMeta(declared) : {};
      const key = String(issue.path.at(-1) ?? '');
      problems.push({
        severity: 'error',
        rule,
        file: context.file,
        ...context.locate(issue.path.slice(0, -1)),
        field,
        message: `\`${field}\` is required but missing; expected ${issue.message}.`,
        expected: issue.message,
        fix: `add a line such as \`${exampleLine(key, meta.examples?.[0])}\`${meta.description ? `: ${meta.description}` : ''}`,
      });
      continue;
    }
    const shown = describeValue(found);
    const fix = guessFix(issue, found) ?? context.suggest?.(issue.path, found);
    problems.push({
      severity: 'error',
      rule,
      file: context.file,
      ...context.locate(issue.path),
      field,
      message: field ? `\`${field}\` is ${shown}; expected ${issue.message}.` : `the file holds ${shown}; expected ${issue.message}.`,
      found: shown,
      expected: issue.message,
      ...(fix ? { fix } : {}),
    });
  }
  return problems;
}
