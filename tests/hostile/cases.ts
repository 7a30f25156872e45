/**
 * The hostile-input corpus: one case per folder of tests/fixtures/hostile/ (its README.md says what it
 * attacks and what must happen), with what the validator must answer. A case's files are the folder's
 * `content/`, laid over a copy of the valid baseline (tests/fixtures/baseline/content), and whatever its
 * `make` writes: inputs that cannot or should not sit in the repository as files (invalid UTF-8, invisible
 * characters and lookalike letters in names, symbolic links, a named pipe, files of a megabyte or more).
 *
 * No vitest import here: the site's global setup (tests/site/global-setup.ts) reads this list too, to add
 * the accepted cases to the fixture site.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuleId } from '../../src/lib/validation/rules.ts';
import { ROOT } from '../helpers/content.ts';

export const HOSTILE_FIXTURES = join(ROOT, 'tests/fixtures/hostile');

/** A problem the validator must report. Paths are as the validator shows them, content/…. */
export interface ExpectedProblem {
  file: string;
  rule: RuleId;
  /** The field, e.g. links[2].url; '' (the default) for the whole file; '*' for any field. */
  field?: string;
  /** How many times (default 1), or 'some' for at least once. */
  count?: number | 'some';
  line?: number;
  message?: RegExp;
}

export interface HostileCase {
  /** The folder in tests/fixtures/hostile/. */
  name: string;
  /** Writes the generated files into the content copy; `outside` is a folder beside it, outside content/. */
  make?: (content: string, outside: string) => void;
  /** Errors the validator must report, exactly (no others). None: the case is accepted. */
  errors?: ExpectedProblem[];
  /** Warnings it must report, exactly. */
  warnings?: ExpectedProblem[];
  /** Record or organisation ids that must come through as valid content, e.g. roadmap/ashdown/x. */
  accepted?: string[];
  /** The most the validator may take, in milliseconds (default 5,000). */
  budget?: number;
  /** Also run the command-line validator in a child process with a 256 MB heap. */
  child?: boolean;
  /** Only in a child process (the input could block the process that reads it). */
  childOnly?: boolean;
  /** Check that the heap grows by less than this many megabytes while the case is validated. */
  heapMb?: number;
  /** Add the case to the fixture site (tests/site/global-setup.ts): accepted cases only. */
  site?: boolean;
}

