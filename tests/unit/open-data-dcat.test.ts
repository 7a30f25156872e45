/**
 * src/lib/open-data/dcat.ts: the DCAT-AP catalogue in JSON-LD, on hand-built datasets, read back as
 * RDF with the jsonld package (which must never need to fetch anything).
 */
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { UPDATE_FREQUENCIES, type Dataset } from '../../schemas/dataset.ts';
import type { CatalogueDataset } from '../../src/lib/open-data/catalogue.ts';
import { datasetNode, dcatCatalogue, FREQUENCY_CODES, frequencyUri } from '../../src/lib/open-data/dcat.ts';
import { context } from './open-data-helpers.ts';

const documentLoader = async (url: string): Promise<never> => {
  throw new Error(`The catalogue asked to fetch ${url}: its context must be inline`);
};

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

/** The catalogue as N-Quads, expanded offline. */
async function quads(document: object): Promise<string[]> {
  const text = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader,
  })) as unknown as string;
  return text.split('\n').filter(Boolean);
}

const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';

describe('frequencies', () => {
  it('maps every update frequency to the EU frequency vocabulary', () => {
    expect(Object.keys(FREQUENCY_CODES).sort()).toEqual([...UPDATE_FREQUENCIES].sort());
    expect(frequencyUri('monthly')).toBe('http://publications.europa.eu/resource/authority/frequency/MONTHLY');
    expect(frequencyUri('twice-a-year')).toBe('http://publications.europa.eu/resource/authority/frequency/ANNUAL_2');
    expect(frequencyUri('continuous')).toBe('http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT');
    expect(frequencyUri('irregular')).toBe('http://publications.europa.eu/resource/authority/frequency/IRREG');
  });
});

describe('datasetNode', () => {
  it('maps a full record to DCAT-AP', async () => {
    const node = datasetNode(
      dataset({
        translations: { cy: { title: 'Diwrnodau bin' } },
        licence: 'CC-BY-4.0',
        distributions: [
          { url: 'https://data.ashdown.example/bins.csv', format: 'CSV', media_type: 'text/csv', title: 'All rounds' },
          { url: 'https://data.ashdown.example/bins.geojson', format: 'GeoJSON' },
          { url: 'https://api.ashdown.example/bins', format: 'API' },
          { url: 'https://data.ashdown.example/bins.sav', format: 'SPSS' },
        ],
        update_frequency: 'weekly',
        issued: '2024-01-02',
        modified: '2026-11-01',
        coverage: 'Ashdown district, 2024 onwards',
      }),
      context,
    );
    expect(node).toMatchObject({
      '@id': 'https://hub.example/base/datasets/ashdown/bins/',
      '@type': 'dcat:Dataset',
      'dct:identifier': 'https://hub.example/base/datasets/ashdown/bins/',
      'dct:title': [
        { '@value': 'Bin days', '@language': 'en-GB' },
        { '@value': 'Diwrnodau bin', '@language': 'cy' },
      ],
      'dct:publisher': { '@id': 'https://hub.example/base/organisations/ashdown/', 'foaf:name': 'Ashdown District Council' },
      'dct:license': { '@id': 'https://licence.example/cc-by/' },
      'dcat:landingPage': { '@id': 'https://data.ashdown.example/bins' },
      'dct:issued': { '@value': '2024-01-02', '@type': 'xsd:date' },
      'dct:modified': { '@value': '2026-11-01', '@type': 'xsd:date' },
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/WEEKLY' },
      'dct:spatial': { '@type': 'dct:Location', 'skos:prefLabel': { '@value': 'Ashdown district, 2024 onwards' } },
      'dcat:keyword': ['Waste and recycling', 'Bin collection'],
      'dcat:contactPoint': {
        '@type': 'vcard:Organization',
        'vcard:fn': 'Ashdown District Council',
        'vcard:hasEmail': { '@id': 'mailto:digital@ashdown.example' },
      },
    });
    expect(node['dcat:theme']).toEqual([
      {
        '@id': 'http://id.esd.org.uk/service/524',
        '@type': 'skos:Concept',
        'skos:prefLabel': { '@value': 'Bin collection', '@language': 'en-GB' },
      },
      {
        '@id': 'https://hub.example/base/themes/waste-and-recycling/',
        '@type': 'skos:Concept',
        'skos:prefLabel': { '@value': 'Waste and recycling', '@language': 'en-GB' },
      },
    ]);
    const [csv, geojson, api, spss] = node['dcat:distribution'] as Record<string, unknown>[];
    expect(csv).toMatchObject({
      'dct:title': { '@value': 'All rounds' },
      'dcat:accessURL': { '@id': 'https://data.ashdown.example/bins.csv' },
      'dcat:downloadURL': { '@id': 'https://data.ashdown.example/bins.csv' },
      'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/CSV' },
      'dcat:mediaType': { '@id': 'https://www.iana.org/assignments/media-types/text/csv' },
      'dct:license': { '@id': 'https://licence.example/cc-by/' },
    });
    // A media type follows from a common format when the record gives none.
    expect(geojson['dcat:mediaType']).toEqual({ '@id': 'https://www.iana.org/assignments/media-types/application/geo+json' });
    // An API is reached, not downloaded.
    expect(api).not.toHaveProperty('dcat:downloadURL');
    expect(api['dcat:accessURL']).toEqual({ '@id': 'https://api.ashdown.example/bins' });
    // An unknown format is passed on as written, with no media type guessed.
    expect(spss['dct:format']).toBe('SPSS');
    expect(spss).not.toHaveProperty('dcat:mediaType');
  });

  it('gives a dataset without distributions one at its landing page, and says nothing it does not know', () => {
    const node = datasetNode(dataset({}, { services: [], themes: [], organisation: { id: 'ashdown', name: 'Ashdown' } }), context);
    expect(node['dcat:distribution']).toEqual([
      {
        '@type': 'dcat:Distribution',
        'dct:title': { '@value': 'Bin days: landing page', '@language': 'en' },
        'dcat:accessURL': { '@id': 'https://data.ashdown.example/bins' },
        'dct:license': { '@id': 'https://licence.example/ogl/' },
      },
    ]);
    for (const key of [
      'dct:issued',
      'dct:modified',
      'dct:accrualPeriodicity',
      'dct:spatial',
      'dcat:contactPoint',
      'dcat:theme',
      'dcat:keyword',
    ])
      expect(node).not.toHaveProperty(key);
  });

  it('uses a web contact as vcard:hasURL, and the organisation’s contact when the dataset has none', () => {
    expect(datasetNode(dataset({ contact: 'https://ashdown.example/contact' }), context)['dcat:contactPoint']).toEqual({
      '@type': 'vcard:Organization',
      'vcard:fn': 'Ashdown District Council',
      'vcard:hasURL': { '@id': 'https://ashdown.example/contact' },
    });
    expect(datasetNode(dataset({ contact: 'mailto:bins@ashdown.example' }), context)['dcat:contactPoint']).toMatchObject({
      'vcard:hasEmail': { '@id': 'mailto:bins@ashdown.example' },
    });
    expect(datasetNode(dataset(), context)['dcat:contactPoint']).toMatchObject({
      'vcard:hasEmail': { '@id': 'mailto:digital@ashdown.example' },
    });
  });
});

