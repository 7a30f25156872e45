/**
 * Harvested records and harvest sources wherever fields are shown or published: the provenance sentence's
 * parts (src/lib/harvested-from.ts), the field list's words for an organisation's github, open_data,
 * harvest and systems (src/lib/record-fields.ts), and the open data, whose JSON and CSV carry
 * harvested_from and harvested_on because their columns come from the schemas (src/lib/open-data).
 * Every record and organisation here is checked with the real schemas first.
 */
import { describe, expect, it } from 'vitest';
import { componentSchema, type Component } from '../../schemas/component.ts';
import { datasetSchema } from '../../schemas/dataset.ts';
import { HARVEST_FIELDS } from '../../schemas/fields.ts';
import { organisationSchema } from '../../schemas/organisation.ts';
import { parseCsvObjects } from '../../src/lib/csv.ts';
import { displayHtml } from '../../src/lib/display-html.ts';
import { provenanceOf } from '../../src/lib/harvested-from.ts';
import { openCollection } from '../../src/lib/open-data/context.ts';
import { collectionCsv, csvColumns } from '../../src/lib/open-data/csv.ts';
import { collectionDocument } from '../../src/lib/open-data/json.ts';
import { fieldRows, type Display, type FieldLookups, type FieldRow } from '../../src/lib/record-fields.ts';
import { withBase } from '../../src/lib/urls.ts';
import { context } from './open-data-helpers.ts';

function valid<T>(
  schema: { safeParse: (data: unknown) => { success: true; data: T } | { success: false; error: Error } },
  data: unknown,
): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`test data is not valid: ${result.error.message}`);
  return result.data;
}

/** A component the harvest made from a fictional body's repository. */
const HARVESTED_COMPONENT = valid(componentSchema, {
  title: 'Bin day finder',
  summary: 'Tells residents which bins go out on which day.',
  kind: 'code',
  licence: 'MIT',
  repository_url: 'https://github.com/ashdown-council/bin-day-finder',
  harvested_from: 'https://github.com/ashdown-council/bin-day-finder',
  harvested_on: '2026-12-07',
});
/** The same, looked after by people. */
const { harvested_from: _from, harvested_on: _on, ...handOwned } = HARVESTED_COMPONENT;
const HAND_OWNED_COMPONENT: Component = handOwned;

const HARVESTED_DATASET = valid(datasetSchema, {
  title: 'Street lights',
  summary: 'Every street light the council maintains.',
  licence: 'OGL-UK-3.0',
  landing_url: 'https://data.ashdown.example/dataset/street-lights',
  harvested_from: 'https://data.ashdown.example/dataset/street-lights',
  harvested_on: '2026-11-30',
});

const lookups: FieldLookups = {
  page: (path) => withBase('/council-commons/', path),
  organisationName: () => undefined,
  serviceLabel: () => undefined,
  serviceCode: (id) => `LGSL ${id}`,
  themeLabel: () => undefined,
  licence: () => undefined,
  recordTitle: () => undefined,
};
const valueOf = (rows: FieldRow[], key: string): Display | undefined => rows.find((row) => row.key === key)?.value;

describe('provenanceOf', () => {
  it('gives the upstream address as the link, without https:// or a trailing slash as its text, and the date in words', () => {
    expect(provenanceOf(HARVESTED_COMPONENT)).toEqual({
      href: 'https://github.com/ashdown-council/bin-day-finder',
      text: 'github.com/ashdown-council/bin-day-finder',
      date: '2026-12-07',
      dateInWords: '7 December 2026',
    });
    expect(
      provenanceOf({ harvested_from: 'https://data.ashdown.example/dataset/street-lights/', harvested_on: '2026-01-01' }),
    ).toMatchObject({
      text: 'data.ashdown.example/dataset/street-lights',
      dateInWords: '1 January 2026',
    });
  });

  it('says nothing for a record people look after, or one half handed over', () => {
    expect(provenanceOf(HAND_OWNED_COMPONENT)).toBeUndefined();
    expect(provenanceOf({ harvested_from: HARVESTED_COMPONENT.harvested_from })).toBeUndefined();
    expect(provenanceOf({ harvested_on: '2026-12-07' })).toBeUndefined();
  });
});

