/**
 * The hostile-input corpus (tests/hostile/cases.ts, tests/fixtures/hostile/): each case laid over the valid
 * baseline and put through the real validator, in this process and, for the bombs, in a child process
 * with a 256 MB heap. Every case must be answered in bounded time and memory: refused with the expected
 * errors, each naming its file (and line and field where there is one), or accepted, where the input is
 * legitimate or is hostile text in a valid field (which the site then shows as text: tests/site/hostile-pages.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/content-files/yaml.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { loadReferenceData, UK_REFERENCE_FILES } from '../../src/lib/reference-data.ts';
import { formatText } from '../../src/lib/validation/format.ts';
import type { Problem } from '../../src/lib/validation/problem.ts';
import { validateContent, type ValidationReport } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';
import { applyCase, CASES, HOSTILE_FIXTURES, type ExpectedProblem, type HostileCase } from './cases.ts';
import { unsafeTags } from './html.ts';

const TODAY = '2026-11-26';
const reference = loadReferenceData(UK_REFERENCE_FILES);
afterAll(removeFixtures);

/** A fresh copy of the baseline with the case laid over it, and a folder beside it (outside content/). */
function caseFolder(testCase: HostileCase): string {
  const content = contentFixture();
  const outside = join(dirname(content), 'outside');
  mkdirSync(outside);
  applyCase(testCase, content, outside);
  return content;
}

const keyOf = (problem: { file: string; rule: string; field?: string }) => `${problem.file} | ${problem.rule} | ${problem.field ?? ''}`;

/**
 * Problems counted by file, rule and field, for an exact comparison with what a case expects. Where the
 * case expects a rule in a file for any field ('*'), such problems are counted together.
 */
function tally(problems: Problem[], expected: ExpectedProblem[]): Record<string, number> {
  const anyField = new Set(expected.filter((problem) => problem.field === '*').map((problem) => `${problem.file} | ${problem.rule}`));
  const counts: Record<string, number> = {};
  for (const problem of problems) {
    const key = anyField.has(`${problem.file} | ${problem.rule}`) ? keyOf({ ...problem, field: '*' }) : keyOf(problem);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function expectProblems(actual: Problem[], expected: ExpectedProblem[] = []): void {
  const counts = tally(actual, expected);
  const wanted: Record<string, number> = {};
  for (const problem of expected) {
    const key = keyOf(problem);
    wanted[key] = problem.count === 'some' ? Math.max(1, counts[key] ?? 0) : (wanted[key] ?? 0) + (problem.count ?? 1);
  }
  expect(
    counts,
    `problems reported:\n${actual
      .slice(0, 40)
      .map((problem) => `${keyOf(problem)} (line ${problem.line}): ${problem.message.slice(0, 200)}`)
      .join('\n')}`,
  ).toEqual(wanted);
  for (const problem of expected) {
    if (problem.line === undefined && !problem.message) continue;
    const candidates = actual.filter(
      (candidate) => keyOf(problem.field === '*' ? { ...candidate, field: '*' } : candidate) === keyOf(problem),
    );
    const match = candidates.find(
      (candidate) =>
        (problem.line === undefined || candidate.line === problem.line) && (!problem.message || problem.message.test(candidate.message)),
    );
    const onLine = problem.line ? ` on line ${problem.line}` : '';
    const matching = problem.message ? ` matching ${problem.message}` : '';
    const found = candidates.map((candidate) => `line ${candidate.line}: ${candidate.message.slice(0, 300)}`).join(' / ');
    expect(match, `no ${keyOf(problem)}${onLine}${matching}; found: ${found}`).toBeDefined();
  }
}

/** The ids of everything that came through as valid content. */
const acceptedIds = (report: ValidationReport) =>
  new Set([
    ...report.content.records.map((record) => record.id),
    ...report.content.organisations.map((organisation) => `organisations/${organisation.id}`),
  ]);

/** Runs `node scripts/validate.ts --format json` on a folder, with a 256 MB heap and a time limit. */
function validateInChild(content: string, timeout = 60_000) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', join(ROOT, 'scripts/validate.ts'), '--content', content, '--format', 'json', '--today', TODAY],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout,
      killSignal: 'SIGKILL',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return { ...result, ms: Date.now() - started };
}

describe('the corpus', () => {
  it('has a case for every folder in tests/fixtures/hostile/, and a folder for every case', () => {
    const folders = readdirSync(HOSTILE_FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.toSorted()).toEqual(CASES.map((testCase) => testCase.name).toSorted());
  });

  it.each(CASES.map((testCase) => testCase.name))('%s has a README saying what it attacks and what must happen', (name) => {
    const readme = readFileSync(join(HOSTILE_FIXTURES, name, 'README.md'), 'utf8');
    expect(readme).toMatch(/^Attacks: .+\nMust: .+\n$/);
  });

  it('keeps invisible characters and lookalike letters out of the repository: cases that need them generate them', () => {
    const offending: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (/[^\x20-\x7e]/.test(entry.name)) offending.push(path);
        if (entry.isDirectory()) walk(path);
        else if (
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/.test(
            readFileSync(path, 'utf8').replace(/\u200d(?=💻)/u, ''),
          )
        )
          offending.push(path);
      }
    };
    walk(HOSTILE_FIXTURES);
    expect(offending).toEqual([]);
  });
});

