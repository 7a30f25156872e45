/**
 * Reads one content file and checks it on its own: size, encoding, front matter, YAML, and the schema
 * of its type. Returns the parsed fields (even when the schema fails, so that later checks can still
 * report on the fields that are fine) and a `report` function that places further findings in the file.
 */
import type { Document } from 'yaml';
import type { z } from 'zod';
import { describeValue, fieldName, type Problem } from '../validation/problem.ts';
import type { Finding } from '../validation/record-checks.ts';
import { expectedWording, schemaProblems } from '../validation/schema-problems.ts';
import { readBounded } from './read-bounded.ts';
import { decodeUtf8, LineIndex, splitFrontMatter } from './text.ts';
import { offsetOf, parseYaml } from './yaml.ts';

/** Files over this size are refused unread (DESIGN.md: no file over 256 KiB). */
export const MAX_FILE_BYTES = 256 * 1024;

export interface ReadFileOptions {
  absolute: string;
  /** The path shown in messages, e.g. content/roadmap/fenmoor/x.md. */
  file: string;
  format: 'yaml' | 'markdown';
  schema: z.ZodType;
  /** How one such record is named in messages, e.g. "roadmap item". */
  singular: string;
  /** Suggests a fix for a malformed value (a misspelt id, say), from what else is in the hub. */
  suggest?: (path: readonly PropertyKey[], value: unknown) => string | undefined;
}

export interface ReadFileResult {
  /** The fields as parsed, when the file is a readable set of fields. */
  fields?: Record<string, unknown>;
  /** The fields after the schema, when they pass it. */
  data?: unknown;
  /** The Markdown body of a .md file. */
  body?: string;
  problems: Problem[];
  /** Places a finding in this file (line and column of its field) and adds it to `problems`. */
  report: (finding: Finding) => void;
  /** Places a finding at an offset in the file text. */
  reportAt: (offset: number, finding: Finding) => void;
  /** The 1-based line of an offset in the file text (the file's lines are only indexed when asked). */
  lineAt: (offset: number) => number;
  bodyOffset: number;
}

function toProblem(file: string, position: { line: number; column: number }, finding: Finding): Problem {
  return {
    severity: finding.severity ?? 'error',
    rule: finding.rule,
    file,
    line: position.line,
    column: position.column,
    field: fieldName(finding.path),
    message: finding.message,
    ...(finding.found !== undefined ? { found: finding.found } : {}),
    ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
    ...(finding.fix !== undefined ? { fix: finding.fix } : {}),
  };
}

export function readContentFile(options: ReadFileOptions): ReadFileResult {
  const { absolute, file } = options;
  const problems: Problem[] = [];
  let text = '';
  let lines: LineIndex | undefined;
  // Assigned once the YAML is parsed; `report` (defined before that) reads it.
  // eslint-disable-next-line prefer-const
  let document: (() => Document.Parsed) | undefined;
  let yamlOffset = 0;
  const positionOf = (offset: number) => (lines ??= new LineIndex(text)).position(offset);
  const reportAt = (offset: number, finding: Finding) => problems.push(toProblem(file, positionOf(offset), finding));
  const report = (finding: Finding) => {
    const offset = document && finding.path.length > 0 ? yamlOffset + offsetOf(document(), finding.path, finding.key) : yamlOffset;
    reportAt(offset, finding);
  };
  const result: ReadFileResult = { problems, report, reportAt, lineAt: (offset) => positionOf(offset).line, bodyOffset: 0 };

  const bytes = readBounded(absolute, MAX_FILE_BYTES);
  if (typeof bytes === 'number') {
    const size = bytes;
    report({
      rule: 'path/too-large',
      path: [],
      message: `the file is ${Math.ceil(size / 1024)} KiB; the limit is ${MAX_FILE_BYTES / 1024} KiB.`,
      fix: 'shorten it, or link to the long document instead of pasting it in',
    });
    return result;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    report({
      rule: 'file/encoding',
      path: [],
      message: `the file cannot be read: ${decoded.reason}.`,
      fix: 'save it again as UTF-8 text in your editor',
    });
    return result;
  }
  text = decoded.text;
  if (text.trim() === '') {
    report({
      rule: 'file/empty',
      path: [],
      message: 'the file is empty.',
      fix: 'add the record’s fields (npm run new writes a starting point), or delete the file',
    });
    return result;
  }

  let yaml = text;
  if (options.format === 'markdown') {
    const split = splitFrontMatter(text);
    if ('error' in split) {
      reportAt(split.offset, {
        rule: 'markdown/front-matter',
        path: [],
        message: `${split.error}.`,
        fix: 'see the example in CONTRIBUTING.md, or start again from npm run new',
      });
      return result;
    }
    yaml = split.yaml;
    yamlOffset = split.yamlOffset;
    result.body = split.body;
    result.bodyOffset = split.bodyOffset;
  }

  const parsed = parseYaml(yaml);
  document = parsed.document;
  for (const issue of parsed.issues) {
    reportAt(yamlOffset + issue.offset, { rule: issue.rule, path: issue.path ?? [], message: `${issue.message}.`, fix: issue.fix });
  }
  if (parsed.issues.length > 0) return result;
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report({
      rule: 'yaml/not-fields',
      path: [],
      message: `the ${options.format === 'markdown' ? 'front matter' : 'file'} holds ${describeValue(value)}, not fields.`,
      expected: 'one "field: value" per line, e.g. title: Garden waste online',
      fix: 'start again from npm run new, or copy an example from CONTRIBUTING.md',
    });
    return result;
  }
  result.fields = value as Record<string, unknown>;

  const checked = options.schema.safeParse(value, { error: expectedWording });
  if (checked.success) {
    result.data = checked.data;
  } else {
    problems.push(
      ...schemaProblems(checked.error.issues, {
        file,
        singular: options.singular,
        schema: options.schema,
        value,
        locate: (path, key) => positionOf(yamlOffset + offsetOf(parsed.document(), path, key)),
        ...(options.suggest ? { suggest: options.suggest } : {}),
      }),
    );
  }
  return result;
}