describe('fieldRows: the harvest’s fields on a record', () => {
  it('the schemas’ harvest fields are the two the record page says in a sentence', () => {
    expect([...HARVEST_FIELDS].sort()).toEqual(['harvested_from', 'harvested_on']);
  });

  it('shows harvested_from as a link and harvested_on as a date in words, where a list shows every field', () => {
    const rows = fieldRows(componentSchema, HARVESTED_COMPONENT, lookups);
    expect(valueOf(rows, 'harvested_from')).toEqual({
      kind: 'link',
      text: 'https://github.com/ashdown-council/bin-day-finder',
      href: 'https://github.com/ashdown-council/bin-day-finder',
    });
    expect(valueOf(rows, 'harvested_on')).toEqual({ kind: 'text', text: '7 December 2026' });
    expect(rows.find((row) => row.key === 'harvested_from')?.label).toBe('Harvested from');
  });
});

describe('fieldRows: an organisation’s harvest fields', () => {
  const organisation = valid(organisationSchema, {
    name: 'Ashdown',
    type: 'county',
    gss_code: 'E99999911',
    github: ['ashdown-council', 'ashdown-digital'],
    open_data: [
      { ckan: 'https://data.ashdown.example', organisation: 'ashdown-county-council' },
      { data_json: 'https://data.ashdown.example/data.json' },
    ],
    harvest: { topics: ['council-commons'], leave_out: ['old-website'] },
    systems: [
      { product: 'Tallowmere Revenues', supplier: 'Pellwick Data', service_area: 'council-tax-and-benefits', contract_end: '2027-03' },
    ],
  });
  const rows = fieldRows(organisationSchema, organisation, lookups);

  it('links each GitHub name to its page on GitHub', () => {
    expect(valueOf(rows, 'github')).toEqual({
      kind: 'list',
      items: [
        { kind: 'link', text: 'ashdown-council', href: 'https://github.com/ashdown-council' },
        { kind: 'link', text: 'ashdown-digital', href: 'https://github.com/ashdown-digital' },
      ],
    });
    expect(valueOf(fieldRows(organisationSchema, { ...organisation, github: 'ashdown-council' }, lookups), 'github')).toEqual({
      kind: 'link',
      text: 'ashdown-council',
      href: 'https://github.com/ashdown-council',
    });
  });

  it('names and links each open-data source as the organisation page does', () => {
    expect(valueOf(rows, 'open_data')).toEqual({
      kind: 'list',
      items: [
        {
          kind: 'link',
          text: 'data.ashdown.example (organisation ashdown-county-council)',
          href: 'https://data.ashdown.example/organization/ashdown-county-council',
        },
        { kind: 'link', text: 'https://data.ashdown.example/data.json', href: 'https://data.ashdown.example/data.json' },
      ],
    });
  });

  it('says the harvest settings in words, and that an empty setting harvests everything reusable', () => {
    expect(valueOf(rows, 'harvest')).toEqual({
      kind: 'list',
      items: [
        { kind: 'text', text: 'Only GitHub repositories with the topic council-commons are harvested.' },
        { kind: 'text', text: 'Never harvested: old-website.' },
      ],
    });
    expect(valueOf(fieldRows(organisationSchema, { ...organisation, harvest: {} }, lookups), 'harvest')).toEqual({
      kind: 'text',
      text: 'Everything reusable is harvested.',
    });
  });

  it('says each system in words', () => {
    expect(valueOf(rows, 'systems')).toEqual({
      kind: 'list',
      items: [{ kind: 'text', text: 'Tallowmere Revenues from Pellwick Data, contract ends March 2027' }],
    });
  });

  it('never shows an object as [object Object] or as JSON, once turned into HTML', () => {
    for (const row of rows) {
      const html = displayHtml(row.value);
      expect(html, row.key).not.toContain('[object');
      expect(html, row.key).not.toMatch(/[{}]|&quot;/);
    }
  });

  it('shows an open-data entry a form has only half filled in as its text, linking nothing that is not https', () => {
    const partial = { ...organisation, open_data: [{ ckan: 'javascript:alert(1)', organisation: 'x' }, { data_json: '' }] };
    const value = valueOf(fieldRows(organisationSchema, partial, lookups), 'open_data');
    expect(value).toEqual({
      kind: 'list',
      items: [
        { kind: 'text', text: '{"ckan":"javascript:alert(1)","organisation":"x"}' },
        { kind: 'text', text: '{"data_json":""}' },
      ],
    });
    expect(
      valueOf(fieldRows(organisationSchema, { ...organisation, systems: [{ product: 'Tallowmere Revenues' }] }, lookups), 'systems'),
    ).toEqual({ kind: 'list', items: [{ kind: 'text', text: 'Tallowmere Revenues' }] });
  });
});