describe.each(CASES.filter((testCase) => !testCase.childOnly))('$name', (testCase) => {
  let report: ValidationReport;
  let text: string;
  let ms: number;
  let heapGrowthMb: number;
  let content: string;

  beforeAll(() => {
    content = caseFolder(testCase);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    report = validateContent({ contentDir: content, today: TODAY, reference });
    ms = performance.now() - started;
    heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    text = formatText(report);
  }, 120_000);

  it(`is checked in under ${(testCase.budget ?? 5000) / 1000} s`, () => {
    expect(ms).toBeLessThan(testCase.budget ?? 5000);
  });

  if (testCase.heapMb) {
    it(`grows the heap by less than ${testCase.heapMb} MB`, () => {
      expect(heapGrowthMb).toBeLessThan(testCase.heapMb!);
    });
  }

  it(testCase.errors ? 'is refused with exactly the expected errors, each where it belongs' : 'is accepted, with no errors', () => {
    expectProblems(report.errors, testCase.errors);
  });

  it(testCase.warnings ? 'gives exactly the expected warnings' : 'gives no warnings', () => {
    expectProblems(report.warnings, testCase.warnings);
  });

  it('names the file of every problem, as a path inside content/, in the report and in the text output', () => {
    const lines = new Set(text.split('\n'));
    const unplaced = [...report.errors, ...report.warnings].filter(
      (problem) =>
        !/^content\/[^/]/.test(problem.file) ||
        /(^|\/)\.\.(\/|$)/.test(problem.file) ||
        problem.line < 1 ||
        problem.message.length < 10 ||
        !lines.has(problem.file),
    );
    expect(unplaced).toEqual([]);
  });

  it('passes the rest of the content through: the baseline records and any accepted ones', () => {
    const ids = acceptedIds(report);
    for (const id of [
      'roadmap/ashdown/garden-waste-online',
      'lessons/brackwater/chatbot-pilot',
      'organisations/ashdown',
      ...(testCase.accepted ?? []),
    ])
      expect(ids, id).toContain(id);
    const failed = new Set([...report.errors].map((problem) => problem.file));
    for (const record of report.content.records) expect(failed.has(record.file), record.file).toBe(false);
  });
});

