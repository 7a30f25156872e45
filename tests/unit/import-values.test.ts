/**
 * src/lib/import: the small conversions the importers share. Text to plain sentences, shortening on a
 * word boundary, dates, update frequencies, formats, licences (against the real licences.csv) and
 * themes (against the real vocabulary), and the file a record becomes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { datasetLicence, spdxExpression, spdxLicence } from '../../src/lib/import/licence.ts';
import { headerComment, recordPath, renderRecord } from '../../src/lib/import/render.ts';
import { oneLine, shorten, toPlainText } from '../../src/lib/import/text.ts';
import { KEYWORD_THEMES, matchThemes, PUBLICCODE_THEMES } from '../../src/lib/import/themes.ts';
import type { PlannedRecord, ThemeTerm } from '../../src/lib/import/types.ts';
import {
  normaliseDate,
  normaliseEmail,
  normaliseFormat,
  normaliseFrequency,
  normaliseMediaType,
  webAddress,
} from '../../src/lib/import/values.ts';
import { loadLicences } from '../../src/lib/reference-data.ts';
import { splitFrontMatter } from '../../src/lib/content-files/text.ts';
import { ROOT } from '../helpers/content.ts';

const licences = loadLicences();
const vocabulary = (parse(readFileSync(join(ROOT, 'content/vocabularies/themes.yaml'), 'utf8')) as { themes: ThemeTerm[] }).themes;

describe('toPlainText', () => {
  it('keeps the words of Markdown and drops its marks, headings and link addresses', () => {
    const markdown =
      '## Bin rounds\r\n\r\nThe **round** for every _address_, from the [collection system](https://x.example/).\r\n\r\n' +
      '- One row an address\r\n- Its UPRN\r\n\r\nSee `rounds.csv`.';
    expect(toPlainText(markdown)).toBe(
      'The round for every address, from the collection system. One row an address. Its UPRN. See rounds.csv.',
    );
  });

  it('reads HTML: tags go, entities are decoded, paragraphs and list items become sentences', () => {
    const html =
      '<h2>Planning</h2><p>Every <strong>application</strong> since 2021 &amp; ' +
      'its decision</p><ul><li>Reference</li><li>Address</li></ul><script>alert(1)</script>';
    expect(toPlainText(html)).toBe('Every application since 2021 & its decision. Reference. Address');
  });

  it('leaves snake_case and arithmetic alone', () => {
    expect(toPlainText('Use the field collection_day, not 2 * 3 * 4.')).toBe('Use the field collection_day, not 2 * 3 * 4.');
  });

  it('removes invisible and direction-changing characters, which the schemas refuse', () => {
    expect(toPlainText('Bins\u200b due\u202e today')).toBe('Bins due today');
    expect(oneLine(' a\n\tb\u2028c ')).toBe('a b c');
  });
});

describe('shorten', () => {
  it('leaves text that fits as it is', () => {
    expect(shorten('Short enough.', 20)).toBe('Short enough.');
  });

  it('ends at the last full sentence when that keeps at least half', () => {
    const text = 'The first sentence is here. The second sentence is much longer and will not fit.';
    expect(shorten(text, 50)).toBe('The first sentence is here.');
  });

  it('otherwise cuts at a space and adds an ellipsis, never over the limit', () => {
    const text = 'word '.repeat(200).trim();
    const short = shorten(text, 500);
    expect(short.length).toBeLessThanOrEqual(500);
    expect(short.endsWith('word…')).toBe(true);
    expect(shorten('averyveryverylongwordwithoutspaces', 10)).toBe('averyvery…');
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2026-11-25', '2026-11-25'],
    ['2026-11-25T06:00:00Z', '2026-11-25'],
    ['2023-04-03T09:12:44.512043', '2023-04-03'],
    ['2026-11-25T23:30:00-05:00', '2026-11-25'],
    ['Fri, 03 May 2019 10:00:00 GMT', '2019-05-03'],
  ])('%s → %s', (raw, date) => {
    expect(normaliseDate(raw)).toEqual({ value: date });
  });

  it('reads a UK date as day/month/year and says so', () => {
    expect(normaliseDate('05/04/2021')).toEqual({ value: '2021-04-05', note: '"05/04/2021" was read as day/month/year' });
  });

  it('reports what is not a day, rather than guessing one', () => {
    expect(normaliseDate('2021-02-30')).toHaveProperty('problem');
    expect(normaliseDate('2021')).toEqual({ problem: '"2021" gives only a year, not a day' });
    expect(normaliseDate('2021-04')).toEqual({ problem: '"2021-04" gives only a month, not a day' });
    expect(normaliseDate('soon')).toHaveProperty('problem');
    expect(normaliseDate(20210405)).toHaveProperty('problem');
  });
});

describe('normaliseFrequency', () => {
  it.each([
    ['R/P1D', 'daily'],
    ['R/P1W', 'weekly'],
    ['R/P1M', 'monthly'],
    ['R/P3M', 'quarterly'],
    ['R/P6M', 'twice-a-year'],
    ['R/P1Y', 'annually'],
    ['R/PT1S', 'continuous'],
    ['irregular', 'irregular'],
    ['weekly', 'weekly'],
    ['Annual', 'annually'],
    ['six-monthly', 'twice-a-year'],
    ['discontinued', 'never'],
    ['http://publications.europa.eu/resource/authority/frequency/QUARTERLY', 'quarterly'],
    ['http://publications.europa.eu/resource/authority/frequency/ANNUAL_2', 'twice-a-year'],
    ['http://purl.org/cld/freq/monthly', 'monthly'],
  ])('%s → %s', (raw, frequency) => {
    expect(normaliseFrequency(raw)).toEqual({ value: frequency });
  });

  it('writes more-often-than-daily as continuous, and says so', () => {
    expect(normaliseFrequency('R/PT1H')).toMatchObject({ value: 'continuous', note: expect.stringContaining('continuous') });
  });

  it('reports what has no word in the schema', () => {
    expect(normaliseFrequency('R/P2W')).toHaveProperty('problem');
    expect(normaliseFrequency('R/P2Y')).toHaveProperty('problem');
    expect(normaliseFrequency('fortnightly')).toHaveProperty('problem');
  });
});

describe('formats, media types, email and web addresses', () => {
  it('names formats as people do', () => {
    expect(normaliseFormat('csv', undefined, undefined)).toBe('CSV');
    expect(normaliseFormat('.geojson', undefined, undefined)).toBe('GeoJSON');
    expect(normaliseFormat('text/csv', undefined, undefined)).toBe('CSV');
    expect(normaliseFormat('http://publications.europa.eu/resource/authority/file-type/XLSX', undefined, undefined)).toBe('XLSX');
    expect(normaliseFormat('Esri REST', undefined, undefined)).toBe('Esri REST');
    expect(normaliseFormat('', 'application/json', undefined)).toBe('JSON');
    expect(normaliseFormat(undefined, undefined, 'https://x.example/data/file.xlsx')).toBe('XLSX');
    expect(normaliseFormat(undefined, undefined, 'https://x.example/api/items')).toBeUndefined();
  });

  it('writes media types in the schema’s form', () => {
    expect(normaliseMediaType('text/csv; charset=utf-8')).toBe('text/csv');
    expect(normaliseMediaType('http://www.iana.org/assignments/media-types/application/geo+json')).toBe('application/geo+json');
    expect(normaliseMediaType('CSV')).toBeUndefined();
  });

  it('takes mailto: off email addresses and refuses what is not one', () => {
    expect(normaliseEmail('mailto:data@ashdown.example')).toBe('data@ashdown.example');
    expect(normaliseEmail('Highways team')).toBeUndefined();
  });

  it('accepts only http and https addresses with a real host', () => {
    expect(webAddress('https://data.ashdown.example/x')).toBe('https://data.ashdown.example/x');
    expect(webAddress('ftp://files.ashdown.example/x.csv')).toBeUndefined();
    expect(webAddress('git@github.com:example/x.git')).toBeUndefined();
    expect(webAddress('')).toBeUndefined();
  });
});

describe('licences, against data/reference/licences.csv', () => {
  it('takes SPDX ids, forgiving letter case and the old GPL ids', () => {
    expect(spdxLicence('MIT', licences)).toEqual({ value: 'MIT' });
    expect(spdxLicence('mit', licences)).toEqual({ value: 'MIT', note: '"mit" was written as MIT' });
    expect(spdxLicence('GPL-3.0', licences)).toMatchObject({ value: 'GPL-3.0-only' });
    expect(spdxLicence('GPL-2.0+', licences)).toMatchObject({ value: 'GPL-2.0-or-later' });
    expect(spdxLicence('AGPL-3.0', licences)).toMatchObject({ value: 'AGPL-3.0-only' });
  });

  it('reads an SPDX expression: OR lets the reuser choose; AND and WITH cannot be one licence', () => {
    expect(spdxExpression('MIT OR Apache-2.0', licences)).toMatchObject({ value: 'MIT' });
    expect(spdxExpression('(LicenseRef-X OR EUPL-1.2)', licences)).toMatchObject({ value: 'EUPL-1.2' });
    expect(spdxExpression('MIT AND CC-BY-4.0', licences)).toHaveProperty('problem');
    expect(spdxExpression('GPL-2.0-or-later WITH Classpath-exception-2.0', licences)).toHaveProperty('problem');
    expect(spdxExpression('LicenseRef-Ashdown-1.0', licences)).toEqual({
      problem: expect.stringContaining('"LicenseRef-Ashdown-1.0" is not one the hub knows'),
    });
    expect(spdxExpression(undefined, licences)).toEqual({ problem: 'there is no licence (legal.license)' });
  });

  it.each([
    [{ id: 'uk-ogl' }, 'OGL-UK-3.0'],
    [{ id: 'OGL-UK-3.0' }, 'OGL-UK-3.0'],
    [{ id: 'cc-by' }, 'CC-BY-4.0'],
    [{ id: 'cc-zero' }, 'CC0-1.0'],
    [{ id: 'odc-odbl' }, 'ODbL-1.0'],
    [{ url: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' }, 'OGL-UK-3.0'],
    [{ url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/' }, 'OGL-UK-2.0'],
    [{ url: 'https://creativecommons.org/licenses/by/4.0/' }, 'CC-BY-4.0'],
    [{ url: 'https://creativecommons.org/licenses/by-sa/4.0/legalcode' }, 'CC-BY-SA-4.0'],
    [{ url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, 'CC0-1.0'],
    [{ url: 'https://spdx.org/licenses/ODbL-1.0.html' }, 'ODbL-1.0'],
    [{ title: 'Open Government Licence v3.0' }, 'OGL-UK-3.0'],
    [{ id: 'uk-ogl', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/' }, 'OGL-UK-2.0'],
  ])('a dataset licence %j is %s', (raw, id) => {
    expect(datasetLicence(raw, licences)).toMatchObject({ value: id });
  });

  it('says when a versionless licence was written as the current version', () => {
    expect(datasetLicence({ id: 'uk-ogl' }, licences)).toMatchObject({ note: expect.stringContaining('OGL-UK-3.0, the current version') });
  });

  it('reports, never guesses, a missing, vague or unknown licence', () => {
    expect(datasetLicence({}, licences)).toEqual({ problem: 'the dataset has no licence' });
    expect(datasetLicence({ id: 'other-open' }, licences)).toEqual({ problem: 'the portal says only "other (open)", not which licence' });
    expect(datasetLicence({ id: 'notspecified' }, licences)).toHaveProperty('problem');
    expect(datasetLicence({ url: 'https://licences.example/council-licence' }, licences)).toHaveProperty('problem');
    expect(datasetLicence({ title: 'Open Government Licence - Canada 2.0' }, licences)).not.toMatchObject({ value: 'OGL-UK-3.0' });
  });
});

describe('matchThemes, against content/vocabularies/themes.yaml', () => {
  it('matches a theme’s id or label, and the obvious words', () => {
    expect(matchThemes(['Housing', 'waste-and-recycling', 'Data and insight', 'bins', 'potholes'], vocabulary, KEYWORD_THEMES)).toEqual({
      themes: ['housing', 'waste-and-recycling', 'data-and-insight'],
      unmatched: ['potholes'],
      dropped: [],
    });
  });

  it('maps publiccode.yml categories only where the theme is plain', () => {
    const match = matchThemes(['payment-gateway', 'it-security', 'content-management', 'environment'], vocabulary, PUBLICCODE_THEMES);
    expect(match.themes).toEqual(['payments', 'cyber-security', 'environment-and-climate']);
    expect(match.unmatched).toEqual(['content-management']);
  });

  it('never names a theme the vocabulary does not have', () => {
    expect(matchThemes(['bins'], [{ id: 'housing', label: 'Housing' }], KEYWORD_THEMES)).toEqual({
      themes: [],
      unmatched: ['bins'],
      dropped: [],
    });
  });

  it('keeps at most the schema’s 10 themes and says which were dropped', () => {
    const match = matchThemes(
      vocabulary.map((theme) => theme.id),
      vocabulary,
      {},
    );
    expect(match.themes).toHaveLength(10);
    expect(match.dropped).toHaveLength(vocabulary.length - 10);
  });
});

describe('render', () => {
  const record: PlannedRecord = {
    collection: 'datasets',
    slug: 'bins',
    format: 'yaml',
    fields: {
      title: 'Bins: collection days',
      summary: 'The collection day for every address in the county, updated every week from the rounds system, with the UPRN.',
      licence: 'OGL-UK-3.0',
      landing_url: 'https://data.ashdown.example/dataset/bins',
      distributions: [{ url: 'https://data.ashdown.example/bins.csv', format: 'CSV', media_type: 'text/csv' }],
      issued: '2024-01-02',
      themes: ['waste-and-recycling', 'data-and-insight'],
    },
    source: '"Bins"',
    origin: 'a CKAN package (dataset "bins")',
    todo: ['Write the summary: the source has no description.'],
    notes: [],
    notMapped: [],
  };

  it('writes YAML like the records people write, with where it came from at the top', () => {
    const text = renderRecord(record, '2026-11-27');
    expect(text).toBe(`# yaml-language-server: $schema=../../../schemas/json/datasets.schema.json
# Imported from a CKAN package (dataset "bins") on 2026-11-27 by npm run import. Check it, then open
# a pull request.
# To do: Write the summary: the source has no description.
title: "Bins: collection days"
summary: >-
  The collection day for every address in the county, updated every week from the rounds system, with the UPRN.
licence: OGL-UK-3.0
landing_url: https://data.ashdown.example/dataset/bins
distributions:
  - url: https://data.ashdown.example/bins.csv
    format: CSV
    media_type: text/csv
issued: 2024-01-02
themes: [waste-and-recycling, data-and-insight]
`);
    expect(parse(text)).toEqual(record.fields);
    expect(recordPath(record, 'ashdown')).toBe('datasets/ashdown/bins.yaml');
  });

  it('writes a Markdown record with the comment inside its front matter', () => {
    const markdown: PlannedRecord = {
      ...record,
      collection: 'components',
      format: 'markdown',
      fields: { title: 'X', summary: 'Y.' },
      body: '\nThe text.\n',
      todo: [],
    };
    const text = renderRecord(markdown, '2026-11-27');
    const split = splitFrontMatter(text);
    expect(split).not.toHaveProperty('error');
    expect(split).toMatchObject({ body: '\nThe text.\n' });
    expect(parse((split as { yaml: string }).yaml)).toEqual({ title: 'X', summary: 'Y.' });
    expect(recordPath(markdown, 'ashdown')).toBe('components/ashdown/bins.md');
  });

  it('wraps the comment at about 100 characters', () => {
    for (const line of headerComment({ ...record, todo: ['word '.repeat(60)] }, '2026-11-27')) {
      expect(line.length).toBeLessThanOrEqual(100);
      expect(line.startsWith('# ')).toBe(true);
    }
  });
});