describe('dcatCatalogue', () => {
  it('expands offline into a dcat:Catalog whose every dataset has a licence, typed dates and an EU frequency', async () => {
    const catalogue = dcatCatalogue(
      [
        dataset({ update_frequency: 'quarterly', issued: '2023-07-03' }, { id: 'datasets/ashdown/z' }),
        dataset(
          { licence: 'CC-BY-4.0', distributions: [{ url: 'https://x.example/a.csv', format: 'CSV' }] },
          { id: 'datasets/brackwater/a' },
        ),
      ],
      context,
    );
    expect(typeof catalogue['@context']).toBe('object');
    expect((catalogue['dcat:dataset'] as { '@id': string }[]).map((node) => node['@id'])).toEqual([
      'https://hub.example/base/datasets/ashdown/z/',
      'https://hub.example/base/datasets/brackwater/a/',
    ]);
    const lines = await quads(catalogue);
    const datasets = lines
      .filter((line) => line.endsWith(`<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DCAT}Dataset> .`))
      .map((line) => line.split(' ')[0]);
    expect(datasets).toHaveLength(2);
    for (const subject of datasets)
      expect(
        lines.some((line) => line.startsWith(`${subject} <${DCT}license> <https://`)),
        subject,
      ).toBe(true);
    expect(lines).toContain(
      `<https://hub.example/base/api/v1/datasets.dcat.jsonld> <${DCAT}dataset> <https://hub.example/base/datasets/ashdown/z/> .`,
    );
    expect(lines).toContain(
      `<https://hub.example/base/datasets/ashdown/z/> <${DCT}issued> "2023-07-03"^^<http://www.w3.org/2001/XMLSchema#date> .`,
    );
    expect(lines).toContain(
      `<https://hub.example/base/datasets/ashdown/z/> <${DCT}accrualPeriodicity> ` +
        `<http://publications.europa.eu/resource/authority/frequency/QUARTERLY> .`,
    );
    expect(lines).toContain(`<https://hub.example/base/api/v1/datasets.dcat.jsonld> <${DCT}license> <https://licence.example/ogl/> .`);
  });
});
