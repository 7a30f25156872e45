import { describe, expect, it } from 'vitest';
import { buildReuse, countInWords } from '../../src/lib/reuse.ts';

const components = [
  { id: 'components/a/finder', organisation: 'a' },
  { id: 'components/b/form', organisation: 'b' },
  { id: 'components/c/unused', organisation: 'c' },
];

describe('buildReuse', () => {
  it('counts a component once per organisation, whether named in uses, in a roadmap item’s reuses, or both', () => {
    const graph = buildReuse({
      components,
      organisations: [{ id: 'a', uses: ['components/a/finder'] }, { id: 'b', uses: ['components/a/finder'] }, { id: 'c' }],
      roadmap: [
        { id: 'roadmap/b/bins', organisation: 'b', data: { reuses: ['components/a/finder'] } },
        { id: 'roadmap/c/bins', organisation: 'c', data: { reuses: ['components/a/finder', 'components/b/form'] } },
        { id: 'roadmap/c/more-bins', organisation: 'c', data: { reuses: ['components/a/finder'] } },
      ],
      principles: [],
    });
    const finder = graph.components.get('components/a/finder')!;
    expect(finder.users).toEqual([
      { organisation: 'a', listed: true, roadmapItems: [] },
      { organisation: 'b', listed: true, roadmapItems: ['roadmap/b/bins'] },
      { organisation: 'c', listed: false, roadmapItems: ['roadmap/c/bins', 'roadmap/c/more-bins'] },
    ]);
    // The owner using its own component is use, not reuse.
    expect(finder.reusedBy).toBe(2);
    expect(graph.components.get('components/b/form')!.reusedBy).toBe(1);
    expect(graph.components.get('components/c/unused')!.users).toEqual([]);
    expect(graph.usesByOrganisation.get('c')).toEqual(['components/a/finder', 'components/b/form']);
    expect(graph.usesByOrganisation.get('a')).toEqual(['components/a/finder']);
  });

  it('ranks the most reused first, leaves out components nobody else uses, and breaks ties by id', () => {
    const graph = buildReuse({
      components,
      organisations: [
        { id: 'a', uses: ['components/a/finder', 'components/b/form'] },
        { id: 'c', uses: ['components/b/form', 'components/a/finder', 'components/c/unused'] },
        { id: 'd', uses: ['components/b/form'] },
      ],
      roadmap: [],
      principles: [],
    });
    expect(graph.mostReused.map((reuse) => [reuse.component, reuse.reusedBy])).toEqual([
      ['components/b/form', 3],
      ['components/a/finder', 1],
    ]);
  });

  it('ignores references to components that do not exist', () => {
    const graph = buildReuse({ components, organisations: [{ id: 'a', uses: ['components/z/missing'] }], roadmap: [], principles: [] });
    expect(graph.components.has('components/z/missing')).toBe(false);
    expect(graph.usesByOrganisation.has('a')).toBe(false);
  });

  it('shows where an adopted principle came from and who else adopted it', () => {
    const graph = buildReuse({
      components: [],
      organisations: [],
      roadmap: [],
      principles: [
        { id: 'principles/a/open', organisation: 'a', data: {} },
        { id: 'principles/b/open', organisation: 'b', data: { adopted_from: 'principles/a/open' } },
        { id: 'principles/c/open', organisation: 'c', data: { adopted_from: 'principles/a/open' } },
        { id: 'principles/d/own', organisation: 'd', data: {} },
        { id: 'principles/e/self', organisation: 'e', data: { adopted_from: 'principles/e/self' } },
      ],
    });
    expect(graph.adoptions.get('principles/a/open')).toEqual({
      principle: 'principles/a/open',
      adoptedBy: ['principles/b/open', 'principles/c/open'],
      alsoAdoptedBy: [],
    });
    expect(graph.adoptions.get('principles/b/open')).toEqual({
      principle: 'principles/b/open',
      source: 'principles/a/open',
      adoptedBy: [],
      alsoAdoptedBy: ['principles/c/open'],
    });
    expect(graph.adoptions.has('principles/d/own')).toBe(false);
    expect(graph.adoptions.has('principles/e/self')).toBe(false);
  });
});

describe('countInWords', () => {
  const kinds: Record<string, string> = { a: 'council', b: 'council', c: 'community group', d: 'other public body', e: 'council' };
  it('counts organisations by kind, the commonest first', () => {
    expect(countInWords(['a', 'b', 'c', 'e'], (id) => kinds[id])).toBe('3 councils and 1 community group');
    expect(countInWords(['a', 'c', 'd'], (id) => kinds[id])).toBe('1 community group, 1 council and 1 other public body');
    expect(countInWords(['d', 'd'], (id) => kinds[id])).toBe('2 other public bodies');
    expect(countInWords(['a'], (id) => kinds[id])).toBe('1 council');
    expect(countInWords([], (id) => kinds[id])).toBe('no organisations');
  });
});