/** Writes a file, making its folders. */
export function put(content: string, relative: string, data: string | Uint8Array): void {
  const path = join(content, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** A Markdown record with the given front-matter lines and body. */
export function markdown(fields: string[], body = 'Body.'): string {
  return ['---', ...fields, '---', '', body, ''].join('\n');
}

const ROADMAP_FIELDS = ['title: A record', 'summary: A record made by a hostile-input test.', 'status: idea'];
const LESSON_FIELDS = ['title: A lesson', 'summary: A lesson made by a hostile-input test.'];

/** Cyrillic letters that look like Latin ones. */
const CYRILLIC_A = '\u0430';
const CYRILLIC_ES = '\u0441';

/** 256 KiB, the largest file the validator reads. */
export const LIMIT = 256 * 1024;

/** A valid lesson padded with body text to exactly `bytes` bytes. */
function lessonOfSize(bytes: number): string {
  const head = markdown(LESSON_FIELDS, '');
  return head + 'x'.repeat(bytes - Buffer.byteLength(head));
}

/** A front-matter line of the form "---" that closes, for building bodies by hand. */
const fm = (fields: string[]) => ['---', ...fields, '---', ''].join('\n');

export const CASES: HostileCase[] = [
  // Hostile text in valid fields: accepted, and shown as text on the site.
  {
    name: 'text-roadmap',
    accepted: ['roadmap/ashdown/hostile-text'],
    warnings: [{ file: 'content/roadmap/ashdown/hostile-text.md', rule: 'content/unsafe-html', count: 3 }],
    site: true,
  },
  {
    name: 'text-principle',
    accepted: ['principles/ashdown/hostile-text'],
    warnings: [{ file: 'content/principles/ashdown/hostile-text.md', rule: 'content/unsafe-html' }],
    site: true,
  },
  {
    name: 'text-lesson',
    accepted: ['lessons/brackwater/hostile-text'],
    warnings: [{ file: 'content/lessons/brackwater/hostile-text.md', rule: 'content/unsafe-html' }],
    site: true,
  },
  { name: 'text-dataset', accepted: ['datasets/ashdown/hostile-text'], site: true },
  {
    name: 'text-component',
    accepted: ['components/ashdown-civic-tech/hostile-text'],
    warnings: [{ file: 'content/components/ashdown-civic-tech/hostile-text.md', rule: 'content/unsafe-html', count: 2 }],
    site: true,
  },
  { name: 'text-organisation', accepted: ['organisations/hostile-text', 'roadmap/hostile-text/owned-record'], site: true },
  { name: 'text-theme', accepted: ['lessons/brackwater/themed'], site: true },
  {
    name: 'markdown-body',
    accepted: ['lessons/brackwater/hostile-body'],
    warnings: [{ file: 'content/lessons/brackwater/hostile-body.md', rule: 'content/unsafe-html', count: 8 }],
    site: true,
  },
  { name: 'unicode-text', accepted: ['roadmap/ashdown/unicode-text'], site: true },
  {
    name: 'bom-crlf',
    accepted: ['roadmap/ashdown/windows-editor', 'datasets/ashdown/windows-editor', 'organisations/windows-editor'],
    site: true,
    make: (content) => {
      const windows = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
      put(
        content,
        'roadmap/ashdown/windows-editor.md',
        windows(
          markdown(
            [
              'title: Zyxquo written in a Windows editor',
              'summary: A byte-order mark and CRLF line ends, as Notepad writes them.',
              'status: beta',
              'themes: [waste-and-recycling]',
              'links:',
              '  - title: Show and tell',
              '    url: https://www.ashdown.example/windows',
            ],
            '## A heading\n\nZyxquo body on CRLF lines, with a [link](https://www.ashdown.example/).',
          ),
        ),
      );
      put(
        content,
        'datasets/ashdown/windows-editor.yaml',
        windows(
          [
            'title: Zyxquo dataset from a Windows editor',
            'summary: A byte-order mark and CRLF line ends.',
            'licence: OGL-UK-3.0',
            'landing_url: https://data.ashdown.example/windows',
            'distributions:',
            '  - url: https://data.ashdown.example/windows.csv',
            '    format: CSV',
            '',
          ].join('\n'),
        ),
      );
      put(
        content,
        'organisations/windows-editor.yaml',
        windows(
          [
            'name: Windows Editor Group',
            'type: community-group',
            'summary: |',
            '  Two lines',
            '  of summary.',
            'demonstration: true',
            '',
          ].join('\n'),
        ),
      );
    },
  },
  {
    name: 'deep-markdown',
    accepted: ['lessons/brackwater/deep-quotes', 'lessons/brackwater/deep-list', 'lessons/brackwater/deep-html'],
    // 10,000 <div> never closed: five warnings, the last saying how many more.
    warnings: [
      {
        file: 'content/lessons/brackwater/deep-html.md',
        rule: 'content/broken-html',
        count: 5,
        line: 6,
        message: /has 9995 more problems/,
      },
    ],
    site: true,
    make: (content) => {
      const lesson = (slug: string, what: string, body: string) =>
        put(
          content,
          `lessons/brackwater/${slug}.md`,
          markdown([`title: Zyxquo ${what} 10,000 levels deep`, `summary: A body of ${what} nested 10,000 levels deep.`], body),
        );
      lesson('deep-quotes', 'blockquotes', `${'> '.repeat(10_000)}Zyxquo deepest quote`);
      lesson('deep-list', 'list levels', `${'- '.repeat(10_000)}Zyxquo deepest item`);
      lesson('deep-html', 'HTML elements', `${'<div>'.repeat(10_000)}Zyxquo deepest element`);
    },
  },
  {
    name: 'many-links',
    accepted: ['lessons/brackwater/many-links'],
    site: true,
    make: (content) => {
      const links = Array.from({ length: 8_000 }, (_, index) =>
        index % 10 === 9 ? `https://b.example/${index}` : `[${index}](https://b.example/${index})`,
      );
      const text = markdown(
        ['title: Zyxquo lesson with 8,000 links', 'summary: A body made of links, just inside the size limit.'],
        `Zyxquo ${links.join(' ')}`,
      );
      if (Buffer.byteLength(text) > LIMIT) throw new Error(`many-links is ${Buffer.byteLength(text)} bytes, over the limit`);
      put(content, 'lessons/brackwater/many-links.md', text);
    },
  },

  // Refused: unsafe addresses, YAML attacks, bad bytes, bad names, links and paths.
  {
    name: 'url-schemes',
    errors: [
      { file: 'content/roadmap/ashdown/unsafe-links.md', rule: 'schema/format', field: 'contact', line: 6 },
      ...Array.from({ length: 11 }, (_, index) => ({
        file: 'content/roadmap/ashdown/unsafe-links.md',
        rule: 'schema/format' as const,
        field: `links[${index}].url`,
        line: 9 + 2 * index,
        message: /expected a full web address starting https:\/\//,
      })),
      { file: 'content/principles/ashdown/unsafe-source.md', rule: 'schema/format', field: 'source_url', line: 5 },
      { file: 'content/datasets/ashdown/unsafe-addresses.yaml', rule: 'schema/format', field: 'landing_url', line: 5 },
      { file: 'content/datasets/ashdown/unsafe-addresses.yaml', rule: 'schema/format', field: 'distributions[0].url', line: 7 },
      { file: 'content/datasets/ashdown/unsafe-addresses.yaml', rule: 'schema/format', field: 'distributions[1].url', line: 9 },
      { file: 'content/datasets/ashdown/unsafe-addresses.yaml', rule: 'schema/format', field: 'contact', line: 11 },
      { file: 'content/components/ashdown-civic-tech/unsafe-addresses.yaml', rule: 'schema/format', field: 'repository_url', line: 6 },
      { file: 'content/components/ashdown-civic-tech/unsafe-addresses.yaml', rule: 'schema/format', field: 'url', line: 7 },
      { file: 'content/components/ashdown-civic-tech/unsafe-addresses.yaml', rule: 'schema/format', field: 'contact', line: 8 },
      { file: 'content/organisations/unsafe-website.yaml', rule: 'schema/format', field: 'website', line: 4 },
      { file: 'content/organisations/unsafe-website.yaml', rule: 'schema/format', field: 'contact', line: 5 },
    ],
  },
  {
    name: 'yaml-alias-bomb',
    errors: [
      {
        file: 'content/datasets/ashdown/laughs.yaml',
        rule: 'yaml/aliases',
        line: 3,
        message: /aliases \(\*name\) 81 times; at most 50 are allowed/,
      },
    ],
    child: true,
    heapMb: 100,
  },
  {
    name: 'yaml-deep-nesting',
    errors: [
      { file: 'content/datasets/ashdown/deep-flow.yaml', rule: 'yaml/syntax', count: 'some' },
      { file: 'content/datasets/ashdown/unclosed-flow.yaml', rule: 'yaml/syntax', count: 'some' },
      { file: 'content/roadmap/ashdown/deep-block.md', rule: 'yaml/syntax', message: /nested more than 32 levels deep/ },
    ],
    child: true,
    heapMb: 200,
    make: (content) => {
      put(content, 'datasets/ashdown/deep-flow.yaml', `title: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
      put(content, 'datasets/ashdown/unclosed-flow.yaml', `title: ${'{a: '.repeat(50_000)}\n`);
      const nested = Array.from({ length: 100 }, (_, depth) => `${'  '.repeat(depth)}level${depth}:`).join('\n');
      put(content, 'roadmap/ashdown/deep-block.md', markdown([...ROADMAP_FIELDS, 'links:', `  ${nested.replace(/\n/g, '\n  ')} deepest`]));
    },
  },
  {
    name: 'long-line',
    errors: [
      { file: 'content/roadmap/ashdown/one-megabyte.md', rule: 'path/too-large', message: /the file is 1025 KiB; the limit is 256 KiB/ },
      {
        file: 'content/roadmap/ashdown/long-summary.md',
        rule: 'schema/length',
        field: 'summary',
        line: 3,
        message: /at most 500 characters \(this has 250000\)/,
      },
    ],
    heapMb: 100,
    make: (content) => {
      put(
        content,
        'roadmap/ashdown/one-megabyte.md',
        markdown(['title: One line of a megabyte', `summary: ${'x'.repeat(1024 * 1024)}`, 'status: idea']),
      );
      put(
        content,
        'roadmap/ashdown/long-summary.md',
        markdown(['title: A long summary', `summary: ${'Zyxquo '.repeat(35_714)}xx`, 'status: idea']),
      );
    },
  },
  {
    name: 'duplicate-keys',
    errors: [
      { file: 'content/roadmap/ashdown/twice.md', rule: 'yaml/duplicate-key', field: 'title', line: 6, message: /`title` appears twice/ },
      {
        file: 'content/roadmap/ashdown/twice.md',
        rule: 'yaml/duplicate-key',
        field: 'links[0].url',
        line: 10,
        message: /`url` appears twice/,
      },
      {
        file: 'content/roadmap/ashdown/twice.md',
        rule: 'yaml/duplicate-key',
        field: '__proto__',
        line: 12,
        message: /`__proto__` appears twice/,
      },
    ],
  },
  {
    name: 'prototype-keys',
    errors: [
      { file: 'content/roadmap/ashdown/proto.md', rule: 'schema/unknown-field', field: '__proto__', line: 6 },
      { file: 'content/roadmap/ashdown/proto.md', rule: 'schema/unknown-field', field: 'constructor', line: 8 },
      { file: 'content/roadmap/ashdown/proto.md', rule: 'schema/unknown-field', field: 'prototype', line: 11 },
      { file: 'content/roadmap/ashdown/proto.md', rule: 'schema/unknown-field', field: 'links[0].__proto__', line: 16 },
      { file: 'content/datasets/ashdown/proto.yaml', rule: 'schema/unknown-field', field: '__proto__', line: 2 },
      { file: 'content/datasets/ashdown/proto.yaml', rule: 'schema/unknown-field', field: '<<', line: 2 },
      { file: 'content/organisations/proto.yaml', rule: 'schema/unknown-field', field: 'constructor', line: 5 },
      { file: 'content/organisations/proto.yaml', rule: 'schema/unknown-field', field: 'systems[0].__proto__', line: 11 },
    ],
  },
  {
    name: 'yaml-tags',
    errors: [2, 3, 4, 5, 6].map((line) => ({
      file: 'content/datasets/ashdown/tags.yaml',
      rule: 'yaml/syntax' as const,
      line,
      message: /a YAML tag \(a word starting with !\) is used/,
    })),
  },
  {
    name: 'invalid-utf8',
    errors: ['lone-continuation', 'overlong', 'surrogate', 'truncated', 'five-byte'].map((name) => ({
      file: `content/lessons/brackwater/${name}.md`,
      rule: 'file/encoding' as const,
      message: /not valid UTF-8/,
    })),
    make: (content) => {
      const bad: Record<string, number[]> = {
        'lone-continuation': [0x80],
        overlong: [0xc0, 0xaf],
        surrogate: [0xed, 0xa0, 0x80],
        'five-byte': [0xf8, 0x88, 0x80, 0x80, 0x80],
      };
      const head = Buffer.from('---\ntitle: Bad bytes ');
      for (const [name, bytes] of Object.entries(bad))
        put(
          content,
          `lessons/brackwater/${name}.md`,
          Buffer.concat([head, Buffer.from(bytes), Buffer.from('\nsummary: x\n---\n\nBody.\n')]),
        );
      put(
        content,
        'lessons/brackwater/truncated.md',
        Buffer.concat([Buffer.from(markdown(LESSON_FIELDS, 'Ends in the middle of an emoji ')), Buffer.from([0xf0, 0x9f, 0x98])]),
      );
    },
  },
  {
    name: 'invisible-text',
    errors: [
      {
        file: 'content/roadmap/ashdown/invisible.md',
        rule: 'schema/format',
        field: 'title',
        line: 2,
        message: /invisible character U\+202E/,
      },
      {
        file: 'content/roadmap/ashdown/invisible.md',
        rule: 'schema/format',
        field: 'summary',
        line: 3,
        message: /invisible character U\+200B/,
      },
      {
        file: 'content/roadmap/ashdown/invisible.md',
        rule: 'schema/format',
        field: 'translations.cy.title',
        line: 6,
        message: /invisible character U\+FEFF/,
      },
      {
        file: 'content/roadmap/ashdown/invisible.md',
        rule: 'schema/format',
        field: 'funding',
        line: 7,
        message: /invisible character U\+0007/,
      },
      {
        file: 'content/roadmap/ashdown/invisible.md',
        rule: 'schema/format',
        field: 'links[0].title',
        line: 9,
        message: /invisible character U\+2066/,
      },
      {
        file: 'content/organisations/invisible.yaml',
        rule: 'schema/format',
        field: 'name',
        line: 1,
        message: /invisible character U\+200D/,
      },
    ],
    make: (content) => {
      put(
        content,
        'roadmap/ashdown/invisible.md',
        markdown([
          "title: 'Garden \u202Eenilno etsaw\u202C subscriptions'",
          "summary: 'Zero\u200Bwidth space inside a word.'",
          'status: idea',
          'translations:',
          "  cy: { title: 'Teitl\uFEFFcudd' }",
          'funding: "A bell \\a rings"',
          'links:',
          "  - title: '\u2066isolated\u2069 text'",
          '    url: https://www.ashdown.example/',
        ]),
      );
      put(content, 'organisations/invisible.yaml', "name: 'Ash\u200Ddown'\ntype: community-group\ndemonstration: true\n");
    },
  },
  {
    name: 'invisible-names',
    errors: [
      { file: 'content/roadmap/ashdown/gar\u202Eden.md', rule: 'path/slug', message: /invisible character U\+202E/ },
      { file: 'content/roadmap/ashdown/garden\u200Bwaste.md', rule: 'path/slug', message: /invisible character U\+200B/ },
      { file: 'content/roadmap/ash\u200Ddown/plan.md', rule: 'path/slug', message: /organisation folder .* invisible character U\+200D/ },
      { file: 'content/organisations/ashdown\uFEFF.yaml', rule: 'path/slug', message: /invisible character U\+FEFF/ },
      { file: 'content/datasets/ashdown/\u2066data\u2069.yaml', rule: 'path/slug', message: /invisible character U\+2066/ },
    ],
    make: (content) => {
      put(content, 'roadmap/ashdown/gar\u202Eden.md', markdown(ROADMAP_FIELDS));
      put(content, 'roadmap/ashdown/garden\u200Bwaste.md', markdown(ROADMAP_FIELDS));
      put(content, 'roadmap/ash\u200Ddown/plan.md', markdown(ROADMAP_FIELDS));
      put(content, 'organisations/ashdown\uFEFF.yaml', 'name: Ashdown\ntype: community-group\ndemonstration: true\n');
      put(
        content,
        'datasets/ashdown/\u2066data\u2069.yaml',
        'title: x\nsummary: y\nlicence: OGL-UK-3.0\nlanding_url: https://data.ashdown.example/\n',
      );
    },
  },
  {
    name: 'homoglyph-ids',
    errors: [
      {
        file: `content/organisations/h${CYRILLIC_A}${CYRILLIC_ES}kney.yaml`,
        rule: 'path/slug',
        message: /“а”, U\+0430, at character 2, which is not one of a to z/,
      },
      { file: `content/roadmap/h${CYRILLIC_A}${CYRILLIC_ES}kney/plan.md`, rule: 'path/slug', message: /organisation folder .*U\+0430/ },
      { file: 'content/roadmap/ashdown/lookalike-references.md', rule: 'schema/format', field: 'partners[0]', line: 5 },
      { file: 'content/roadmap/ashdown/lookalike-references.md', rule: 'schema/format', field: 'partners[1]', line: 5 },
      { file: 'content/roadmap/ashdown/lookalike-references.md', rule: 'schema/format', field: 'reuses[0]', line: 6 },
      { file: 'content/organisations/lookalike.yaml', rule: 'schema/format', field: 'county', line: 3 },
      { file: 'content/organisations/lookalike.yaml', rule: 'schema/format', field: 'uses[0]', line: 5 },
      { file: 'content/lessons/brackwater/lookalike.md', rule: 'schema/format', field: 'related[0]', line: 4 },
    ],
    make: (content) => {
      const hackney = `h${CYRILLIC_A}${CYRILLIC_ES}kney`;
      put(content, `organisations/${hackney}.yaml`, 'name: Hackney\ntype: community-group\ndemonstration: true\n');
      put(content, `roadmap/${hackney}/plan.md`, markdown(ROADMAP_FIELDS));
      put(
        content,
        'roadmap/ashdown/lookalike-references.md',
        markdown([
          ...ROADMAP_FIELDS,
          `partners: [${hackney}, br${CYRILLIC_A}ckwater]`,
          `reuses: [components/${CYRILLIC_A}shdown-civic-tech/bin-day-finder]`,
        ]),
      );
      put(
        content,
        'organisations/lookalike.yaml',
        `name: Lookalike\ntype: community-group\ncounty: ${CYRILLIC_A}shdown\n` +
          `demonstration: true\nuses: [components/ashdown-civic-tech/bin-d${CYRILLIC_A}y-finder]\n`,
      );
      put(
        content,
        'lessons/brackwater/lookalike.md',
        markdown([...LESSON_FIELDS, `related: [roadmap/${CYRILLIC_A}shdown/garden-waste-online]`]),
      );
    },
  },
  {
    name: 'symlinks',
    errors: [
      'content/roadmap/ashdown/outside.md',
      'content/roadmap/ashdown/passwd.md',
      'content/lessons/linked',
      'content/organisations/loop.yaml',
      'content/datasets/ashdown/dangling.yaml',
    ].map((file) => ({ file, rule: 'path/symlink' as const, message: /symbolic link/ })),
    make: (content, outside) => {
      put(outside, 'outside.md', markdown(ROADMAP_FIELDS, 'A record outside the content folder.'));
      symlinkSync(join(outside, 'outside.md'), join(content, 'roadmap/ashdown/outside.md'));
      symlinkSync('/etc/passwd', join(content, 'roadmap/ashdown/passwd.md'));
      symlinkSync('../principles', join(content, 'lessons/linked'));
      symlinkSync('loop.yaml', join(content, 'organisations/loop.yaml'));
      symlinkSync('nowhere.yaml', join(content, 'datasets/ashdown/dangling.yaml'));
    },
  },
  {
    name: 'path-climbing',
    errors: [
      { file: 'content/roadmap/ashdown/climbing.md', rule: 'schema/format', field: 'partners[0]' },
      { file: 'content/roadmap/ashdown/climbing.md', rule: 'schema/format', field: 'partners[1]' },
      { file: 'content/roadmap/ashdown/climbing.md', rule: 'schema/format', field: 'partners[2]' },
      { file: 'content/roadmap/ashdown/climbing.md', rule: 'schema/format', field: 'reuses[0]' },
      { file: 'content/roadmap/ashdown/climbing.md', rule: 'schema/format', field: 'reuses[1]' },
      { file: 'content/roadmap/ashdown/climbing.md', rule: 'schema/format', field: 'reuses[2]' },
      { file: 'content/lessons/brackwater/climbing.md', rule: 'schema/format', field: 'related[0]' },
      { file: 'content/lessons/brackwater/climbing.md', rule: 'schema/format', field: 'related[1]' },
      { file: 'content/lessons/brackwater/climbing.md', rule: 'schema/format', field: 'related[2]' },
      { file: 'content/principles/ashdown/climbing.md', rule: 'schema/format', field: 'adopted_from' },
      { file: 'content/organisations/climbing.yaml', rule: 'schema/format', field: 'county' },
      { file: 'content/organisations/climbing.yaml', rule: 'schema/format', field: 'uses[0]' },
    ],
  },
  {
    name: 'path-climbing-names',
    errors: [
      { file: 'content/roadmap/ashdown/...md', rule: 'path/slug', message: /the file name `\.\.` is not a valid slug/ },
      { file: 'content/roadmap/ashdown/.hidden.md', rule: 'path/slug', message: /`\.hidden` is not a valid slug/ },
      { file: 'content/roadmap/..hidden/plan.md', rule: 'path/slug', message: /organisation folder `\.\.hidden`/ },
      { file: 'content/organisations/...yaml', rule: 'path/slug', message: /organisation id `\.\.` is not a valid slug/ },
    ],
    make: (content) => {
      put(content, 'roadmap/ashdown/...md', markdown(ROADMAP_FIELDS));
      put(content, 'roadmap/ashdown/.hidden.md', markdown(ROADMAP_FIELDS));
      put(content, 'roadmap/..hidden/plan.md', markdown(ROADMAP_FIELDS));
      put(content, 'organisations/...yaml', 'name: Dots\ntype: community-group\n');
    },
  },
  {
    name: 'unknown-folder',
    errors: [
      'content/scripts/evil.js',
      'content/.github/workflows/evil.yml',
      'content/roadmap/ashdown/nested/plan.md',
      'content/organisations/sub/x.yaml',
      'content/vocabularies/extra.yaml',
      'content/top.md',
    ].map((file) => ({ file, rule: 'path/unknown-location' as const })),
    make: (content) => {
      put(content, 'scripts/evil.js', 'require("child_process").execSync("touch /tmp/council-commons-pwned");\n');
      put(content, '.github/workflows/evil.yml', 'on: push\njobs: {}\n');
      put(content, 'roadmap/ashdown/nested/plan.md', markdown(ROADMAP_FIELDS));
      put(content, 'organisations/sub/x.yaml', 'name: X\ntype: community-group\n');
      put(content, 'vocabularies/extra.yaml', 'themes: []\n');
      put(content, 'top.md', markdown(ROADMAP_FIELDS));
    },
  },
  {
    name: 'empty-files',
    errors: [
      { file: 'content/lessons/brackwater/empty.md', rule: 'file/empty' },
      { file: 'content/lessons/brackwater/blank.md', rule: 'file/empty' },
      { file: 'content/lessons/brackwater/bom-only.md', rule: 'file/empty' },
      { file: 'content/lessons/brackwater/empty-front-matter.md', rule: 'yaml/not-fields', message: /holds an empty value, not fields/ },
      { file: 'content/datasets/ashdown/comment-only.yaml', rule: 'yaml/not-fields' },
      { file: 'content/organisations/empty-org.yaml', rule: 'file/empty' },
    ],
    make: (content) => {
      put(content, 'lessons/brackwater/empty.md', '');
      put(content, 'lessons/brackwater/blank.md', '  \n\t\n\n');
      put(content, 'lessons/brackwater/bom-only.md', '\uFEFF');
      put(content, 'lessons/brackwater/empty-front-matter.md', '---\n---\n');
      put(content, 'datasets/ashdown/comment-only.yaml', '# nothing here\n');
      put(content, 'organisations/empty-org.yaml', '');
    },
  },
  {
    name: 'binary-md',
    errors: [
      { file: 'content/lessons/brackwater/image.md', rule: 'file/encoding', message: /not valid UTF-8/ },
      { file: 'content/lessons/brackwater/nul.md', rule: 'file/encoding', message: /NUL characters/ },
      { file: 'content/datasets/ashdown/utf16.yaml', rule: 'file/encoding' },
    ],
    make: (content) => {
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
          '0000000d4944415478da63f8ffff3f0005fe02fea7d6a48b0000000049454e44ae426082',
        'hex',
      );
      put(content, 'lessons/brackwater/image.md', png);
      put(content, 'lessons/brackwater/nul.md', markdown(LESSON_FIELDS, 'A NUL byte \u0000 inside the body.'));
      put(content, 'datasets/ashdown/utf16.yaml', Buffer.from('\uFEFFtitle: x\nsummary: y\n', 'utf16le'));
    },
  },
  {
    name: 'oversized',
    errors: [
      { file: 'content/lessons/brackwater/just-over.md', rule: 'path/too-large', message: /the file is 257 KiB; the limit is 256 KiB/ },
      { file: 'content/lessons/brackwater/huge-sparse.md', rule: 'path/too-large', message: /the file is 2097152 KiB/ },
    ],
    accepted: ['lessons/brackwater/exactly-limit'],
    heapMb: 100,
    child: true,
    make: (content) => {
      put(content, 'lessons/brackwater/just-over.md', lessonOfSize(LIMIT + 1));
      put(content, 'lessons/brackwater/exactly-limit.md', lessonOfSize(LIMIT));
      const fd = openSync(join(content, 'lessons/brackwater/huge-sparse.md'), 'w');
      ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
      closeSync(fd);
    },
  },
  {
    name: 'special-files',
    errors: [{ file: 'content/lessons/brackwater/pipe.md', rule: 'path/unknown-location', message: /not a regular file/ }],
    childOnly: true,
    make: (content) => {
      const made = spawnSync('mkfifo', [join(content, 'lessons/brackwater/pipe.md')]);
      if (made.status !== 0 || !existsSync(join(content, 'lessons/brackwater/pipe.md'))) throw new Error(`mkfifo failed: ${made.stderr}`);
    },
  },
  {
    name: 'slow-patterns',
    errors: [
      { file: 'content/datasets/ashdown/digits.yaml', rule: 'schema/length', field: 'summary', line: 2 },
      { file: 'content/roadmap/ashdown/mailto-dots.md', rule: 'schema/format', field: 'contact', line: 5 },
      { file: 'content/datasets/ashdown/many-duplicates.yaml', rule: 'yaml/duplicate-key', field: 'a', count: 39_999 },
      { file: 'content/datasets/ashdown/many-fields.yaml', rule: 'schema/unknown-field', field: '*', count: 20_000 },
      { file: 'content/datasets/ashdown/many-fields.yaml', rule: 'schema/required', field: '*', count: 4 },
    ],
    warnings: [{ file: 'content/lessons/brackwater/blank-lines.md', rule: 'content/unsafe-html', line: 200_005 }],
    accepted: ['lessons/brackwater/open-tags', 'lessons/brackwater/blank-lines'],
    budget: 10_000,
    child: true,
    make: (content) => {
      put(content, 'lessons/brackwater/open-tags.md', fm(LESSON_FIELDS) + '<a'.repeat(120_000));
      put(content, 'lessons/brackwater/blank-lines.md', `${fm(LESSON_FIELDS)}${'\n'.repeat(200_000)}[x]: javascript:alert(1)\n`);
      put(
        content,
        'datasets/ashdown/digits.yaml',
        `title: Digits\nsummary: ${'1'.repeat(200_000)}x\nlicence: OGL-UK-3.0\nlanding_url: https://data.ashdown.example/\n`,
      );
      put(content, 'roadmap/ashdown/mailto-dots.md', markdown([...ROADMAP_FIELDS, `contact: mailto:a@${'a.'.repeat(100_000)} x`]));
      put(content, 'datasets/ashdown/many-duplicates.yaml', 'a: 1\n'.repeat(40_000));
      put(content, 'datasets/ashdown/many-fields.yaml', Array.from({ length: 20_000 }, (_, index) => `f${index}: 1`).join('\n'));
    },
  },
  {
    name: 'slow-markdown',
    accepted: ['emphasis-run', 'strike-run', 'unclosed-comments', 'unclosed-links', 'addresses', 'fence'].map(
      (slug) => `lessons/brackwater/${slug}`,
    ),
    make: (content) => {
      const bodies: Record<string, string> = {
        'emphasis-run': `Zyxquo a${'*_'.repeat(120_000)}`,
        'strike-run': `Zyxquo a${'~_'.repeat(120_000)}`,
        'unclosed-comments': `Zyxquo </${'<!--'.repeat(60_000)}`,
        'unclosed-links': `Zyxquo ${'[a](<b'.repeat(40_000)}`,
        addresses: `Zyxquo ${'www.'.repeat(60_000)}`,
        fence: `Zyxquo\n\n${'`'.repeat(240_000)}\nx`,
      };
      for (const [slug, body] of Object.entries(bodies)) {
        const text = markdown([`title: Zyxquo ${slug}`, 'summary: A body built to be slow to render.'], body);
        if (Buffer.byteLength(text) > LIMIT) throw new Error(`${slug} is over the limit`);
        put(content, `lessons/brackwater/${slug}.md`, text);
      }
    },
  },
];

/** Lays a case over a content folder: its static files, then its generated ones. */
export function applyCase(testCase: HostileCase, content: string, outside: string): void {
  const folder = join(HOSTILE_FIXTURES, testCase.name, 'content');
  if (existsSync(folder)) cpSync(folder, content, { recursive: true });
  testCase.make?.(content, outside);
}

/** The cases the fixture site is built with, on top of the baseline: accepted hostile text and Markdown. */
export const SITE_CASES = CASES.filter((testCase) => testCase.site);
