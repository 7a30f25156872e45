/**
 * src/lib/overlaps on components and datasets: the same thing built or published twice. Hand-built cases
 * (tests/fixtures/overlaps/things.ts): the same thing in different words, different things in the same
 * words, a fork under a new name, the same repository listed twice; that kinds and organisations never
 * mix; addresses as keys; on synthetic mixed records, that candidates still come from indexes; and the
 * groups of components /collaborate/ shows as built more than once.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticMixedItems } from '../../scripts/lib/synthetic-things.ts';
import { builtMoreThanOnce } from '../../src/lib/built-more-than-once.ts';
import { addressesIn, addressKey, findOverlaps, PER_ITEM, type OverlapItem, type OverlapLabels } from '../../src/lib/overlaps/index.ts';
import { matchStrength } from '../../src/lib/collaborate.ts';
import { readSynonyms } from '../../src/lib/validation/synonyms.ts';
import { ROOT } from '../helpers/content.ts';
import {
  BIN_COLLECTION_DAYS,
  BIN_DAY_FINDER,
  BIN_DAY_STANDARD,
  CONNECTED_EASTMARSH,
  CONNECTED_FOXLEY,
  CONNECTED_TOGETHER,
  LIBRARY_OPENING_HOURS,
  MISSED_BIN_FORM,
  REFUSE_COLLECTION_CALENDAR,
  THINGS,
  WASTE_CALENDAR_LOOKUP,
} from '../fixtures/overlaps/things.ts';

const labels: OverlapLabels = {
  service: (id) => (id === 524 ? 'LGSL 524 Household waste collection' : `LGSL ${id}`),
  theme: (id) => ({ 'waste-and-recycling': 'Waste and recycling' })[id] ?? id,
};
const SYNONYMS = readSynonyms({
  absolute: join(ROOT, 'content/vocabularies/synonyms.yaml'),
  file: 'content/vocabularies/synonyms.yaml',
}).synonyms;
const result = findOverlaps(THINGS, labels, { synonyms: SYNONYMS, minScore: 0, today: '2026-12' });
const pair = (x: OverlapItem, y: OverlapItem) =>
  result.pairs.find((candidate) => [candidate.a, candidate.b].sort().join() === [x.id, y.id].sort().join());

describe('findOverlaps on components and datasets', () => {
  it('finds the same thing in different words, through the synonyms: a strong match', () => {
    const found = pair(BIN_DAY_FINDER, WASTE_CALENDAR_LOOKUP)!;
    expect(found.kind).toBe('components');
    expect(matchStrength(found.score)).toBe('Strong match');
    expect(found.summary).toMatch(/^Similar words: calendar, bin \(refuse collection\), postcode/);
    expect(found.summary).toContain('both on LGSL 524 Household waste collection');
    // The finder's best match is the lookup, not the standard or the form that share its words.
    expect(result.byItem.get(BIN_DAY_FINDER.id)![0].other).toBe(WASTE_CALENDAR_LOOKUP.id);
  });

  it('does not match different things in the same words strongly', () => {
    // A standard for the finder's data: more of the finder's words than the lookup has, but another kind of thing.
    const standard = pair(BIN_DAY_FINDER, BIN_DAY_STANDARD)!;
    expect(standard.score).toBeLessThan(0.4);
    expect(standard.reasons.at(-1)).toEqual({ kind: 'subtype', text: 'but one is code, the other a standard' });
    // A form on the same service, with the same "bin" and "day": at most a good match.
    expect(matchStrength(pair(BIN_DAY_FINDER, MISSED_BIN_FORM)!.score)).not.toBe('Strong match');
    expect(pair(WASTE_CALENDAR_LOOKUP, MISSED_BIN_FORM)!.score).toBeLessThan(0.35);
  });

  it('finds a fork under a new name from the upstream repository it links to, however the address is written', () => {
    const fork = pair(CONNECTED_EASTMARSH, CONNECTED_TOGETHER)!;
    expect(matchStrength(fork.score)).toBe('Strong match');
    expect(fork.reasons[0]).toEqual({
      kind: 'repository',
      text:
        '“Connected Eastmarsh” links to the repository of “Connected Together” ' +
        '(github.com/northwold-council/connected-together): a fork, a copy or built on it',
    });
  });

  it('does not take a link to another kind of component’s repository for a fork: it is a dependency', () => {
    const reader: OverlapItem = {
      ...BIN_DAY_FINDER,
      id: 'components/yarrow/bin-app',
      organisation: 'yarrow',
      links: [...BIN_DAY_STANDARD.addresses!],
    };
    const found = findOverlaps([reader, BIN_DAY_STANDARD], labels, { synonyms: SYNONYMS, minScore: 0 }).pairs[0];
    expect(found.reasons.map((reason) => reason.kind)).not.toContain('repository');
    expect(found.score).toBeLessThan(0.4);
  });

  it('finds the same repository listed by two bodies as the same thing', () => {
    const same = pair(CONNECTED_FOXLEY, CONNECTED_TOGETHER)!;
    expect(same.score).toBe(0.9);
    expect(same.summary).toBe('The same repository: github.com/northwold-council/connected-together.');
  });

  it('finds the same kind of data in datasets: title words, themes and formats', () => {
    const found = pair(BIN_COLLECTION_DAYS, REFUSE_COLLECTION_CALENDAR)!;
    expect(found.kind).toBe('datasets');
    expect(found.score).toBeGreaterThanOrEqual(0.5);
    expect(found.reasons.map((reason) => reason.kind)).toEqual(['text', 'service', 'theme', 'format']);
    expect(found.summary).toContain('both published as CSV');
    expect(pair(BIN_COLLECTION_DAYS, LIBRARY_OPENING_HOURS)!.score).toBeLessThan(0.2);
  });

  it('never pairs different kinds, nor an organisation with itself', () => {
    const roadmapTwin: OverlapItem = {
      ...BIN_DAY_FINDER,
      id: 'roadmap/zeal/bin-collection-day-finder',
      organisation: 'zeal',
      kind: 'roadmap',
      status: 'beta',
    };
    const datasetTwin: OverlapItem = {
      ...BIN_DAY_FINDER,
      id: 'datasets/yarrow/bin-collection-day-finder',
      organisation: 'yarrow',
      kind: 'datasets',
    };
    const ownTwin: OverlapItem = { ...WASTE_CALENDAR_LOOKUP, id: 'components/amberley/waste-calendar-lookup', organisation: 'amberley' };
    const mixed = findOverlaps([BIN_DAY_FINDER, roadmapTwin, datasetTwin, ownTwin], labels, { synonyms: SYNONYMS, minScore: 0 });
    expect(mixed.pairs).toEqual([]);
    expect(mixed.stats.groups).toBe(3);
  });

  it('keeps roadmap pairs as they were, marked with their kind', () => {
    const items: OverlapItem[] = [
      {
        id: 'roadmap/a/garden',
        organisation: 'a',
        title: 'Garden waste renewals',
        summary: 'Renew online.',
        status: 'beta',
        services: [530],
      },
      {
        id: 'roadmap/b/brown-bins',
        organisation: 'b',
        title: 'Brown bin subscriptions',
        summary: 'Pay online.',
        status: 'beta',
        services: [530],
      },
    ];
    const roadmap = findOverlaps(items, labels, { synonyms: SYNONYMS, today: '2026-12' });
    expect(roadmap.pairs).toHaveLength(1);
    expect(roadmap.pairs[0].kind).toBe('roadmap');
    expect(roadmap.pairs[0].reasons[0].kind).toBe('service');
  });
});

describe('addresses', () => {
  it('gives one key per repository, however it is written', () => {
    for (const url of [
      'https://github.com/Northwold-Council/connected-together',
      'http://www.github.com/northwold-council/connected-together.git',
      'https://github.com/northwold-council/connected-together/tree/main/src?x=1#readme',
    ])
      expect(addressKey(url)).toBe('github.com/northwold-council/connected-together');
    expect(addressKey('https://data.example.gov.uk/dataset/bins/')).toBe('data.example.gov.uk/dataset/bins');
    // A whole website is not one thing.
    expect(addressKey('https://www.example.gov.uk/')).toBeUndefined();
    expect(addressKey('not an address')).toBeUndefined();
  });

  it('finds addresses in Markdown links and text', () => {
    expect(addressesIn('Forked from [it](https://github.com/a/b). See https://c.example/d, or <https://e.example/f>.')).toEqual([
      'https://github.com/a/b',
      'https://c.example/d',
      'https://e.example/f',
    ]);
  });
});

describe('mixed synthetic records (the benchmark’s)', () => {
  it('finds pairs of each kind, only within a kind, from indexes rather than all pairs', () => {
    const { items } = syntheticMixedItems({ items: 3000, source: join(ROOT, 'content'), seed: 11, group: 'real' });
    const kinds = new Map(items.map((item) => [item.id, item.kind ?? 'roadmap']));
    expect(new Set(kinds.values())).toEqual(new Set(['roadmap', 'components', 'datasets']));
    const mixed = findOverlaps(items, labels, { today: '2026-11' });
    for (const found of mixed.pairs) {
      expect(kinds.get(found.a)).toBe(found.kind);
      expect(kinds.get(found.b)).toBe(found.kind);
    }
    expect(new Set(mixed.pairs.map((found) => found.kind))).toEqual(new Set(['roadmap', 'components', 'datasets']));
    // Forks and shared repositories are found.
    expect(mixed.pairs.some((found) => found.reasons[0].kind === 'repository' && found.summary.includes('links to'))).toBe(true);
    expect(mixed.pairs.some((found) => found.summary.startsWith('The same repository'))).toBe(true);
    expect(mixed.stats.candidatesCompared).toBeLessThanOrEqual(PER_ITEM * items.length);
    expect(mixed.stats.candidatesCompared).toBeLessThan(mixed.stats.allPairs / 10);
  });
});

describe('builtMoreThanOnce (/collaborate/)', () => {
  const organisationOf = (id: string) => id.split('/')[1];
  const strong = (a: string, b: string, score = 0.7, kind = 'components') => ({ a, b, score, kind });

  it('groups components joined by strong pairs across three or more organisations, whatever the order of the pairs', () => {
    const pairs = [
      strong('components/a/finder', 'components/b/lookup', 0.8),
      strong('components/b/lookup', 'components/c/checker', 0.65),
      // Too weak to join: d stays out.
      strong('components/c/checker', 'components/d/form', 0.59),
      // Two bodies only: not a group.
      strong('components/e/x', 'components/f/y', 0.9),
      // Datasets and roadmap items are not components.
      strong('datasets/a/1', 'datasets/b/2', 0.9, 'datasets'),
      strong('datasets/b/2', 'datasets/c/3', 0.9, 'datasets'),
    ];
    const groups = builtMoreThanOnce(pairs, organisationOf);
    expect(groups).toHaveLength(1);
    expect(groups[0].members).toEqual(['components/a/finder', 'components/b/lookup', 'components/c/checker']);
    expect(groups[0].organisations).toEqual(['a', 'b', 'c']);
    expect(groups[0].pairs.map((pair) => pair.score)).toEqual([0.8, 0.65]);
    expect(groups[0].strongest.get('components/c/checker')!.score).toBe(0.65);
    expect(builtMoreThanOnce([...pairs].reverse(), organisationOf)).toEqual(groups);
  });

  it('finds the hand-built fork, its upstream and the body listing the same repository', () => {
    const groups = builtMoreThanOnce(result.pairs, organisationOf);
    expect(groups.map((group) => group.members)).toEqual([[CONNECTED_EASTMARSH.id, CONNECTED_FOXLEY.id, CONNECTED_TOGETHER.id]]);
  });
});
