/**
 * src/lib/open-data/json.ts: the /api/v1/<collection>.json documents, on hand-built records.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_MODEL_VERSION } from '../../schemas/version.ts';
import { openCollection } from '../../src/lib/open-data/context.ts';
import { collectionDocument, recordJson } from '../../src/lib/open-data/json.ts';
import { context, LICENCES, OGL } from './open-data-helpers.ts';

describe('recordJson', () => {
  it('gives a roadmap item its id, organisation, page, fields in schema order, default licence and both bodies', () => {
    const json = recordJson(
      openCollection('roadmap'),
      {
        id: 'roadmap/ashdown/bins',
        organisation: 'ashdown',
        data: { status: 'beta', title: 'Bins', summary: 'Bins online.', services: [524], looking_for: ['partners'] },
        body: '## Why\n\nBecause.',
        html: '<h2>Why</h2><p>Because.</p>',
        lastUpdated: '2026-11-01T10:00:00+00:00',
      },
      context,
    );
    expect(json).toEqual({
      id: 'roadmap/ashdown/bins',
      organisation: 'ashdown',
      url: 'https://hub.example/base/roadmap/ashdown/bins/',
      title: 'Bins',
      summary: 'Bins online.',
      status: 'beta',
      services: [524],
      looking_for: ['partners'],
      licence: 'OGL-UK-3.0',
      last_updated: '2026-11-01T10:00:00+00:00',
      body_markdown: '## Why\n\nBecause.',
    });
    // Schema order, not the order the fields came in: title before status.
    expect(Object.keys(json).slice(0, 6)).toEqual(['id', 'organisation', 'url', 'title', 'summary', 'status']);
  });

  it('keeps a record’s own licence, and publishes a component’s own url as website (url is always the page)', () => {
    const json = recordJson(
      openCollection('components'),
      {
        id: 'components/ashdown/finder',
        organisation: 'ashdown',
        data: { title: 'Finder', summary: 'Finds.', kind: 'code', licence: 'MIT', url: 'https://finder.example/' },
      },
      context,
    );
    expect(json).toMatchObject({
      url: 'https://hub.example/base/components/ashdown/finder/',
      website: 'https://finder.example/',
      licence: 'MIT',
      body_markdown: '',
    });
    expect(json).not.toHaveProperty('body_html');
  });

  it('gives YAML-only collections (datasets) no body fields, and organisations no organisation field', () => {
    const dataset = recordJson(
      openCollection('datasets'),
      {
        id: 'datasets/a/b',
        organisation: 'a',
        data: { title: 'T', summary: 'S', licence: 'CC-BY-4.0', landing_url: 'https://x.example/' },
      },
      context,
    );
    expect(dataset).not.toHaveProperty('body_markdown');
    expect(dataset.licence).toBe('CC-BY-4.0');
    const organisation = recordJson(
      openCollection('organisations'),
      { id: 'ashdown', data: { name: 'Ashdown', type: 'district' } },
      context,
    );
    expect(organisation).toEqual({
      id: 'ashdown',
      url: 'https://hub.example/base/organisations/ashdown/',
      name: 'Ashdown',
      type: 'district',
      licence: 'OGL-UK-3.0',
    });
  });
});

describe('collectionDocument', () => {
  it('sorts records by id, counts them and names every licence they use, with the default licence and the build time', () => {
    const document = collectionDocument(
      openCollection('datasets'),
      [
        {
          id: 'datasets/b/z',
          organisation: 'b',
          data: { title: 'Z', summary: 'S', licence: 'CC-BY-4.0', landing_url: 'https://x.example/' },
        },
        {
          id: 'datasets/a/y',
          organisation: 'a',
          data: { title: 'Y', summary: 'S', licence: 'OGL-UK-3.0', landing_url: 'https://x.example/' },
        },
        {
          id: 'datasets/a/x-2',
          organisation: 'a',
          data: { title: 'X', summary: 'S', licence: 'OGL-UK-3.0', landing_url: 'https://x.example/' },
        },
      ],
      context,
    );
    expect(Object.keys(document)).toEqual([
      'collection',
      'schema_version',
      'description',
      'count',
      'licence',
      'licences',
      'generated',
      'records',
    ]);
    // The content model's version, from the one place it is set.
    expect(document).toMatchObject({
      collection: 'datasets',
      schema_version: CONTENT_MODEL_VERSION,
      count: 3,
      licence: OGL,
      generated: '2026-11-27T00:00:00.000Z',
    });
    expect(document.records.map((record) => record.id)).toEqual(['datasets/a/x-2', 'datasets/a/y', 'datasets/b/z']);
    expect(document.licences).toEqual({
      'OGL-UK-3.0': { name: OGL.name, url: OGL.url },
      'CC-BY-4.0': { name: LICENCES['CC-BY-4.0'].name, url: LICENCES['CC-BY-4.0'].url },
    });
  });

  it('credits the register’s sources in the organisations document, as the hub’s configuration words it', () => {
    const attribution = 'Organisation details contain data from mySociety (CC BY 4.0).';
    const document = collectionDocument(openCollection('organisations'), [{ id: 'ashdown', data: { name: 'Ashdown', type: 'district' } }], {
      ...context,
      organisationsAttribution: attribution,
    });
    expect(document.attribution).toBe(attribution);
    expect(collectionDocument(openCollection('organisations'), [], context)).not.toHaveProperty('attribution');
    expect(document.records[0]).not.toHaveProperty('organisation');
  });

  it('serialises compactly, without indentation', () => {
    const text = JSON.stringify(
      collectionDocument(
        openCollection('principles'),
        [{ id: 'principles/a/b', organisation: 'a', data: { title: 'T', summary: 'S' }, body: 'x' }],
        context,
      ),
    );
    expect(text).not.toMatch(/\n/);
  });
});
