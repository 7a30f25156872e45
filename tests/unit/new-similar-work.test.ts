/**
 * New similar work (src/lib/new-similar-work.ts) and the overlap engine over validated content
 * (src/lib/content-overlaps.ts), on real content: the GitHub fixture's real organisations over the
 * baseline's demonstration ones, with a new roadmap item like Harbourside's garden waste work. Git dates
 * are given as the map lastUpdatedDates() returns; tests/github/freshness.test.ts reads them from git.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubContent } from '../../src/lib/content-files/types.ts';
import { contentOverlaps } from '../../src/lib/content-overlaps.ts';
import { dayOf, newSimilarWork, windowStart } from '../../src/lib/new-similar-work.ts';
import type { OverlapResult } from '../../src/lib/overlaps/index.ts';
import { loadReferenceData, UK_REFERENCE_FILES } from '../../src/lib/reference-data.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { githubContent, NEW_ITEM, removeTemp } from '../github/helpers.ts';

const TODAY = '2026-11-27';
const NEW = 'roadmap/westmere-digital/garden-waste-renewals';
const HARBOURSIDE = 'roadmap/harbourside-civic-tech/garden-waste-online';
const ASHDOWN = 'roadmap/ashdown/garden-waste-online';
const BRACKWATER = 'roadmap/brackwater/garden-waste-renewals';

const NORTHBROOK = 'roadmap/northbrook-makers/garden-waste-calendar';

/** A demonstration council's item like Ashdown's (demonstration) garden waste work. */
const BRACKWATER_ITEM = NEW_ITEM.replace('services: [530]', 'services: [524]');
/** Less like the new item than Harbourside's: the same service, little else. */
const NORTHBROOK_ITEM = `---
title: Garden waste collection calendar
summary: A printable calendar of garden waste collection days for each street.
status: idea
services: [530]
review_by: 2099-01-31
---

Collection days as open data and a printable calendar.
`;

let content: HubContent;
let overlaps: OverlapResult;
const fileOf = (id: string) => content.records.find((record) => record.id === id)!.file;

beforeAll(() => {
  const { content: dir } = githubContent();
  writeFileSync(join(dir, 'roadmap/westmere-digital/garden-waste-renewals.md'), NEW_ITEM);
  mkdirSync(join(dir, 'roadmap/brackwater'));
  writeFileSync(join(dir, 'roadmap/brackwater/garden-waste-renewals.md'), BRACKWATER_ITEM);
  mkdirSync(join(dir, 'roadmap/northbrook-makers'));
  writeFileSync(join(dir, 'roadmap/northbrook-makers/garden-waste-calendar.md'), NORTHBROOK_ITEM);
  const validation = validateContent({ contentDir: dir, today: TODAY });
  expect(validation.errors).toEqual([]);
  content = validation.content;
  overlaps = contentOverlaps(content, loadReferenceData(UK_REFERENCE_FILES), TODAY);
});

afterAll(removeTemp);

/** Git dates as lastUpdatedDates() gives them: every roadmap file long ago, but those given. */
function dates(changed: Record<string, string> = {}): Map<string, string> {
  const map = new Map(content.records.map((record) => [record.file, '2026-01-05T09:00:00+00:00']));
  for (const [id, date] of Object.entries(changed)) map.set(fileOf(id), date);
  return map;
}

/** New similar work on TODAY, when the items given (by id) changed on the dates given. */
function find(changed: Record<string, string>, includeDemonstration = false) {
  return newSimilarWork({ content, overlaps, lastChanged: dates(changed), today: TODAY, includeDemonstration });
}

describe('the window', () => {
  it('starts seven days back, across months and years', () => {
    expect(windowStart('2026-11-30')).toBe('2026-11-23');
    expect(windowStart('2026-01-03')).toBe('2025-12-27');
    expect(windowStart('2026-03-01', 1)).toBe('2026-02-28');
  });

  it('reads git dates as the UTC day', () => {
    expect(dayOf('2026-11-26T23:30:00-02:00')).toBe('2026-11-27');
    expect(dayOf('2026-11-27T00:30:00+01:00')).toBe('2026-11-26');
    expect(dayOf('not a date')).toBeUndefined();
    expect(dayOf(undefined)).toBeUndefined();
  });
});

describe('contentOverlaps', () => {
  it('finds the new item like Harbourside’s, and never pairs demonstration work with real work', () => {
    const pair = overlaps.pairs.find((overlap) => overlap.a === HARBOURSIDE && overlap.b === NEW);
    expect(pair?.summary).toMatch(/garden waste/i);
    expect(overlaps.pairs.find((overlap) => overlap.a === ASHDOWN && overlap.b === BRACKWATER)).toBeDefined();
    const demonstration = new Set(['ashdown', 'ashdown-civic-tech', 'brackwater']);
    for (const overlap of overlaps.pairs) {
      expect(demonstration.has(overlap.a.split('/')[1])).toBe(demonstration.has(overlap.b.split('/')[1]));
    }
  });
});

