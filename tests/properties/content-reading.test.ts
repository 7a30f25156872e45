/**
 * Properties of reading a content file (src/lib/content-files/text.ts, yaml.ts, read-file.ts), on arbitrary
 * input: strings, bytes, YAML-like token soup and YAML-like structures with anchors, aliases, tabs,
 * byte-order marks, CR and LF and stray `---` lines. Whatever comes in, nothing throws; a failure is a
 * problem that names the file; and each input is answered quickly. Fixed seeds keep runs repeatable.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetSchema } from '../../schemas/dataset.ts';
import { roadmapSchema } from '../../schemas/roadmap.ts';
import { readContentFile } from '../../src/lib/content-files/read-file.ts';
import { decodeUtf8, splitFrontMatter } from '../../src/lib/content-files/text.ts';
import { parseYaml } from '../../src/lib/content-files/yaml.ts';
import { RULES } from '../../src/lib/validation/rules.ts';

const SEED = 20261126;
/** The most one small input may take, in milliseconds: generous, for a busy 2-core machine. */
const PER_INPUT_MS = 250;

const folder = mkdtempSync(join(tmpdir(), 'council-commons-properties-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs a function, failing if it takes longer than the per-input bound. */
function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  if (ms > PER_INPUT_MS) throw new Error(`took ${ms.toFixed(0)} ms`);
  return result;
}

/** Pieces of YAML and front matter, in the combinations that trip parsers. */
const TOKENS = [
  'title',
  'summary',
  'status',
  'links',
  'url',
  '__proto__',
  'constructor',
  'prototype',
  '<<',
  'polluted',
  'a',
  'b',
  ': ',
  ':',
  '- ',
  '-',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '---',
  '---\n',
  '...',
  '\uFEFF',
  '&a ',
  '&b ',
  '*a',
  '*b',
  '!!str ',
  '!!binary ',
  '!tag ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '"',
  "'",
  '\\',
  '#',
  '|',
  '>',
  '?',
  '%YAML 1.2',
  'yes',
  'null',
  '~',
  '1e999',
  '0x1F',
  '12345678901234567890',
  '.nan',
  'https://x.example/',
  'javascript:alert(1)',
  '<script>',
  'é',
  'ŵ',
  '\u202E',
  '\u0000',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(''));

/** YAML-like structures: nested maps and lists written out with indentation, anchors and aliases. */
const yamlLike = fc
  .letrec((tie) => ({
    scalar: fc.oneof(
      fc.constantFrom('x', 'yes', '1', '~', '"q"', "'s'", '*a', '*b', '[]', '{}', '|\n  text', 'a: b'),
      fc.string({ maxLength: 8 }),
    ),
    node: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('map'), tie('list')),
    map: fc.array(
      fc.tuple(
        fc.constantFrom('title', 'summary', '__proto__', 'constructor', 'k', 'k', '<<', '? x'),
        fc.option(fc.constantFrom('&a ', '&b '), { nil: '' }),
        tie('node'),
      ),
      { maxLength: 4 },
    ),
    list: fc.array(tie('node'), { maxLength: 4 }),
  }))
  .node.map(function write(node: unknown, depth = 0): string {
    const pad = '  '.repeat(depth);
    if (typeof node === 'string') return node;
    if (Array.isArray(node) && node.every((item) => Array.isArray(item) && item.length === 3 && typeof item[0] === 'string')) {
      return node.map(([key, anchor, value]) => `\n${pad}${key}: ${anchor}${write(value, depth + 1)}`).join('');
    }
    return (node as unknown[]).map((item) => `\n${pad}- ${write(item, depth + 1)}`).join('');
  })
  .chain((text) =>
    // Random damage: a --- line, a tab, a BOM or a CR somewhere.
    fc
      .tuple(fc.nat({ max: text.length }), fc.constantFrom('', '\n---\n', '\t', '\uFEFF', '\r', '\r\n', '&a', '*a'))
      .map(([at, insert]) => text.slice(0, at) + insert + text.slice(at)),
  );

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), tokenSoup, yamlLike);
const ruleIds = new Set(Object.keys(RULES));

