/**
 * src/lib/open-data/csv.ts: the /api/v1/<collection>.csv files: RFC 4180 quoting, lists, objects,
 * formula injection, columns from the schemas, and a round trip through the hub's own reader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from '../../src/lib/csv.ts';
import { openCollection } from '../../src/lib/open-data/context.ts';
import { cellText, collectionCsv, csvColumns, csvRow, neutraliseFormula, splitList } from '../../src/lib/open-data/csv.ts';
import { context } from './open-data-helpers.ts';

/** Undoes the formula rule, as the /api/ page tells readers to. */
const unneutralise = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

describe('csvRow: RFC 4180 quoting', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['Caerdydd – Cymraeg ŵ ŷ, café 🚲', '"Caerdydd – Cymraeg ŵ ŷ, café 🚲"'],
    ['Llyfrgelloedd', 'Llyfrgelloedd'],
    ['', ''],
  ])('%j is written %j', (value, cell) => {
    expect(csvRow([value])).toBe(`${cell}\r\n`);
  });

  it('ends every row with CRLF and separates cells with commas', () => {
    expect(csvRow(['a', 1, true, undefined, null])).toBe('a,1,true,,\r\n');
  });
});

describe('formula injection', () => {
  it.each(['=HYPERLINK("https://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tlead', '\rlead', "'quoted"])(
    '%j gets a leading apostrophe',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );

  it.each(['1 = 1', 'a-b', 'e-mail@example.gov.uk', ' =not at the start', '', '2026-11-27', 'https://x.example/?a=b'])(
    '%j is left alone',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
    },
  );

  it('quotes a neutralised cell that also needs quoting', () => {
    expect(csvRow(['=1,2'])).toBe(`"'=1,2"\r\n`);
    expect(csvRow(['-"x"'])).toBe(`"'-""x"""\r\n`);
  });
});

describe('lists and objects', () => {
  it('joins plain lists with ; and escapes ; and \\ inside items', () => {
    expect(cellText([524, 530])).toBe('524;530');
    expect(cellText(['WCAG 2.2 AA', 'BS7666; UPRN', 'C:\\path'])).toBe('WCAG 2.2 AA;BS7666\\; UPRN;C:\\\\path');
    expect(splitList('WCAG 2.2 AA;BS7666\\; UPRN;C:\\\\path')).toEqual(['WCAG 2.2 AA', 'BS7666; UPRN', 'C:\\path']);
    expect(cellText([])).toBe('');
    expect(splitList('')).toEqual([]);
  });

  it('writes lists of objects and objects as compact JSON', () => {
    expect(cellText([{ title: 'Post', url: 'https://x.example/' }])).toBe('[{"title":"Post","url":"https://x.example/"}]');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });

  it('round-trips any list of strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (items) => {
        fc.pre(!(items.length === 1 && items[0] === ''));
        expect(splitList(cellText(items))).toEqual(items);
      }),
    );
  });
});

describe('any text survives writing and reading', () => {
  it('parseCsv reads back each value, once the apostrophe rule is undone', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (values) => {
        const [row] = parseCsv(csvRow(values));
        expect(row.map(unneutralise)).toEqual(values);
      }),
    );
  });
});

describe('csvColumns', () => {
  it('puts id, organisation and url first, then the schema’s fields in order, then licence and last_updated, and not the body', () => {
    const columns = csvColumns(openCollection('roadmap'));
    expect(columns.slice(0, 6)).toEqual(['id', 'organisation', 'url', 'title', 'summary', 'translations']);
    expect(columns.slice(-2)).toEqual(['licence', 'last_updated']);
    expect(columns).not.toContain('body_markdown');
    expect(columns.filter((column) => column === 'licence')).toHaveLength(1);
  });

  it('names a component’s own url website, so no column is named twice', () => {
    const columns = csvColumns(openCollection('components'));
    expect(columns).toContain('website');
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns.indexOf('website')).toBe(columns.indexOf('repository_url') + 1);
  });

  it('gives organisations no organisation column and a licence column after their fields; datasets no body', () => {
    const organisations = csvColumns(openCollection('organisations'));
    expect(organisations.slice(0, 3)).toEqual(['id', 'url', 'name']);
    expect(organisations.slice(-3)).toEqual(['demonstration', 'licence', 'last_updated']);
    expect(csvColumns(openCollection('datasets'))).not.toContain('body_markdown');
  });
});

describe('collectionCsv', () => {
  it('writes a header and one row per record, sorted by id, that parseCsv reads back', () => {
    const csv = collectionCsv(
      openCollection('lessons'),
      [
        {
          id: 'lessons/b/two',
          organisation: 'b',
          data: {
            title: '=cmd|/C calc',
            summary: 'Commas, "quotes"\nand lines',
            themes: ['a', 'b'],
            outcome: '- a list item',
            translations: { cy: { title: 'Dau' } },
            links: [{ title: 'L', url: 'https://l.example/' }],
          },
          body: '- a list item\n- another',
        },
        {
          id: 'lessons/a/one',
          organisation: 'a',
          data: { title: 'Gwersi', summary: 'Dysgu', licence: 'CC-BY-4.0' },
          body: 'Text',
          lastUpdated: '2026-01-02T00:00:00Z',
        },
      ],
      context,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsvObjects(csv);
    expect(rows.map((row) => row.id)).toEqual(['lessons/a/one', 'lessons/b/two']);
    expect(rows[0]).toMatchObject({
      organisation: 'a',
      url: 'https://hub.example/base/lessons/a/one/',
      licence: 'CC-BY-4.0',
      last_updated: '2026-01-02T00:00:00Z',
      outcome: '',
    });
    expect(rows[1]).toMatchObject({
      title: "'=cmd|/C calc",
      summary: 'Commas, "quotes"\nand lines',
      themes: 'a;b',
      links: '[{"title":"L","url":"https://l.example/"}]',
      licence: 'OGL-UK-3.0',
      outcome: "'- a list item",
      translations: '{"cy":{"title":"Dau"}}',
    });
    expect(Object.keys(rows[0])).toEqual(csvColumns(openCollection('lessons')));
  });
});
