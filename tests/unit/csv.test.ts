/**
 * src/lib/csv.ts: the small RFC 4180 reader and writer that loads the reference registers in
 * data/reference/. Checked on hand-written edge cases and on the real registers themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, parseCsvObjects } from '../../src/lib/csv.ts';
import { ROOT } from '../helpers/content.ts';

const reference = (name: string) => readFileSync(join(ROOT, 'data/reference', name), 'utf8');

describe('parseCsv', () => {
  it('splits plain fields on commas and rows on line ends', () => {
    expect(parseCsv('id,label\n524,Household waste collection\n')).toEqual([
      ['id', 'label'],
      ['524', 'Household waste collection'],
    ]);
  });

  it('keeps commas inside a quoted field as part of the field', () => {
    expect(parseCsv('E06000058,"Bournemouth, Christchurch and Poole",unitary')).toEqual([
      ['E06000058', 'Bournemouth, Christchurch and Poole', 'unitary'],
    ]);
  });

  it('reads a doubled quote inside a quoted field as one quote', () => {
    expect(parseCsv('BSD-2-Clause,"BSD 2-Clause ""Simplified"" License"')).toEqual([['BSD-2-Clause', 'BSD 2-Clause "Simplified" License']]);
  });

  it('reads a field that is only a pair of quotes as empty', () => {
    expect(parseCsv('a,"",c')).toEqual([['a', '', 'c']]);
  });

  it('keeps line breaks inside a quoted field', () => {
    expect(parseCsv('a,"line one\nline two\r\nline three",b')).toEqual([['a', 'line one\nline two\r\nline three', 'b']]);
  });

  it('reads CRLF line ends the same as LF ones', () => {
    const lf = parseCsv('a,b\nc,d\n');
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual(lf);
    expect(lf).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads a file whose line ends are mixed', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('skips a leading byte-order mark, so the first column name is clean', () => {
    const rows = parseCsv('\ufeffid,name\nMIT,MIT License\n');
    expect(rows[0][0]).toBe('id');
    expect(rows).toEqual([
      ['id', 'name'],
      ['MIT', 'MIT License'],
    ]);
  });

  it('gives the same rows with or without a trailing newline', () => {
    expect(parseCsv('a,b\nc,d\n')).toEqual(parseCsv('a,b\nc,d'));
  });

  it('keeps empty fields, including a trailing empty one', () => {
    expect(parseCsv('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('gives no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('throws when a quoted field is never closed', () => {
    expect(() => parseCsv('id,name\nMIT,"MIT License\n')).toThrow(/closing " is missing/);
  });
});

describe('parseCsvObjects', () => {
  it('keys each row by the header, filling missing trailing fields with empty text', () => {
    expect(parseCsvObjects('id,name,notes\nMIT,MIT License\n')).toEqual([{ id: 'MIT', name: 'MIT License', notes: '' }]);
  });

  it('skips blank lines between and after rows', () => {
    expect(parseCsvObjects('id,name\n\nMIT,MIT License\n\n')).toEqual([{ id: 'MIT', name: 'MIT License' }]);
  });

  it('gives no objects for empty text or a header alone', () => {
    expect(parseCsvObjects('')).toEqual([]);
    expect(parseCsvObjects('id,name\n')).toEqual([]);
  });

  describe('on the real Local Government Service List (data/reference/services.csv)', () => {
    const services = parseCsvObjects(reference('services.csv'));

    it('reads all 1,520 services, each with the ten columns of the header', () => {
      expect(services).toHaveLength(1520);
      const columns = [
        'lgsl_id',
        'label',
        'description',
        'uri',
        'esd_created',
        'esd_modified',
        'esd_history_notes',
        'govuk_providing_tier',
        'govuk_description',
        'source',
      ];
      for (const service of services) expect(Object.keys(service)).toEqual(columns);
    });

    it('gives every service a distinct whole-number id', () => {
      const ids = services.map((service) => service.lgsl_id);
      expect(ids.every((id) => /^[1-9]\d*$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('names LGSL 524 "Household waste collection"', () => {
      const service = services.find((row) => row.lgsl_id === '524');
      expect(service?.label).toBe('Household waste collection');
      expect(service?.uri).toBe('http://id.esd.org.uk/service/524');
    });

    it('keeps the commas inside quoted labels', () => {
      expect(services.map((service) => service.label)).toContain('Minutes, agendas and reports');
    });
  });

  describe('on the real licence list (data/reference/licences.csv)', () => {
    const licences = new Map(parseCsvObjects(reference('licences.csv')).map((row) => [row.id, row]));

    it('marks the Open Government Licence v3.0 open but not OSI-approved', () => {
      expect(licences.get('OGL-UK-3.0')).toMatchObject({ name: 'Open Government Licence v3.0', open: 'true', osi_approved: 'false' });
    });

    it('marks the MIT licence open and OSI-approved', () => {
      expect(licences.get('MIT')).toMatchObject({ name: 'MIT License', open: 'true', osi_approved: 'true' });
    });

    it('reads the doubled quotes in a licence name', () => {
      expect(licences.get('BSD-3-Clause')?.name).toBe('BSD 3-Clause "New" or "Revised" License');
    });
  });
});

describe('csvField', () => {
  it('leaves a field that needs no quoting as it is', () => {
    expect(csvField('Household waste collection')).toBe('Household waste collection');
    expect(csvField('')).toBe('');
  });

  it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('Minutes, agendas and reports')).toBe('"Minutes, agendas and reports"');
    expect(csvField('BSD 2-Clause "Simplified" License')).toBe('"BSD 2-Clause ""Simplified"" License"');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
  });

  it('writes rows that parseCsvObjects reads back unchanged, whatever the text', () => {
    // Three columns, as in a real register: a row of one empty field is the one thing CSV cannot
    // tell apart from a blank line, and no register has such rows.
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    const row = fc.record({ id: text, name: text, notes: text });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (rows, newline) => {
        const header = ['id', 'name', 'notes'];
        const csv =
          [header.join(','), ...rows.map((item) => header.map((column) => csvField(item[column as keyof typeof item])).join(','))].join(
            newline,
          ) + newline;
        expect(parseCsvObjects(csv)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