describe('splitFrontMatter', () => {
  it('never throws, and either says why with an offset inside the text or splits it into parts that are in it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          anyText.map((text) => `---\n${text}`),
          fc.tuple(anyText, anyText).map(([a, b]) => `---\n${a}\n---\n${b}`),
        ),
        (text) => {
          const split = timed(() => splitFrontMatter(text));
          if ('error' in split) {
            expect(split.offset).toBeGreaterThanOrEqual(0);
            expect(split.offset).toBeLessThanOrEqual(text.length);
          } else {
            expect(text.slice(split.yamlOffset, split.yamlOffset + split.yaml.length)).toBe(split.yaml);
            expect(text.slice(split.bodyOffset)).toBe(split.body);
            expect(split.yamlOffset).toBeLessThanOrEqual(split.bodyOffset);
            expect(split.yaml).not.toMatch(/^(?:---|\.\.\.)[ \t]*\r?$/m);
          }
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('parseYaml', () => {
  it('never throws; gives a value or issues, each issue a known rule at an offset inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = timed(() => parseYaml(text));
        for (const issue of parsed.issues) {
          expect(ruleIds.has(issue.rule), issue.rule).toBe(true);
          expect(issue.offset).toBeGreaterThanOrEqual(0);
          expect(issue.offset).toBeLessThanOrEqual(text.length);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        if (parsed.issues.length === 0) expect(() => JSON.stringify(parsed.value)).not.toThrow();
      }),
      { seed: SEED, numRuns: 600 },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('never gives an object whose prototype is not Object.prototype, whatever keys it has', () => {
    fc.assert(
      fc.property(yamlLike, (text) => {
        const { value, issues } = timed(() => parseYaml(text));
        if (issues.length > 0) return;
        const stack: unknown[] = [value];
        while (stack.length > 0) {
          const current = stack.pop();
          if (current === null || typeof current !== 'object') continue;
          expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(current));
          stack.push(...Object.values(current));
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('readContentFile on arbitrary files', () => {
  let count = 0;
  /** Writes bytes to a fresh file and reads it as a roadmap item (Markdown) or a dataset (YAML). */
  const read = (bytes: Uint8Array, format: 'markdown' | 'yaml') => {
    const absolute = join(folder, `f${count++}.${format === 'markdown' ? 'md' : 'yaml'}`);
    writeFileSync(absolute, bytes);
    const file = `content/${format === 'markdown' ? 'roadmap' : 'datasets'}/ashdown/f${count}.${format === 'markdown' ? 'md' : 'yaml'}`;
    return {
      file,
      result: timed(() =>
        readContentFile({ absolute, file, format, schema: format === 'markdown' ? roadmapSchema : datasetSchema, singular: 'record' }),
      ),
    };
  };

  /** The properties every answer has: nothing thrown, every problem in this file, data only without errors. */
  const check = (bytes: Uint8Array, format: 'markdown' | 'yaml') => {
    const { file, result } = read(bytes, format);
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    for (const problem of result.problems) {
      expect(problem.file).toBe(file);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      expect(ruleIds.has(problem.rule), problem.rule).toBe(true);
    }
    // Either the record, or at least one error saying why not: never neither, never both.
    expect(
      result.data === undefined,
      `data ${JSON.stringify(result.data)?.slice(0, 200)} with errors ${JSON.stringify(errors).slice(0, 400)}`,
    ).toBe(errors.length > 0);
  };

  const encode = (text: string) => new TextEncoder().encode(text);
  const variants = (text: string) =>
    fc.constantFrom(text, `\uFEFF${text}`, text.replace(/\n/g, '\r\n'), `\uFEFF${text.replace(/\n/g, '\r\n')}`);

  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('markdown' as const, 'yaml' as const), (bytes, format) =>
        check(bytes, format),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('arbitrary text, with and without a byte-order mark and CRLF, as front matter and as YAML', () => {
    fc.assert(
      fc.property(anyText.chain(variants), anyText, (yaml, body) => {
        check(encode(`---\n${yaml}\n---\n${body}`), 'markdown');
        check(encode(yaml), 'yaml');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('records that are valid but for one random change', () => {
    const valid = [
      'title: Garden waste',
      'summary: Online.',
      'status: beta',
      'services: [524]',
      'links:',
      '  - title: A',
      '    url: https://a.example/',
    ];
    fc.assert(
      fc.property(
        fc.nat({ max: valid.join('\n').length }),
        fc.constantFrom(...TOKENS),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (at, insert, newline, bom) => {
          const yaml = valid.join('\n');
          const changed = (yaml.slice(0, at) + insert + yaml.slice(at)).replace(/\n/g, newline);
          check(encode(`${bom ? '\uFEFF' : ''}---${newline}${changed}${newline}---${newline}Body.`), 'markdown');
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('decodeUtf8', () => {
  it('never throws, and never gives text with a NUL; valid UTF-8 without NUL is decoded exactly, less one byte-order mark', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 100 }).map((text) => new TextEncoder().encode(text)),
        ),
        (bytes) => {
          const decoded = decodeUtf8(bytes);
          const expected = Buffer.from(bytes)
            .toString('utf8')
            .replace(/^\uFEFF/, '');
          if (decoded.ok) {
            expect(decoded.text.includes('\u0000')).toBe(false);
            expect(decoded.text).toBe(expected);
          } else expect(decoded.reason.length).toBeGreaterThan(0);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