describe('open data: harvested_from and harvested_on in the JSON and CSV', () => {
  const components = openCollection('components');
  const datasets = openCollection('datasets');

  it('the CSVs of components and datasets have both columns, from the schemas, whether or not a record fills them', () => {
    for (const collection of [components, datasets]) {
      const columns = csvColumns(collection);
      expect(columns, collection.name).toContain('harvested_from');
      expect(columns, collection.name).toContain('harvested_on');
      expect(columns.indexOf('harvested_on'), collection.name).toBe(columns.indexOf('harvested_from') + 1);
    }
    const header = Object.keys(
      parseCsvObjects(
        collectionCsv(
          components,
          [{ id: 'components/ashdown/bin-day-finder', organisation: 'ashdown', data: HAND_OWNED_COMPONENT }],
          context,
        ),
      )[0]!,
    );
    expect(header).toContain('harvested_from');
  });

  it('fills them for a harvested record and leaves them empty for one people look after', () => {
    const rows = parseCsvObjects(
      collectionCsv(
        components,
        [
          { id: 'components/ashdown/bin-day-finder', organisation: 'ashdown', data: HARVESTED_COMPONENT },
          { id: 'components/ashdown/hand-made', organisation: 'ashdown', data: HAND_OWNED_COMPONENT },
        ],
        context,
      ),
    );
    expect(rows[0]).toMatchObject({
      id: 'components/ashdown/bin-day-finder',
      harvested_from: 'https://github.com/ashdown-council/bin-day-finder',
      harvested_on: '2026-12-07',
    });
    expect(rows[1]).toMatchObject({ id: 'components/ashdown/hand-made', harvested_from: '', harvested_on: '' });
    const [dataset] = parseCsvObjects(
      collectionCsv(datasets, [{ id: 'datasets/ashdown/street-lights', organisation: 'ashdown', data: HARVESTED_DATASET }], context),
    );
    expect(dataset).toMatchObject({ harvested_from: 'https://data.ashdown.example/dataset/street-lights', harvested_on: '2026-11-30' });
  });

  it('the JSON carries both for a harvested record, and neither for one people look after', () => {
    const document = collectionDocument(
      components,
      [
        { id: 'components/ashdown/bin-day-finder', organisation: 'ashdown', data: HARVESTED_COMPONENT },
        { id: 'components/ashdown/hand-made', organisation: 'ashdown', data: HAND_OWNED_COMPONENT },
      ],
      context,
    );
    expect(document.records[0]).toMatchObject({
      harvested_from: 'https://github.com/ashdown-council/bin-day-finder',
      harvested_on: '2026-12-07',
    });
    expect(document.records[1]).not.toHaveProperty('harvested_from');
    expect(document.records[1]).not.toHaveProperty('harvested_on');
    const datasetDocument = collectionDocument(
      datasets,
      [{ id: 'datasets/ashdown/street-lights', organisation: 'ashdown', data: HARVESTED_DATASET }],
      context,
    );
    expect(datasetDocument.records[0]).toMatchObject({ harvested_from: HARVESTED_DATASET.harvested_from, harvested_on: '2026-11-30' });
  });
});
