/**
 * npm run migrate (scripts/migrate.ts, src/lib/migrations/): the machinery a major change of the content
 * model will use, tried on a copy of the real content/ with migrations registered here only, since no real one
 * exists yet. One renames summary to abstract (1 to 2); its inverse (0 to 1) must then give back every file
 * byte for byte, which shows that comments, key order, quoting and the Markdown bodies are kept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/migrate.ts';
import { CONTENT_MODEL_MAJOR, CONTENT_MODEL_VERSION } from '../../schemas/version.ts';
import { listFiles } from '../../src/lib/content-files/files.ts';
import { migrateText, renameField, type Migration } from '../../src/lib/migrations/index.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { copyOf, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

function run(argv: string[], migrations?: ReadonlyMap<number, Migration>, current?: number) {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(argv, { migrations, current, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const texts = (folder: string) => new Map(listFiles(folder).map((file) => [file.relative, readFileSync(file.absolute, 'utf8')]));

const toAbstract: Migration = { summary: 'summary becomes abstract', migrate: (document) => renameField(document, 'summary', 'abstract') };
const toSummary: Migration = { summary: 'abstract becomes summary', migrate: (document) => renameField(document, 'abstract', 'summary') };

describe('migrateText', () => {
  it('writes again only a field whose value changed, keeping the other fields, comments and Windows line ends', () => {
    const toList: Migration = {
      summary: 'language becomes languages, a list',
      migrate: (document) => {
        const language = document.get('language');
        if (language === undefined) return [];
        document.set('language', [language]);
        return [...renameField(document, 'language', 'languages'), 'made languages a list'];
      },
    };
    const text = [
      '---',
      '# Kept.',
      'title: A "quoted"   title # and a comment',
      'summary: >-',
      '  Folded over',
      '  two lines.',
      '',
      '# About the language.',
      'language: en',
      'themes: [a, b]',
      '---',
      'Body: language: en',
      '',
    ].join('\r\n');
    const result = migrateText(
      text,
      { kind: 'record', collection: 'roadmap', organisation: 'a', slug: 'b', extension: '.md' },
      toList,
      true,
    );
    expect(result).toEqual({
      text: text.replace('language: en\r\nthemes', 'languages:\r\n  - en\r\nthemes'),
      changes: ['renamed language to languages', 'made languages a list'],
    });
  });
});

describe('npm run migrate', () => {
  it('says plainly that there is nothing to migrate from the current version, and refuses an unknown one', () => {
    expect(CONTENT_MODEL_MAJOR).toBe(2);
    const current = run(['--from', '2']);
    expect(current).toMatchObject({ status: 0, err: '' });
    expect(current.out).toBe(`Nothing to migrate: version 2 is the current version of the content model (${CONTENT_MODEL_VERSION}).`);
    for (const from of ['0', '7']) {
      const unknown = run(['--from', from]);
      expect(unknown.status).toBe(2);
      expect(unknown.err).toBe(
        `migrate: there is no migration from version ${from}. The current version is 2; migrations exist from version 1. ` +
          'See CONTENT-MODEL-CHANGELOG.md.',
      );
    }
    for (const argv of [[], ['--from', 'v1'], ['--from', '1.0.0'], ['--to', '2']]) expect(run(argv).status, argv.join(' ')).toBe(2);
  });

  it('rewrites files in place, changing only what the migration changes, and reports each file', () => {
    const content = copyOf(join(ROOT, 'content'));
    const original = texts(content);
    const result = run(['--from', '1', '--content', content], new Map([[1, toAbstract]]), 2);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);

    const migrated = texts(content);
    let changed = 0;
    for (const [file, text] of original) {
      // summary is always a top-level field, at the start of a line, before any body.
      const expected = /^summary:/m.test(text) && file !== 'README.md' ? text.replace(/^summary:/m, 'abstract:') : text;
      if (expected !== text) changed++;
      expect(migrated.get(file), file).toBe(expected);
    }
    expect(changed).toBeGreaterThan(50);
    expect(result.out).toContain('Version 1 to 2: summary becomes abstract.');
    expect(result.out).toMatch(/content\/roadmap\/kestrelford\/blue-badge-applications\.md: renamed summary to abstract/);
    expect(result.out).toContain(`  ${changed} of ${original.size - 1} files changed.`);
    // Files that follow version 1 no longer pass: the rename is a real (major) change.
    expect(validateContent({ contentDir: content }).errors.length).toBeGreaterThan(0);

    // The inverse migration gives back every file exactly, and the result passes the validator.
    const back = run(['--from', '0', '--content', content], new Map([[0, toSummary]]), 1);
    expect(back).toMatchObject({ status: 0, err: '' });
    expect(texts(content)).toEqual(original);
    expect(validateContent({ contentDir: content }).errors).toEqual([]);
  });

  it('runs the migrations in turn from an older version, and touches nothing when one is missing', () => {
    const content = copyOf(join(ROOT, 'tests/fixtures/baseline/content'));
    const original = texts(content);
    const missing = run(['--from', '0', '--content', content], new Map([[1, toAbstract]]), 2);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('there is no migration from version 0. The current version is 2; migrations exist from version 1.');
    expect(texts(content)).toEqual(original);

    const both = run(
      ['--from', '0', '--content', content],
      new Map([
        [0, toAbstract],
        [1, toSummary],
      ]),
      2,
    );
    expect(both.status).toBe(0);
    expect(both.out).toContain('Version 0 to 1: summary becomes abstract.');
    expect(both.out).toContain('Version 1 to 2: abstract becomes summary.');
    expect(texts(content)).toEqual(original);
  });
});