describe('nothing is changed or run while content is read', () => {
  it('leaves Object.prototype unpolluted by __proto__, constructor and prototype keys', () => {
    const content = caseFolder(CASES.find((testCase) => testCase.name === 'prototype-keys')!);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).toSorted();
    validateContent({ contentDir: content, today: TODAY, reference });
    for (const file of ['roadmap/ashdown/proto.md', 'datasets/ashdown/proto.yaml', 'organisations/proto.yaml']) {
      const raw = readFileSync(join(content, file), 'utf8');
      const value = parseYaml(raw.startsWith('---') ? raw.split(/^---$/m)[1] : raw).value as Record<string, unknown>;
      expect(Object.getPrototypeOf(value), file).toBe(Object.prototype);
      expect((value as { polluted?: unknown }).polluted, file).toBeUndefined();
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).toSorted()).toEqual(prototypeKeys);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('evaluates no YAML tag: nothing is written by the !!python/object/apply case', () => {
    expect(existsSync('/tmp/council-commons-pwned')).toBe(false);
  });

  it('keeps hostile text exactly as written in valid fields: escaping is the pages’ job, not the validator’s', () => {
    for (const testCase of CASES.filter((candidate) => candidate.site && existsSync(join(HOSTILE_FIXTURES, candidate.name, 'content')))) {
      const content = caseFolder(testCase);
      const report = validateContent({ contentDir: content, today: TODAY, reference });
      for (const record of report.content.records.filter((candidate) => testCase.accepted?.includes(candidate.id))) {
        const raw = readFileSync(join(dirname(content), record.file), 'utf8');
        const written = parse(record.file.endsWith('.md') ? raw.split(/^---$/m)[1] : raw) as Record<string, unknown>;
        expect(record.data, record.file).toEqual(written);
      }
    }
  });

  it('reads a byte-order mark and CRLF line ends as the same fields as plain LF text', () => {
    const content = caseFolder(CASES.find((testCase) => testCase.name === 'bom-crlf')!);
    const report = validateContent({ contentDir: content, today: TODAY, reference });
    const organisation = report.content.organisations.find((candidate) => candidate.id === 'windows-editor')!;
    expect(organisation.data).toEqual({
      name: 'Windows Editor Group',
      type: 'community-group',
      summary: 'Two lines\nof summary.\n',
      demonstration: true,
    });
    const record = report.content.records.find((candidate) => candidate.id === 'roadmap/ashdown/windows-editor')!;
    expect(record.data).toMatchObject({
      title: 'Zyxquo written in a Windows editor',
      status: 'beta',
      links: [{ title: 'Show and tell', url: 'https://www.ashdown.example/windows' }],
    });
    expect(JSON.stringify(record.data)).not.toMatch(/\\r|\\ufeff/i);
  });
});

describe('Markdown bodies the validator accepts render, sanitised, in bounded time', () => {
  const bodies = (name: string) => {
    const content = caseFolder(CASES.find((testCase) => testCase.name === name)!);
    return validateContent({ contentDir: content, today: TODAY, reference }).content.records.filter((record) =>
      record.body?.includes('Zyxquo'),
    );
  };

  it.each(['deep-markdown', 'many-links', 'markdown-body', 'text-roadmap', 'text-component', 'slow-patterns', 'slow-markdown'])(
    '%s',
    (name) => {
      const records = bodies(name);
      if (name !== 'slow-patterns') expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const started = performance.now();
        const html = renderMarkdown(record.body!);
        expect(performance.now() - started, `${record.id} took too long to render`).toBeLessThan(5000);
        expect(html, record.id).toContain('Zyxquo');
        expect(unsafeTags(html), record.id).toEqual([]);
      }
    },
  );

  it('shows a body too deeply nested for the parsers as escaped plain text, and still shows its words', () => {
    const html = renderMarkdown(`${'> '.repeat(10_000)}Zyxquo <script>alert(1)</script>`);
    expect(html).toMatch(/^<p>(&gt; )+Zyxquo &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>$/);
  });
});

describe('the command-line validator, in a child process with a 256 MB heap', () => {
  const cases = CASES.filter((testCase) => testCase.child || testCase.childOnly);

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))(
    '%s: exits 1 within the time limit and names every file with an error',
    (_name, testCase) => {
      const content = caseFolder(testCase);
      const result = validateInChild(content);
      expect(result.signal, `killed after ${result.ms} ms: ${result.stderr}`).toBeNull();
      expect(result.status, result.stderr).toBe(1);
      const output = JSON.parse(result.stdout) as { errors: Problem[]; warnings: Problem[] };
      expectProblems(output.errors, testCase.errors);
      expect(result.ms).toBeLessThan(30_000);
    },
    90_000,
  );

  it('bom-crlf: exits 0 (legitimate input is accepted)', () => {
    const result = validateInChild(caseFolder(CASES.find((testCase) => testCase.name === 'bom-crlf')!));
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ errors: [], warnings: [] });
  }, 90_000);
});
