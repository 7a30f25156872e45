/**
 * src/lib/open-data/data-json.ts: the Project Open Data v1.1 catalogue (data.json), on hand-built
 * datasets: every required field is there for every dataset, whatever the record leaves out.
 */
import { describe, expect, it } from 'vitest';
import { UPDATE_FREQUENCIES, type Dataset } from '../../schemas/dataset.ts';
import type { CatalogueDataset } from '../../src/lib/open-data/catalogue.ts';
import { ACCRUAL_PERIODICITY, dataJsonCatalogue, podDataset, POD_SCHEMA } from '../../src/lib/open-data/data-json.ts';
import { context } from './open-data-helpers.ts';

/** The fields Project Open Data v1.1 requires of a dataset outside the United States federal government. */
const REQUIRED = ['title', 'description', 'keyword', 'modified', 'publisher', 'contactPoint', 'identifier', 'accessLevel', 'license'];

function dataset(data: Partial<Dataset> = {}, extra: Partial<CatalogueDataset> = {}): CatalogueDataset {
  return {
    id: 'datasets/ashdown/bins',
    data: {
      title: 'Bin days',
      summary: 'When bins are collected.',
      licence: 'OGL-UK-3.0',
      landing_url: 'https://data.ashdown.example/bins',
      ...data,
    },
    organisation: { id: 'ashdown', name: 'Ashdown District Council', contact: 'digital@ashdown.example' },
    services: [{ id: 524, label: 'Bin collection', uri: 'http://id.esd.org.uk/service/524' }],
    themes: [{ id: 'waste-and-recycling', label: 'Waste and recycling' }],
    ...extra,
  };
}

describe('dataJsonCatalogue', () => {
  it('is a v1.1 catalogue of every dataset, sorted by id', () => {
    const catalogue = dataJsonCatalogue([dataset({}, { id: 'datasets/b/x' }), dataset({}, { id: 'datasets/a/y' })], context);
    expect(catalogue).toMatchObject({ '@type': 'dcat:Catalog', conformsTo: POD_SCHEMA, describedBy: `${POD_SCHEMA}/catalog.json` });
    expect((catalogue.dataset as { identifier: string }[]).map((entry) => entry.identifier)).toEqual([
      'https://hub.example/base/datasets/a/y/',
      'https://hub.example/base/datasets/b/x/',
    ]);
  });
});

describe('podDataset', () => {
  it('maps a full record', () => {
    const entry = podDataset(
      dataset({
        licence: 'CC-BY-4.0',
        issued: '2024-01-02',
        modified: '2026-11-01',
        update_frequency: 'monthly',
        coverage: 'Ashdown district',
        contact: 'mailto:bins@ashdown.example',
        distributions: [
          { url: 'https://x.example/a.csv', format: 'CSV', title: 'All' },
          { url: 'https://api.x.example/', format: 'API' },
          { url: 'https://x.example/a.sav', format: 'SPSS' },
        ],
      }),
      context,
    );
    expect(entry).toEqual({
      '@type': 'dcat:Dataset',
      title: 'Bin days',
      description: 'When bins are collected.',
      keyword: ['Waste and recycling', 'Bin collection'],
      modified: '2026-11-01',
      publisher: { '@type': 'org:Organization', name: 'Ashdown District Council' },
      contactPoint: { '@type': 'vcard:Contact', fn: 'Ashdown District Council', hasEmail: 'mailto:bins@ashdown.example' },
      identifier: 'https://hub.example/base/datasets/ashdown/bins/',
      accessLevel: 'public',
      license: 'https://licence.example/cc-by/',
      spatial: 'Ashdown district',
      issued: '2024-01-02',
      accrualPeriodicity: 'R/P1M',
      landingPage: 'https://data.ashdown.example/bins',
      theme: ['Waste and recycling'],
      references: ['https://hub.example/base/datasets/ashdown/bins/'],
      distribution: [
        { '@type': 'dcat:Distribution', title: 'All', downloadURL: 'https://x.example/a.csv', mediaType: 'text/csv', format: 'CSV' },
        { '@type': 'dcat:Distribution', title: 'Bin days (API)', accessURL: 'https://api.x.example/', format: 'API' },
        { '@type': 'dcat:Distribution', title: 'Bin days (SPSS)', accessURL: 'https://x.example/a.sav', format: 'SPSS' },
      ],
    });
  });

  it('has every required field when the record gives only what the hub requires', () => {
    const bare = dataset({}, { services: [], themes: [], organisation: { id: 'ashdown', name: 'Ashdown' } });
    const entry = podDataset(bare, context);
    for (const field of REQUIRED) expect(entry[field], field).toBeDefined();
    expect(entry.keyword).toEqual(['Ashdown']);
    expect(entry.modified).toBe('2026-11-27');
    expect(entry.contactPoint).toEqual({ '@type': 'vcard:Contact', fn: 'Ashdown' });
    expect(entry.distribution).toEqual([
      { '@type': 'dcat:Distribution', title: 'Bin days: landing page', accessURL: 'https://data.ashdown.example/bins' },
    ]);
  });

  it('takes modified from the record, else issued, else when the record last changed, else the build', () => {
    expect(podDataset(dataset({ issued: '2020-01-01' }), context).modified).toBe('2020-01-01');
    expect(podDataset(dataset({}, { lastUpdated: '2026-05-06T07:08:09+01:00' }), context).modified).toBe('2026-05-06');
  });

  it('writes every update frequency as an ISO 8601 repeating duration (or irregular), and never as nothing at all', () => {
    expect(Object.keys(ACCRUAL_PERIODICITY).sort()).toEqual([...UPDATE_FREQUENCIES].sort());
    for (const frequency of UPDATE_FREQUENCIES) {
      const value = podDataset(dataset({ update_frequency: frequency }), context).accrualPeriodicity;
      if (frequency === 'never') expect(value).toBeUndefined();
      else expect(value).toMatch(/^(R\/P(T?\d+(\.\d+)?[SMHDWY])+|irregular)$/);
    }
  });
});
