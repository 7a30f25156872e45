/**
 * src/lib/contribute/record-file.ts: the file a contribution becomes. The property that matters: what it
 * writes passes the project's own validator and reads back as exactly the answers. Checked three ways:
 * every demonstration record rewritten by it (in a copy of the real content), new records written into
 * the test baseline from form answers, and generated text of every awkward kind read back by the
 * validator's own YAML reader.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLLECTIONS } from '../../schemas/collections.ts';
import { readAnswers } from '../../src/lib/contribute/answers.ts';
import { formModel } from '../../src/lib/contribute/form-model.ts';
import { fieldsYaml, recordExtension, recordFile } from '../../src/lib/contribute/record-file.ts';
import { splitFrontMatter } from '../../src/lib/content-files/text.ts';
import { parseYaml } from '../../src/lib/content-files/yaml.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, copyOf, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

const TODAY = '2026-11-27';

describe('every demonstration record, written again by recordFile', () => {
  const original = validateContent({ contentDir: join(ROOT, 'content'), today: TODAY });
  const content = copyOf(join(ROOT, 'content'));
  const written = original.content.records.map((record) => {
    const extension = /\.(md|yaml)$/.exec(record.file)![0];
    const file = recordFile(
      record.collection,
      { organisation: record.organisation, slug: record.slug, fields: record.data as Record<string, unknown>, body: record.body ?? '' },
      { extension },
    );
    writeFileSync(join(content, '..', file.path), file.text);
    return { record, file };
  });
  const report = validateContent({ contentDir: content, today: TODAY });

  it('writes each to the path it came from', () => {
    expect(written.length).toBeGreaterThan(50);
    for (const { record, file } of written) expect(file.path).toBe(record.file);
  });

  it('passes the validator with no errors', () => {
    expect(report.errors.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([]);
    expect(report.content.records).toHaveLength(original.content.records.length);
  });

  it('reads back as the same fields and text', () => {
    const after = new Map(report.content.records.map((record) => [record.id, record]));
    for (const record of original.content.records) {
      const again = after.get(record.id)!;
      expect(again.data, record.id).toEqual(record.data);
      expect((again.body ?? '').trim(), record.id).toBe((record.body ?? '').trim());
    }
  });

  it('writes in the style of the content files: short lists inline, long text folded, fields in schema order', () => {
    const { file } = written.find(({ record }) => record.id === 'roadmap/glanmor/garden-waste-renewals')!;
    expect(file.text).toContain('services: [530]\n');
    expect(file.text).toContain('themes: [waste-and-recycling, payments, content-design]\n');
    expect(file.text).toMatch(/\nsummary: >-\n {2}A bilingual online service/);
    const keys = [...file.text.matchAll(/^([a-z_]+):/gm)].map((match) => match[1]);
    const schemaOrder = Object.keys(RECORD_COLLECTIONS.find((collection) => collection.name === 'roadmap')!.schema.shape);
    expect(keys).toEqual(schemaOrder.filter((key) => keys.includes(key)));
  });

  it('starts a YAML record with the schema line the content files have', () => {
    const { file } = written.find(({ record }) => record.collection === 'datasets')!;
    expect(file.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/json/datasets.schema.json');
  });
});

describe('new records from form answers', () => {
  const answers = (collection: string, entries: [string, string][]) => readAnswers(formModel(collection)!, entries);
  const cases: { collection: string; entries: [string, string][] }[] = [
    {
      collection: 'roadmap',
      entries: [
        ['organisation', 'Ashdown (ashdown)'],
        ['slug', 'garden-waste-renewals-online'],
        ['title', 'Garden waste: renewals online'],
        ['summary', 'Residents renew their garden waste subscription online, with a reminder six weeks before it ends.'],
        ['status', 'alpha'],
        ['services', '530'],
        ['themes', 'waste-and-recycling'],
        ['start-month', '4'],
        ['start-year', '2026'],
        ['end-month', 'March'],
        ['end-year', '2027'],
        ['review_by-day', '31'],
        ['review_by-month', '3'],
        ['review_by-year', '2027'],
        ['looking_for', 'partners'],
        ['looking_for', 'testers'],
        ['contact', 'digital@example.gov.uk'],
        ['links[0][title]', ''],
        ['links[0][url]', ''],
        ['links[1][title]', '# Our "discovery" write-up: part 1'],
        ['links[1][url]', 'https://www.example.gov.uk/discovery'],
        ['body', '## What we are doing\r\n\r\nRenewals online, for 9,800 households.\r\n'],
      ],
    },
    {
      collection: 'datasets',
      entries: [
        ['organisation', 'ashdown'],
        ['slug', 'bin-collection-days'],
        ['title', 'Bin collection days'],
        ['summary', 'The collection day for every address.'],
        ['licence', 'OGL-UK-3.0'],
        ['landing_url', 'https://data.example.gov.uk/bins'],
        ['distributions[0][url]', 'https://data.example.gov.uk/bins.csv'],
        ['distributions[0][format]', 'CSV'],
        ['distributions[0][media_type]', 'text/csv'],
        ['update_frequency', 'weekly'],
        ['standards', 'Open Referral UK\n\nBS7666\n'],
      ],
    },
    {
      collection: 'components',
      entries: [
        ['organisation', 'ashdown'],
        ['slug', 'address-lookup'],
        ['title', 'Address lookup'],
        ['summary', 'Finds an address from a postcode.'],
        ['kind', 'code'],
        ['licence', 'MIT'],
        ['development_status', ''],
        ['body', 'How to use it.'],
      ],
    },
    {
      collection: 'principles',
      entries: [
        ['organisation', 'ashdown'],
        ['slug', 'open-by-default'],
        ['title', 'Open by default'],
        ['summary', 'We publish our work in the open.'],
        ['body', 'Text.'],
      ],
    },
    {
      collection: 'lessons',
      entries: [
        ['organisation', 'ashdown'],
        ['slug', 'what-we-learned'],
        ['title', 'What we learned'],
        ['summary', 'A lesson.'],
        ['outcome', 'did-not-work'],
        ['date-day', '4'],
        ['date-month', '3'],
        ['date-year', '2026'],
      ],
    },
  ];

  it.each(cases)('a $collection written from answers passes the validator and reads back as the answers', ({ collection, entries }) => {
    const given = answers(collection, entries);
    const file = recordFile(collection, given);
    const content = contentFixture();
    const path = join(content, '..', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    const report = validateContent({ contentDir: content, today: TODAY });
    expect(report.errors.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([]);
    const written = report.content.records.find((record) => record.id === `${collection}/${given.organisation}/${given.slug}`);
    expect(written?.data).toEqual(given.fields);
    expect((written?.body ?? '').trim()).toBe(given.body);
    expect(readFileSync(path, 'utf8')).toBe(file.text);
  });

  it('skips blank rows and blank answers, and writes dates from their parts', () => {
    const given = answers('roadmap', cases[0].entries);
    expect(given.fields.links).toEqual([{ title: '# Our "discovery" write-up: part 1', url: 'https://www.example.gov.uk/discovery' }]);
    expect(given.rows.links).toEqual([1]);
    expect(given.fields.start).toBe('2026-04');
    expect(given.fields.end).toBe('2027-03');
    expect(given.fields.review_by).toBe('2027-03-31');
    expect(given.body).toBe('## What we are doing\n\nRenewals online, for 9,800 households.');
  });

  it('gives a component with text a .md file and one without a .yaml file, and keeps an edited file’s type', () => {
    expect(recordExtension('components', true)).toBe('.md');
    expect(recordExtension('components', false)).toBe('.yaml');
    expect(recordExtension('components', false, '.md')).toBe('.md');
    expect(recordExtension('components', true, '.yaml')).toBe('.md');
    expect(recordExtension('datasets', false, '.md')).toBe('.yaml');
    expect(recordExtension('roadmap', false)).toBe('.md');
  });
});

describe('awkward text', () => {
  /** What the validator reads from a file recordFile wrote: its front matter through the validator's own YAML reader. */
  function readBack(text: string): unknown {
    const split = splitFrontMatter(text);
    if ('error' in split) throw new Error(split.error);
    const parsed = parseYaml(split.yaml);
    expect(parsed.issues).toEqual([]);
    return parsed.value;
  }

  const awkward = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom(
      'yes',
      'no',
      'null',
      '~',
      'true',
      '0x1F',
      '1e3',
      '2026-04',
      '2026-04-31',
      '- item',
      '#hash',
      '"quoted"',
      "'single'",
      'a: b',
      'a #b',
      '  leading',
      'trailing  ',
      '@at',
      '`tick`',
      '%percent',
      '!tag',
      '&anchor',
      '*alias',
      '|pipe',
      '>fold',
      '---',
      '...',
      '[list]',
      '{map}',
      'tab\there',
      'multi\nline\n\n  indented',
      ' \n leading line',
    ),
  );

  it('any title, summary and list reads back exactly as given', () => {
    fc.assert(
      fc.property(awkward, awkward, fc.array(awkward, { maxLength: 4 }), (title, summary, partners) => {
        const file = recordFile('roadmap', { organisation: 'ashdown', slug: 'x', fields: { title, summary, partners }, body: '' });
        // Empty answers are left out of the file, as the form leaves them out.
        const expected = Object.fromEntries(
          Object.entries({ title, summary, partners }).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0)),
        );
        expect(readBack(file.text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('folds long one-line text and keeps line breaks', () => {
    const long = 'word '.repeat(40).trim();
    expect(fieldsYaml({ summary: long })).toMatch(/^summary: >-\n {2}word/);
    expect(fieldsYaml({ summary: 'one\ntwo' })).toBe('summary: |-\n  one\n  two\n');
  });
});
