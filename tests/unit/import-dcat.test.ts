/**
 * src/lib/import/dcat.ts and ckan.ts: CKAN packages and DCAT catalogues (data.json, DCAT-AP JSON-LD)
 * become dataset records that pass the schema, with what could not be mapped reported. The fixtures in
 * tests/fixtures/import/dcat/ describe invented datasets of the fictional Ashdown County Council.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../schemas/dataset.ts';
import { ckanPackageToSource, isCkanPackage } from '../../src/lib/import/ckan.ts';
import { mapDcat, readCatalogue, type DcatOptions } from '../../src/lib/import/dcat.ts';
import { parseJsonInput } from '../../src/lib/import/input.ts';
import {
  ImportInputError,
  type ImportNote,
  type OrganisationName,
  type PlannedRecord,
  type ThemeTerm,
} from '../../src/lib/import/types.ts';
import { loadLicences } from '../../src/lib/reference-data.ts';
import { ROOT } from '../helpers/content.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/import/dcat');
const organisations: OrganisationName[] = [
  { id: 'ashdown', name: 'Ashdown', official_name: 'Ashdown County Council', demonstration: true },
  { id: 'brackwater', name: 'Brackwater', official_name: 'Brackwater District Council', demonstration: true },
];
const options: DcatOptions = {
  licences: loadLicences(),
  themes: (parse(readFileSync(join(ROOT, 'content/vocabularies/themes.yaml'), 'utf8')) as { themes: ThemeTerm[] }).themes,
  organisations,
  owner: 'ashdown',
};

function fixture(name: string): unknown {
  return parseJsonInput({ name, text: readFileSync(join(FIXTURES, name), 'utf8') });
}

const messages = (record: PlannedRecord, level: ImportNote['level']) =>
  record.notes.filter((note) => note.level === level).map((note) => note.message);

function expectValid(record: PlannedRecord) {
  expect(messages(record, 'blocker')).toEqual([]);
  expect(datasetSchema.safeParse(record.fields).error).toBeUndefined();
}

describe('a CKAN package_show response', () => {
  const result = mapDcat(fixture('ckan-package-show.json'), options);
  const [record] = result.records;

  it('is recognised, and gives one dataset that passes the schema', () => {
    expect(result.kind).toBe('ckan-package-show');
    expect(result.description).toBe('a CKAN package_show response');
    expect(result.records).toHaveLength(1);
    expectValid(record);
    expect(record.slug).toBe('garden-waste-collection-rounds');
    expect(record.origin).toBe('a CKAN package_show response (dataset "garden-waste-collection-rounds")');
  });

  it('maps every field it can', () => {
    expect(record.fields).toMatchObject({
      title: 'Garden waste collection rounds',
      licence: 'OGL-UK-3.0',
      landing_url: 'https://data.ashdown.example/dataset/garden-waste-collection-rounds',
      update_frequency: 'weekly',
      issued: '2023-04-03',
      modified: '2026-11-20',
      coverage: 'Ashdown county, 1 April 2023 onwards',
      themes: ['waste-and-recycling', 'environment-and-climate'],
      contact: 'waste.data@ashdown.example',
    });
    expect(record.fields.distributions).toEqual([
      {
        url:
          'https://data.ashdown.example/dataset/0f3c6a57-64f4-4bd0-a6c4-0e3a4a1f7b20/' +
          'resource/5d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a/download/garden-waste-rounds.csv',
        format: 'CSV',
        media_type: 'text/csv',
        title: 'Garden waste rounds, all addresses',
      },
      {
        url:
          'https://data.ashdown.example/dataset/0f3c6a57-64f4-4bd0-a6c4-0e3a4a1f7b20/' +
          'resource/7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918/download/garden-waste-rounds.geojson',
        format: 'GeoJSON',
        title: 'Garden waste rounds (GeoJSON)',
      },
    ]);
  });

  it('turns the Markdown notes into a plain summary, shortened on a sentence and said to be', () => {
    const summary = record.fields.summary as string;
    expect(summary.startsWith('The round and collection day for every address')).toBe(true);
    expect(summary).toContain('One row for each address, with its UPRN. The round');
    expect(summary).not.toMatch(/[*#[\]]|https:/);
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(messages(record, 'check').join('\n')).toContain('a summary may have 500, so it was shortened');
  });

  it('says what it assumed: the licence version and the landing page', () => {
    const checks = messages(record, 'check').join('\n');
    expect(checks).toContain('the portal says "uk-ogl", the Open Government Licence without a version; it was written as OGL-UK-3.0');
    expect(checks).toContain('landing_url is the dataset’s page on the portal, worked out from its download addresses');
    expect(checks).toContain('No theme matches the keyword "uprn"');
  });

  it('reports the fields it has no place for, but not CKAN’s bookkeeping', () => {
    expect(record.notMapped).toEqual(['author', 'maintainer', 'version']);
  });
});

describe('a bare CKAN package', () => {
  const result = mapDcat(fixture('ckan-package.json'), options);
  const [record] = result.records;

  it('is recognised and passes the schema', () => {
    expect(result.kind).toBe('ckan-package');
    expectValid(record);
  });

  it('takes the source url as the landing page, mailto: off the contact, and a frequency IRI', () => {
    expect(record.fields).toMatchObject({
      landing_url: 'https://www.ashdown.example/libraries/open-data',
      contact: 'libraries@ashdown.example',
      update_frequency: 'monthly',
      issued: '2021-09-01',
      modified: '2026-10-30',
      themes: ['libraries-and-culture'],
    });
  });

  it('skips a file without an http(s) address, and says which', () => {
    expect(record.fields.distributions).toEqual([
      { url: 'https://data.ashdown.example/libraries/opening-hours.csv', format: 'CSV', title: 'Opening hours (CSV)' },
      {
        url: 'https://data.ashdown.example/libraries/opening-hours.json',
        format: 'JSON',
        media_type: 'application/json',
        title: 'Opening hours (JSON)',
      },
    ]);
    expect(messages(record, 'check').join('\n')).toContain(
      'One file was left out because it has no web address starting https:// or http:// ("Archive copy on the old file server")',
    );
  });

  it('refuses a private or deleted package', () => {
    const pkg = fixture('ckan-package.json') as Record<string, unknown>;
    expect(messages(mapDcat({ ...pkg, private: true }, options).records[0], 'blocker')[0]).toContain(
      'Not written: the package is private on the portal',
    );
    expect(messages(mapDcat({ ...pkg, state: 'deleted' }, options).records[0], 'blocker')[0]).toContain('the package is deleted');
  });

  it('reads extras given as an object as well as a list', () => {
    const pkg = fixture('ckan-package.json') as Record<string, unknown>;
    const source = ckanPackageToSource({ ...pkg, extras: { frequency: 'weekly', Issued: '2020-01-02' } });
    expect(source.frequency).toBe('weekly');
    expect(source.issued).toBe('2020-01-02');
  });
});

describe('a data.json catalogue of three datasets', () => {
  const result = mapDcat(fixture('data.json'), options);
  const [defects, allotments, planning] = result.records;

  it('is recognised, with a record for each dataset', () => {
    expect(result.kind).toBe('data.json');
    expect(result.description).toBe('a DCAT data.json catalogue of 3 datasets');
    expect(result.records.map((record) => record.slug)).toEqual(['road-defect-reports', 'allotment-sites', 'planning-applications']);
  });

  it('maps a full dataset: licence address, ISO frequency, dates, coverage, contact', () => {
    expectValid(defects);
    expect(defects.fields).toEqual({
      title: 'Road defect reports',
      summary:
        'Potholes and other road and pavement defects reported by residents and found by inspectors, ' +
        'with where they are and when they were repaired.',
      licence: 'OGL-UK-3.0',
      landing_url: 'https://data.ashdown.example/dataset/road-defects',
      distributions: [
        { url: 'https://data.ashdown.example/road-defects.csv', format: 'CSV', media_type: 'text/csv', title: 'All reports' },
        {
          url: 'https://data.ashdown.example/road-defects-open.geojson',
          format: 'GeoJSON',
          media_type: 'application/geo+json',
          title: 'Open defects',
        },
      ],
      update_frequency: 'daily',
      issued: '2020-01-15',
      modified: '2026-11-25',
      coverage: 'Ashdown county, 1 January 2020 to 24 November 2026',
      themes: ['highways-and-transport'],
      contact: 'highways.data@ashdown.example',
    });
    expect(messages(defects, 'check').join('\n')).toContain('No theme matches the keyword "potholes"');
  });

  it('reports the dataset with no licence as not written', () => {
    expect(allotments.fields.licence).toBeUndefined();
    expect(messages(allotments, 'blocker')).toEqual([
      'Not written: the dataset has no licence. Set its licence on the portal (usually the Open Government Licence, ' +
        'OGL-UK-3.0), download the file again and import it; or, if it is an open licence missing ' +
        'from data/reference/licences.csv, propose adding it there.',
    ]);
  });

  it('turns HTML into plain text, reads a UK date, and reports what it cannot map', () => {
    expectValid(planning);
    expect(planning.fields).toMatchObject({
      summary: 'Every planning application received since April 2021, with its decision. See the planning register for documents.',
      licence: 'CC-BY-4.0',
      issued: '2021-04-05',
      themes: ['planning-and-building-control'],
      distributions: [{ url: 'https://api.ashdown.example/planning/v1/applications', format: 'API', title: 'Planning applications API' }],
    });
    expect(planning.fields.update_frequency).toBeUndefined();
    const checks = messages(planning, 'check').join('\n');
    expect(checks).toContain('"R/P2W" is not one of the hub’s update frequencies');
    expect(checks).toContain('"05/04/2021" was read as day/month/year');
    expect(checks).toContain('"Weekly list (not yet published)"');
    expect(planning.notMapped).toContain('conformsTo');
    expect(messages(planning, 'info').join('\n')).toContain('conforms to "https://example-standards.example/planning-applications/1.0"');
  });

  it('gives a placeholder, flagged, where a landing page or summary is missing', () => {
    const catalogue = fixture('data.json') as { dataset: Record<string, unknown>[] };
    const [record] = mapDcat({ dataset: [{ ...catalogue.dataset[0], landingPage: undefined, description: '' }] }, options).records;
    expectValid(record);
    expect(record.fields.landing_url).toBe('https://www.example.gov.uk/REPLACE-THIS-with-the-dataset-page');
    expect(record.fields.summary).toMatch(/^REPLACE THIS: /);
    expect(record.todo).toHaveLength(2);
  });

  it('gives clashing slugs a number, and says so', () => {
    const catalogue = fixture('data.json') as { dataset: Record<string, unknown>[] };
    const records = mapDcat({ dataset: [catalogue.dataset[0], catalogue.dataset[0], catalogue.dataset[0]] }, options).records;
    expect(records.map((record) => record.slug)).toEqual(['road-defect-reports', 'road-defect-reports-2', 'road-defect-reports-3']);
    expect(messages(records[1], 'info').join('\n')).toContain(
      'Another dataset in the input also makes the slug road-defect-reports, so this one is road-defect-reports-2',
    );
  });

  it('refuses a non-public dataset', () => {
    const catalogue = fixture('data.json') as { dataset: Record<string, unknown>[] };
    const [record] = mapDcat({ dataset: [{ ...catalogue.dataset[0], accessLevel: 'non-public' }] }, options).records;
    expect(messages(record, 'blocker')[0]).toContain('its accessLevel is "non-public"');
  });
});

describe('DCAT-AP JSON-LD', () => {
  it('reads a @graph with prefixed terms, language-tagged titles and references to distributions', () => {
    const result = mapDcat(fixture('dcat-ap.jsonld'), options);
    expect(result.kind).toBe('dcat-ap');
    const [record] = result.records;
    expectValid(record);
    expect(record.fields).toEqual({
      title: 'Recycling centres',
      summary: "The county's household waste recycling centres, their opening hours and what each takes.",
      licence: 'OGL-UK-3.0',
      landing_url: 'https://data.ashdown.example/dataset/recycling-centres',
      distributions: [
        {
          url: 'https://data.ashdown.example/recycling-centres.csv',
          format: 'CSV',
          media_type: 'text/csv',
          title: 'Recycling centres (CSV)',
        },
      ],
      update_frequency: 'quarterly',
      issued: '2022-06-01',
      themes: ['waste-and-recycling'],
      contact: 'waste.data@ashdown.example',
    });
  });

  it('reads expanded JSON-LD, with full addresses as keys', () => {
    const expanded = [
      {
        '@id': 'https://data.example/ds/1',
        '@type': ['http://www.w3.org/ns/dcat#Dataset'],
        'http://purl.org/dc/terms/title': [{ '@value': 'Street trees' }],
        'http://purl.org/dc/terms/description': [{ '@value': 'Every council-owned street tree.' }],
        'http://purl.org/dc/terms/license': [{ '@id': 'https://creativecommons.org/publicdomain/zero/1.0/' }],
        'http://www.w3.org/ns/dcat#landingPage': [{ '@id': 'https://data.example/ds/1' }],
      },
    ];
    const [record] = mapDcat(expanded, options).records;
    expectValid(record);
    expect(record.fields).toMatchObject({ title: 'Street trees', licence: 'CC0-1.0', landing_url: 'https://data.example/ds/1' });
  });

  it('says JSON-LD without datasets is not supported', () => {
    expect(() => mapDcat({ '@context': {}, '@graph': [{ '@type': 'foaf:Person' }] }, options)).toThrow(/holds no dcat:Dataset/);
  });
});

describe('one DCAT dataset on its own, as Socrata publishes one at each dataset’s address', () => {
  // Shaped like a Socrata portal's per-dataset DCAT (keys in Socrata's order, its api/views addresses and
  // four distributions), for a fictional Ashdown portal.
  const SOCRATA = join(ROOT, 'tests/fixtures/harvest/portals/socrata-dataset.json');
  const socrata = () => parseJsonInput({ name: 'socrata-dataset.json', text: readFileSync(SOCRATA, 'utf8') }) as Record<string, unknown>;

  it('is recognised by its @type, and gives one dataset that passes the schema', () => {
    const result = mapDcat(socrata(), options);
    expect(result.kind).toBe('dcat-dataset');
    expect(result.description).toBe('a DCAT dataset');
    expect(result.records).toHaveLength(1);
    const [record] = result.records;
    expectValid(record);
    expect(record.slug).toBe('on-street-parking-bays');
    expect(record.origin).toBe('a DCAT dataset (dataset "https://opendata.ashdown.example/api/views/k7qp-3vzd")');
    expect(record.fields).toMatchObject({
      title: 'On-street parking bays',
      licence: 'ODbL-1.0',
      landing_url: 'https://opendata.ashdown.example/d/k7qp-3vzd',
      issued: '2024-03-11',
      modified: '2026-11-02',
      contact: 'parking.data@ashdown.example',
    });
    expect((record.fields.distributions as { format: string }[]).map((distribution) => distribution.format)).toEqual([
      'CSV',
      'RDF',
      'JSON',
      'XML',
    ]);
  });

  it('reaches the licence check: without a licence it is not written, for that reason and no other', () => {
    const { license: _, ...unlicensed } = socrata();
    const [record] = mapDcat(unlicensed, options).records;
    expect(messages(record, 'blocker')).toEqual([expect.stringMatching(/^Not written: the dataset has no licence\. /)]);
  });

  it('is recognised without @type by its title and what only a dataset has', () => {
    const { '@type': _, ...untyped } = socrata();
    expect(readCatalogue(untyped).kind).toBe('dcat-dataset');
    expect(readCatalogue({ title: 'Street lights', landingPage: 'https://data.ashdown.example/d/lights' }).kind).toBe('dcat-dataset');
  });
});

describe('what is not CKAN or DCAT', () => {
  it('refuses other JSON, a failed API call and empty catalogues, saying what was expected', () => {
    expect(() => readCatalogue({ hello: 'world' })).toThrow(ImportInputError);
    expect(() => readCatalogue({ hello: 'world' })).toThrow(
      /not a CKAN package_show response .*, a DCAT data.json catalogue .* or one DCAT dataset/,
    );
    expect(() => readCatalogue({ title: 'A title and nothing a dataset has' })).toThrow(ImportInputError);
    expect(() => readCatalogue({ success: false, error: { message: 'Not found', __type: 'Not Found Error' } })).toThrow(
      'it is a CKAN API response saying the request failed ("Not found"): download the package again',
    );
    expect(() => mapDcat({ dataset: [] }, options)).toThrow('it is a DCAT data.json catalogue, but it holds no datasets');
    expect(() => readCatalogue([1, 2])).toThrow(ImportInputError);
  });

  it('accepts package_search results', () => {
    const show = fixture('ckan-package-show.json') as { result: unknown };
    const result = mapDcat({ success: true, result: { count: 1, results: [show.result] } }, options);
    expect(result.kind).toBe('ckan-package-search');
    expect(result.records).toHaveLength(1);
  });

  it('refuses --slug for more than one dataset', () => {
    expect(() => mapDcat(fixture('data.json'), { ...options, slug: 'x' })).toThrow(
      '--slug names one record, but the input holds 3 datasets: leave --slug out',
    );
  });

  it('refuses JSON that cannot be read, naming the file, line and column', () => {
    expect(() => fixture('malformed.json')).toThrow(
      "malformed.json is not valid JSON (line 6, column 5: Expected ',' or '}' after property value).",
    );
    expect(() => parseJsonInput({ name: 'cut.json', text: '{"success": true,\n "result": ' })).toThrow(
      'cut.json is not valid JSON (line 2, at the end: Unexpected end of JSON input).',
    );
  });

  it('tells a CKAN package by its fields', () => {
    expect(isCkanPackage({ name: 'x', resources: [] })).toBe(true);
    expect(isCkanPackage({ name: 'x' })).toBe(false);
  });
});