describe('newSimilarWork', () => {
  it('tells both organisations, each from its own side, when one item changed in the window', () => {
    const found = find({ [NEW]: '2026-11-25T10:00:00+00:00' });
    expect([...found.keys()].sort()).toEqual(['harbourside-civic-tech', 'northbrook-makers', 'westmere-digital']);
    // Strongest first: Harbourside's item is more like the new one than Northbrook's.
    const [westmere, weaker] = found.get('westmere-digital')!;
    expect(weaker.other.id).toBe(NORTHBROOK);
    expect(weaker.score).toBeLessThan(westmere.score);
    expect(westmere.own).toEqual({
      id: NEW,
      organisation: 'westmere-digital',
      organisationName: 'Westmere Digital',
      file: 'content/roadmap/westmere-digital/garden-waste-renewals.md',
      title: 'Garden waste renewals online',
      changed: '2026-11-25',
    });
    expect(westmere.other).toEqual({
      id: HARBOURSIDE,
      organisation: 'harbourside-civic-tech',
      organisationName: 'Harbourside Civic Tech',
      file: 'content/roadmap/harbourside-civic-tech/garden-waste-online.md',
      title: 'Garden waste subscriptions online',
    });
    const pair = overlaps.pairs.find((overlap) => overlap.a === HARBOURSIDE && overlap.b === NEW)!;
    expect(westmere.reasons).toBe(pair.summary);
    expect(westmere.reasons).toContain('both on LGSL 530 Household garden waste');
    expect(westmere.score).toBe(pair.score);
    // Harbourside sees the same pair the other way round.
    expect(found.get('harbourside-civic-tech')).toEqual([{ ...westmere, own: westmere.other, other: westmere.own }]);
  });

  it('counts a change on the first day of the window and on today, not the day before nor after today', () => {
    const on = (date: string) => find({ [NEW]: date }).size;
    expect(on('2026-11-20T00:00:00Z')).toBe(3);
    expect(on('2026-11-27T23:59:00Z')).toBe(3);
    expect(on('2026-11-19T23:59:00Z')).toBe(0);
    expect(on('2026-11-28T00:00:00Z')).toBe(0);
  });

  it('finds nothing when nothing changed, or without git history', () => {
    expect(find({}, true).size).toBe(0);
    expect(newSimilarWork({ content, overlaps, lastChanged: new Map(), today: TODAY, includeDemonstration: true }).size).toBe(0);
  });

  it('gives both days when both items changed', () => {
    const found = find({ [NEW]: '2026-11-25T10:00:00Z', [HARBOURSIDE]: '2026-11-21T08:00:00Z' });
    const [harbourside] = found.get('harbourside-civic-tech')!;
    expect([harbourside.own.changed, harbourside.other.changed]).toEqual(['2026-11-21', '2026-11-25']);
    // Northbrook's item did not change, but the two it is like did.
    const northbrook = found.get('northbrook-makers')!.map((entry) => [entry.other.id, entry.own.changed, entry.other.changed]);
    expect(northbrook.toSorted()).toEqual([
      [HARBOURSIDE, undefined, '2026-11-21'],
      [NEW, undefined, '2026-11-25'],
    ]);
  });

  it('counts demonstration organisations only when asked', () => {
    const changed = { [BRACKWATER]: '2026-11-26T12:00:00Z', [NEW]: '2026-11-26T12:00:00Z' };
    const real = ['harbourside-civic-tech', 'northbrook-makers', 'westmere-digital'];
    expect([...find(changed).keys()].sort()).toEqual(real);
    const withDemonstration = find(changed, true);
    expect([...withDemonstration.keys()].sort()).toEqual(['ashdown', 'brackwater', ...real]);
    const ashdown = withDemonstration.get('ashdown')!.map((entry) => [entry.own.id, entry.other.id, entry.other.changed]);
    expect(ashdown).toEqual([[ASHDOWN, BRACKWATER, '2026-11-26']]);
    // Real organisations still hear only about real work.
    const westmere = withDemonstration.get('westmere-digital')!.map((entry) => entry.other.organisation);
    expect(westmere).toEqual(['harbourside-civic-tech', 'northbrook-makers']);
  });

  it('gives every kept pair to both organisations when every item changed, each list strongest first', () => {
    const roadmap = content.records.filter((record) => record.collection === 'roadmap');
    const found = find(Object.fromEntries(roadmap.map((record) => [record.id, '2026-11-26T12:00:00Z'])), true);
    for (const list of found.values()) {
      const scores = list.map((entry) => entry.score);
      expect(scores).toEqual(scores.toSorted((x, y) => y - x));
    }
    const pairs = [...found.values()].reduce((sum, list) => sum + list.length, 0);
    expect(pairs).toBe(overlaps.pairs.length * 2);
  });
});
