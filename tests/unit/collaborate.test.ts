import { describe, expect, it } from 'vitest';
import { groupByService, helpWanted, pairFacets } from '../../src/lib/collaborate.ts';

const pair = (a: string, b: string, score: number, sharedServices: number[] = []) => ({ a, b, score, sharedServices });

describe('groupByService', () => {
  it('lists each pair once, under the shared service most pairs share, strongest group first, untagged pairs last', () => {
    const groups = groupByService([
      pair('r/a/1', 'r/b/1', 0.5, [530]),
      pair('r/a/2', 'r/c/2', 0.9, [12, 530]),
      pair('r/b/3', 'r/c/3', 0.95),
      pair('r/a/4', 'r/d/4', 0.7, [12]),
      pair('r/a/5', 'r/d/5', 0.6, [530]),
      pair('r/a/6', 'r/d/6', 0.4, [7, 8]),
    ]);
    expect(groups.map((group) => [group.service, group.pairs.map((p) => p.score)])).toEqual([
      [530, [0.9, 0.6, 0.5]],
      [12, [0.7]],
      [7, [0.4]],
      [undefined, [0.95]],
    ]);
  });

  it('keeps only the strongest pairs of each group, in a stable order', () => {
    const pairs = [pair('r/x/2', 'r/y/2', 0.6, [1]), pair('r/x/1', 'r/y/1', 0.6, [1]), pair('r/x/3', 'r/y/3', 0.8, [1])];
    expect(groupByService(pairs, 2)[0].pairs.map((p) => p.a)).toEqual(['r/x/3', 'r/x/1']);
    expect(groupByService([])).toEqual([]);
  });
});

describe('helpWanted', () => {
  it('lists open items by what they ask for, in the schema’s order, leaving out stopped and retired work', () => {
    expect(
      helpWanted([
        { id: 'r/b/x', data: { status: 'alpha', looking_for: ['code', 'partners'] } },
        { id: 'r/a/y', data: { status: 'discovery', looking_for: ['partners'] } },
        { id: 'r/c/z', data: { status: 'stopped', looking_for: ['funding'] } },
        { id: 'r/d/w', data: { status: 'live' } },
      ]),
    ).toEqual([
      { need: 'partners', items: ['r/a/y', 'r/b/x'] },
      { need: 'code', items: ['r/b/x'] },
    ]);
  });
});

describe('pairFacets', () => {
  it('finds a pair by either side’s nation, type and services', () => {
    const facets: Record<string, Record<string, string[]>> = {
      'r/a/1': { nation: ['wales'], type: ['welsh-principal-area'], service: ['530'], theme: ['waste'] },
      'r/b/1': { nation: ['england'], type: ['district'], service: ['530', '12'] },
    };
    const merged = pairFacets(pair('r/a/1', 'r/b/1', 1), (id) => facets[id]);
    expect(merged).toEqual({ nation: ['wales', 'england'], type: ['welsh-principal-area', 'district'], service: ['530', '12'] });
    // Themes are not among /collaborate/'s filters.
    expect(merged.theme).toBeUndefined();
  });
});

describe('matchStrength', () => {
  it('puts a score in words at fixed thresholds', async () => {
    const { matchStrength } = await import('../../src/lib/collaborate.ts');
    expect([0.95, 0.6, 0.59, 0.4, 0.39, 0].map(matchStrength)).toEqual([
      'Strong match',
      'Strong match',
      'Good match',
      'Good match',
      'Possible match',
      'Possible match',
    ]);
  });
});
