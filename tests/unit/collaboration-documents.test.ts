import { describe, expect, it } from 'vitest';
import { overlapsDocument, reuseDocument, type DocumentContext } from '../../src/lib/api/collaboration-documents.ts';
import { buildReuse } from '../../src/lib/reuse.ts';

const context: DocumentContext = {
  pageUrl: (id) => `https://hub.example/base/${id}/`,
  organisationName: (id) => `Org ${id.toUpperCase()}`,
  title: (id) => `Title of ${id}`,
  licence: { id: 'OGL-UK-3.0', name: 'Open Government Licence v3.0', url: 'https://licence.example/' },
  generated: '2026-11-27T00:00:00.000Z',
};

describe('overlapsDocument', () => {
  it('gives each pair its ids, organisations, score and reasons, with the licence and how ids become addresses', () => {
    const document = overlapsDocument(
      [
        {
          a: 'roadmap/a/bins',
          b: 'roadmap/b/brown-bins',
          kind: 'roadmap',
          score: 0.82,
          summary: 'Both on LGSL 530 Household garden waste.',
          reasons: [{ kind: 'service', text: 'Both on LGSL 530 Household garden waste' }],
          sharedServices: [530],
          sharedThemes: [],
          sharedWords: ['garden'],
        },
      ],
      context,
    );
    expect(document).toMatchObject({
      count: 1,
      licence: { id: 'OGL-UK-3.0' },
      generated: '2026-11-27T00:00:00.000Z',
      page_url: 'https://hub.example/base/{id}/',
      pairs: [
        {
          a: 'roadmap/a/bins',
          b: 'roadmap/b/brown-bins',
          kind: 'roadmap',
          organisations: ['a', 'b'],
          score: 0.82,
          shared_services: [530],
          reasons: [{ kind: 'service' }],
        },
      ],
    });
  });
});

describe('reuseDocument', () => {
  it('lists every component with its users and every adopted principle with its source', () => {
    const graph = buildReuse({
      components: [{ id: 'components/a/finder', organisation: 'a' }],
      organisations: [{ id: 'b', uses: ['components/a/finder'] }],
      roadmap: [{ id: 'roadmap/c/x', organisation: 'c', data: { reuses: ['components/a/finder'] } }],
      principles: [
        { id: 'principles/a/open', organisation: 'a', data: {} },
        { id: 'principles/b/open', organisation: 'b', data: { adopted_from: 'principles/a/open' } },
      ],
    });
    const document = reuseDocument(graph, context);
    expect(document.count).toBe(1);
    expect(document.components[0]).toMatchObject({
      id: 'components/a/finder',
      url: 'https://hub.example/base/components/a/finder/',
      organisation_name: 'Org A',
      reused_by: 2,
      used_by: [
        { organisation: 'b', listed_in_uses: true, roadmap_items: [], url: 'https://hub.example/base/organisations/b/' },
        { organisation: 'c', listed_in_uses: false, roadmap_items: [{ id: 'roadmap/c/x', title: 'Title of roadmap/c/x' }] },
      ],
    });
    expect(document.principles).toMatchObject([
      { id: 'principles/a/open', adopted_from: null, adopted_by: [{ id: 'principles/b/open' }] },
      { id: 'principles/b/open', adopted_from: { id: 'principles/a/open', organisation: 'a' }, adopted_by: [] },
    ]);
  });
});
