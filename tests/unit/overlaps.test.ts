/**
 * src/lib/overlaps: who else is working on the same thing. Hand-built cases for each rule of the score
 * and the reasons, the tokeniser and stemmer, the real demonstration content, and a scale check that
 * proves no all-pairs comparison (by counting, not timing: npm run bench -- --overlaps-only times it).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { syntheticRoadmapItems } from '../../scripts/lib/synthetic-roadmap.ts';
import { splitFrontMatter } from '../../src/lib/content-files/text.ts';
import {
  DEFAULT_MIN_SCORE,
  evidenceOf,
  findOverlaps,
  GENERATING_TERMS,
  Lexicon,
  PER_ITEM,
  porterStem,
  POSTINGS_WALK,
  prepare,
  scorePair,
  scoreParts,
  SERVICE_WINDOW,
  stripMarkdown,
  tokenise,
  words,
  type Overlap,
  type OverlapItem,
  type OverlapLabels,
  type OverlapResult,
} from '../../src/lib/overlaps/index.ts';
import { loadServices } from '../../src/lib/reference-data.ts';
import { readSynonyms } from '../../src/lib/validation/synonyms.ts';
import { ROOT } from '../helpers/content.ts';

const SERVICE_LABELS = new Map([
  [530, 'Household garden waste'],
  [524, 'Household waste collection'],
  [279, 'Disabled people - parking permits'],
  [59, 'Council tax discount'],
  [141, 'Housing repairs'],
]);
const THEME_LABELS: Record<string, string> = {
  'waste-and-recycling': 'Waste and recycling',
  payments: 'Payments',
  housing: 'Housing',
  'customer-service': 'Customer service',
};
const labels: OverlapLabels = {
  service: (id) => `LGSL ${id} ${SERVICE_LABELS.get(id) ?? ''}`.trim(),
  theme: (id) => THEME_LABELS[id] ?? id,
};
const TODAY = '2026-11';
/** The hub's own synonym vocabulary, read as the validator reads it. */
const SYNONYMS = readSynonyms({
  absolute: join(ROOT, 'content/vocabularies/synonyms.yaml'),
  file: 'content/vocabularies/synonyms.yaml',
}).synonyms;

/** A roadmap item with defaults: organisation from the id, status beta, no dates. */
function item(id: string, fields: Partial<OverlapItem> = {}): OverlapItem {
  const organisation = id.split('/')[1];
  return { id, organisation, title: 'Untitled', summary: '', status: 'beta', ...fields };
}

function run(items: readonly OverlapItem[], options = {}): OverlapResult {
  return findOverlaps(items, labels, { today: TODAY, synonyms: SYNONYMS, ...options });
}

function pairOf(result: OverlapResult, x: string, y: string): Overlap | undefined {
  const [a, b] = x < y ? [x, y] : [y, x];
  return result.pairs.find((pair) => pair.a === a && pair.b === b);
}

/** Unrelated items that give the corpus some words to compare against (so idf means something). */
const BACKGROUND: OverlapItem[] = [
  item('roadmap/zeta/library-opening-hours', {
    title: 'Library opening hours',
    summary: 'Showing library opening hours and events on one page.',
    body: 'Libraries publish their hours in a spreadsheet that nobody updates.',
  }),
  item('roadmap/zeta/pothole-photos', {
    title: 'Pothole reporting with photos',
    summary: 'Report a pothole with a photo and a map pin.',
    body: 'Highways inspectors wanted photos to triage defects faster.',
  }),
  item('roadmap/eta/school-admissions', {
    title: 'School admissions online',
    summary: 'Apply for a primary or secondary school place.',
    body: 'Parents rank their preferred schools and upload evidence of address.',
  }),
  item('roadmap/eta/planning-comments', {
    title: 'Commenting on planning applications',
    summary: 'Comment on a planning application from its page.',
    body: 'Neighbours object or support with a short form and see the decision.',
  }),
  item('roadmap/theta/blue-badge', {
    title: 'Blue Badge applications',
    summary: 'Apply for a Blue Badge for disabled parking.',
    body: 'Evidence of mobility is checked by an occupational therapist.',
  }),
];

describe('porterStem', () => {
  it('gives the published Porter stems', () => {
    const expected: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      cats: 'cat',
      agreed: 'agre',
      plastered: 'plaster',
      motoring: 'motor',
      sing: 'sing',
      hopping: 'hop',
      falling: 'fall',
      filing: 'file',
      happy: 'happi',
      relational: 'relat',
      conditional: 'condit',
      rational: 'ration',
      digitizer: 'digit',
      operator: 'oper',
      hopefulness: 'hope',
      triplicate: 'triplic',
      electrical: 'electr',
      goodness: 'good',
      allowance: 'allow',
      adjustable: 'adjust',
      replacement: 'replac',
      adoption: 'adopt',
      effective: 'effect',
      probate: 'probat',
      controll: 'control',
      generalizations: 'gener',
      oscillators: 'oscil',
    };
    for (const [word, stem] of Object.entries(expected)) expect(porterStem(word), word).toBe(stem);
  });

  it('brings plurals and forms of one word together', () => {
    expect(new Set(['renewal', 'renewals', 'renewing', 'renew'].map(porterStem))).toEqual(new Set(['renew']));
    expect(porterStem('subscriptions')).toBe(porterStem('subscription'));
    expect(porterStem('gardens')).toBe('garden');
    expect(porterStem('collections')).toBe(porterStem('collection'));
  });

  it('leaves very short words alone', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('a')).toBe('a');
  });
});

describe('tokenise', () => {
  it('marks stop words, including words every roadmap item uses', () => {
    const tokens = tokenise('The council will renew the garden waste service for residents');
    const stops = tokens.filter((token) => token.stop).map((token) => token.word);
    const kept = tokens.filter((token) => !token.stop).map((token) => token.word);
    expect(stops).toEqual(['the', 'council', 'will', 'the', 'service', 'for', 'residents']);
    expect(kept).toEqual(['renew', 'garden', 'waste']);
  });

  it('drops possessives, splits hyphenated words and drops numbers and single letters', () => {
    expect(words("The council's households' self-service bins: 14,000 in 2026, a Q&A")).toEqual(
      ['the', 'council', 'households', 'self', 'service', 'bins', 'in', 'qa'].filter((word) => word !== 'qa'),
    );
    expect(words('Kestrelford’s don’t')).toEqual(['kestrelford', 'dont']);
  });

  it('folds Welsh and other accents, and does not crash on any text', () => {
    expect(words('Gwasanaeth dŵr a thŷ — Café Ŵyn')).toEqual(['gwasanaeth', 'dwr', 'thy', 'cafe', 'wyn']);
    expect(words('Łódź Straße')).toEqual(['łodz', 'straße']);
    for (const text of ['', '   ', '🏴󠁧󠁢󠁷󠁬󠁳󠁿 ♻ 😀', 'עברית العربية 中文', '\u0000\uffff\ud800', "''' --- ***", 'x'.repeat(100_000)]) {
      expect(() => tokenise(text)).not.toThrow();
    }
    expect(words('中文 العربية')).toEqual(['中文', 'العربية']);
  });

  it('stems each word', () => {
    expect(tokenise('Renewals renewing').map((token) => token.stem)).toEqual(['renew', 'renew']);
  });

  it('is total on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const token of tokenise(text)) {
          expect(token.word.length).toBeGreaterThanOrEqual(2);
          expect(token.word).not.toMatch(/\d|\s/);
        }
      }),
    );
  });
});

describe('stripMarkdown', () => {
  it('keeps prose and link text; drops code, tables, images, HTML and addresses', () => {
    const text = stripMarkdown(
      [
        '## What we did',
        '',
        'Read [our blog post](https://example.gov.uk/blog) or see <https://example.gov.uk/raw>.',
        '',
        '```js',
        'const secretCode = 1;',
        '```',
        '',
        '| Tablehead | Other |',
        '| --- | --- |',
        '| tablecell | 2 |',
        '',
        '![alt picture](x.png) Inline `inlinecode` and <b>bold</b> <script>scriptword()</script>',
        'Mail digital@example.gov.uk &amp; www.example.com/page',
      ].join('\n'),
    );
    const found = words(text);
    expect(found).toEqual(
      expect.arrayContaining(['what', 'we', 'did', 'read', 'our', 'blog', 'post', 'or', 'see', 'inline', 'and', 'bold', 'mail']),
    );
    for (const gone of [
      'secretcode',
      'tablehead',
      'tablecell',
      'alt',
      'picture',
      'inlinecode',
      'scriptword',
      'https',
      'example',
      'digital',
      'amp',
      'www',
      'png',
    ]) {
      expect(found, gone).not.toContain(gone);
    }
  });
});

describe('findOverlaps: what makes a match', () => {
  it('matches the same service at the same time, in different words, with a service reason and a time reason', () => {
    const result = run([
      item('roadmap/alpha/green-bins', {
        title: 'Paying for green waste',
        summary: 'A subscription for the fortnightly collection of grass cuttings.',
        services: [530],
        start: '2026-01',
        end: '2026-12',
      }),
      item('roadmap/beta/compost', {
        title: 'Compost bin sign-up',
        summary: 'Letting people join the hedge trimmings round without calling us.',
        services: [530],
        start: '2026-04',
        end: '2027-03',
      }),
      ...BACKGROUND,
    ]);
    const pair = pairOf(result, 'roadmap/alpha/green-bins', 'roadmap/beta/compost');
    expect(pair).toBeDefined();
    expect(pair!.sharedServices).toEqual([530]);
    expect(pair!.reasons[0]).toEqual({ kind: 'service', text: 'both on LGSL 530 Household garden waste' });
    expect(pair!.reasons).toContainEqual({ kind: 'time', text: 'both running in 2026' });
    expect(pair!.reasons).toContainEqual({ kind: 'status', text: 'both in beta' });
    expect(pair!.summary).toMatch(/^Both on LGSL 530 Household garden waste; .*both running in 2026.*\.$/);
    expect(pair!.score).toBeGreaterThan(0.6);
  });

  it('matches the same wording under different services, by text, naming the shared words', () => {
    const text = {
      title: 'Garden waste subscriptions online',
      summary: 'Residents subscribe to garden waste collection and renew it online, with reminders before the season.',
      body: 'We built an online garden waste subscription with automatic renewal and reminders by email.',
    };
    const result = run([
      item('roadmap/alpha/garden', { ...text, services: [530] }),
      item('roadmap/beta/garden', { ...text, services: [524] }),
      ...BACKGROUND,
    ]);
    const pair = pairOf(result, 'roadmap/alpha/garden', 'roadmap/beta/garden');
    expect(pair).toBeDefined();
    expect(pair!.sharedServices).toEqual([]);
    expect(pair!.reasons.map((reason) => reason.kind)).toContain('text');
    const textReason = pair!.reasons.find((reason) => reason.kind === 'text')!;
    expect(textReason.text).toMatch(/^similar words: /);
    expect(pair!.sharedWords.length).toBeGreaterThanOrEqual(3);
    expect(pair!.sharedWords.length).toBeLessThanOrEqual(5);
    expect(pair!.sharedWords).toContain('garden waste');
    for (const word of pair!.sharedWords) expect(textReason.text).toContain(word);
    // Readable forms, as written in the items, not stems ("subscript", "remind").
    const written = `${text.title} ${text.summary} ${text.body}`.toLowerCase();
    for (const word of pair!.sharedWords) expect(written).toContain(word);
    expect(pair!.score).toBeGreaterThanOrEqual(0.7);
  });

  it('meets untagged items through council synonyms: a brown bin is garden waste', () => {
    const result = run([
      item('roadmap/alpha/garden', { title: 'Garden waste subscriptions', summary: 'Subscribe to garden waste collection.' }),
      item('roadmap/beta/brown', { title: 'Brown bin renewals', summary: 'Renew your brown bin permit each spring.' }),
      ...BACKGROUND,
    ]);
    const pair = pairOf(result, 'roadmap/alpha/garden', 'roadmap/beta/brown');
    expect(pair?.sharedWords).toContain('garden waste (brown bin)');
    expect(pair!.summary).toContain('garden waste (brown bin)');
    expect(SYNONYMS.find((concept) => concept.label === 'garden waste')?.phrases).toContain('brown bin');
    // The vocabulary, not the code, knows it: without it the two share no word.
    const without = run(
      [
        item('roadmap/alpha/garden', { title: 'Garden waste subscriptions', summary: 'Subscribe to garden waste collection.' }),
        item('roadmap/beta/brown', { title: 'Brown bin renewals', summary: 'Renew your brown bin permit each spring.' }),
        ...BACKGROUND,
      ],
      { synonyms: [] },
    );
    expect(pairOf(without, 'roadmap/alpha/garden', 'roadmap/beta/brown')?.sharedWords ?? []).not.toContain('garden waste (brown bin)');
  });

  it('never matches an item with its own organisation’s items, unless asked', () => {
    const same = { title: 'Housing repairs online', summary: 'Tenants report a repair online and book a visit.', services: [141] };
    const items = [
      item('roadmap/alpha/repairs', same),
      item('roadmap/alpha/repairs-2', same),
      item('roadmap/beta/repairs', same),
      ...BACKGROUND,
    ];
    const result = run(items);
    for (const pair of result.pairs) expect(pair.a.split('/')[1]).not.toBe(pair.b.split('/')[1]);
    expect(pairOf(result, 'roadmap/alpha/repairs', 'roadmap/beta/repairs')).toBeDefined();
    const included = run(items, { includeSameOrganisation: true });
    expect(pairOf(included, 'roadmap/alpha/repairs', 'roadmap/alpha/repairs-2')).toBeDefined();
  });

  it('never matches items in different groups (demonstration records are never suggested to real councils)', () => {
    const same = {
      title: 'Missed bin reports',
      summary: 'Report a missed bin collection online.',
      services: [524],
      start: '2026-01',
      end: '2026-12',
    };
    const result = run([
      item('roadmap/alpha/missed', { ...same, group: 'demonstration' }),
      item('roadmap/beta/missed', { ...same, group: 'real' }),
      item('roadmap/gamma/missed', { ...same, group: 'real' }),
      item('roadmap/delta/missed', { ...same }),
      ...BACKGROUND.map((background) => ({ ...background, group: 'real' })),
    ]);
    expect(result.pairs.map((pair) => [pair.a, pair.b])).toEqual([['roadmap/beta/missed', 'roadmap/gamma/missed']]);
    expect(result.byItem.has('roadmap/alpha/missed')).toBe(false);
    expect(result.byItem.has('roadmap/delta/missed')).toBe(false);
    expect(result.stats.groups).toBe(3);
  });

  it('says when the two organisations are already partners', () => {
    const same = { title: 'Blue Badge renewals', summary: 'Renew a Blue Badge online with evidence.', services: [279] };
    const result = findOverlaps(
      [
        item('roadmap/alpha/badge', { ...same, partners: ['beta'] }),
        item('roadmap/beta/badge', same),
        item('roadmap/gamma/badge', same),
        ...BACKGROUND,
      ],
      { ...labels, organisation: (id) => `${id[0].toUpperCase()}${id.slice(1)} Council` },
      { today: TODAY, synonyms: SYNONYMS },
    );
    const partners = pairOf(result, 'roadmap/alpha/badge', 'roadmap/beta/badge')!;
    expect(partners.reasons).toContainEqual({ kind: 'partners', text: 'already partners: Alpha Council names Beta Council as a partner' });
    expect(partners.reasons.at(-1)!.kind).toBe('partners');
    expect(pairOf(result, 'roadmap/alpha/badge', 'roadmap/gamma/badge')!.reasons.map((reason) => reason.kind)).not.toContain('partners');
    expect(pairOf(result, 'roadmap/beta/badge', 'roadmap/gamma/badge')!.reasons.map((reason) => reason.kind)).not.toContain('partners');
    // Partnership is told, not weighed.
    expect(partners.score).toBe(pairOf(result, 'roadmap/beta/badge', 'roadmap/gamma/badge')!.score);
  });

  it('scores spans years apart lower than overlapping ones, with unknown dates neutral in between', () => {
    const content = {
      title: 'Council tax discount review',
      summary: 'Reviewing single person discounts with a short online form.',
      services: [59],
    };
    const result = run([
      item('roadmap/alpha/discount', { ...content, start: '2026-01', end: '2026-12' }),
      item('roadmap/beta/overlapping', { ...content, start: '2026-06', end: '2027-03' }),
      item('roadmap/gamma/far', { ...content, start: '2019-01', end: '2019-06' }),
      item('roadmap/delta/undated', { ...content }),
      ...BACKGROUND,
    ]);
    const overlapping = pairOf(result, 'roadmap/alpha/discount', 'roadmap/beta/overlapping')!;
    const far = pairOf(result, 'roadmap/alpha/discount', 'roadmap/gamma/far')!;
    const undated = pairOf(result, 'roadmap/alpha/discount', 'roadmap/delta/undated')!;
    expect(overlapping.score).toBeGreaterThan(undated.score);
    expect(undated.score).toBeGreaterThan(far.score);
    expect(far.reasons.at(-1)).toEqual({ kind: 'time', text: 'far apart in time: one ended in 2019-06, the other started in 2026-01' });
    expect(undated.reasons.map((reason) => reason.kind)).not.toContain('time');
    // Neutral: an undated pair scores exactly as the same pair with the time left out.
    const prepared = prepare(
      [item('roadmap/alpha/discount', content), item('roadmap/delta/undated', content)],
      2026 * 12 + 10,
      new Lexicon(),
    );
    const evidence = evidenceOf(prepared, 0, 1);
    expect(evidence.time).toEqual({ kind: 'unknown' });
  });

  it('describes adjacent spans and open-ended work', () => {
    const content = { title: 'Pothole reports', summary: 'Report a pothole on a map with a photo.', services: [557] };
    const result = run([
      item('roadmap/alpha/potholes', { ...content, start: '2026-01', end: '2026-03' }),
      item('roadmap/beta/potholes', { ...content, start: '2026-05', end: '2026-09', status: 'alpha' }),
      // Started in 2024 with no end, and still in beta: it runs to today.
      item('roadmap/gamma/potholes', { ...content, start: '2024-02', status: 'beta' }),
      ...BACKGROUND,
    ]);
    expect(pairOf(result, 'roadmap/alpha/potholes', 'roadmap/beta/potholes')!.reasons).toContainEqual({
      kind: 'time',
      text: 'one ended in 2026-03, the other started in 2026-05',
    });
    expect(pairOf(result, 'roadmap/alpha/potholes', 'roadmap/beta/potholes')!.reasons).toContainEqual({
      kind: 'status',
      text: 'one in beta, the other in alpha',
    });
    expect(pairOf(result, 'roadmap/beta/potholes', 'roadmap/gamma/potholes')!.reasons).toContainEqual({
      kind: 'time',
      text: 'both ran in 2026',
    });
  });

  it('never pairs items on themes alone', () => {
    const result = run([
      item('roadmap/alpha/one', {
        title: 'Tenancy sign-up',
        summary: 'Signing a tenancy agreement digitally.',
        themes: ['housing', 'customer-service'],
        start: '2026-01',
        end: '2026-12',
      }),
      item('roadmap/beta/two', {
        title: 'Homelessness triage',
        summary: 'Assessing priority need faster.',
        themes: ['housing', 'customer-service'],
        start: '2026-01',
        end: '2026-12',
      }),
      ...BACKGROUND,
    ]);
    expect(pairOf(result, 'roadmap/alpha/one', 'roadmap/beta/two')).toBeUndefined();
    // Even if scored, two shared themes with overlapping dates and the same phase stay under the threshold.
    expect(
      scoreParts({ sharedServices: 0, sharedThemes: 5, cosine: 0, time: { kind: 'overlap', from: 0, to: 1 }, status: 'same' }).score,
    ).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it('names themes by label, as part of the reasons', () => {
    const result = run([
      item('roadmap/alpha/bins', {
        title: 'Missed bin reports',
        summary: 'Report a missed bin.',
        services: [524],
        themes: ['waste-and-recycling', 'customer-service'],
      }),
      item('roadmap/beta/bins', {
        title: 'Missed collections',
        summary: 'Tell us your bin was missed.',
        services: [524],
        themes: ['customer-service', 'waste-and-recycling', 'payments'],
      }),
      ...BACKGROUND,
    ]);
    const pair = pairOf(result, 'roadmap/alpha/bins', 'roadmap/beta/bins')!;
    expect(pair.sharedThemes).toEqual(['customer-service', 'waste-and-recycling']);
    expect(pair.reasons).toContainEqual({ kind: 'theme', text: 'both tagged “Customer service” and “Waste and recycling”' });
  });

  it('reads long bodies with many distinct words to the end', () => {
    const letters = (k: number) => `zz${k.toString(26).replace(/\d/g, (digit) => 'klmnopqrst'[Number(digit)])}`;
    const filler = (from: number) => Array.from({ length: 600 }, (_, k) => letters(from + k)).join(' ');
    const tail = 'gritting salt winter roads ice forecast bins depot lorries routes '.repeat(10);
    const result = run([
      item('roadmap/alpha/long', { title: 'Notes', summary: 'Notes.', body: `${filler(0)}\n\n${tail}` }),
      item('roadmap/beta/long', { title: 'Notes', summary: 'Notes.', body: `${filler(10_000)}\n\n${tail}` }),
      ...BACKGROUND,
    ]);
    const pair = pairOf(result, 'roadmap/alpha/long', 'roadmap/beta/long');
    expect(pair?.score).toBeGreaterThan(0.5);
    expect(pair!.sharedWords).toHaveLength(5);
    for (const word of pair!.sharedWords) expect(tail).toContain(word);
  });

  it('keeps only pairs at or above minScore', () => {
    const items = [
      item('roadmap/alpha/a', { title: 'Garden waste renewals', summary: 'Renew garden waste online.', services: [530] }),
      item('roadmap/beta/b', {
        title: 'Garden waste renewals',
        summary: 'Renew garden waste online.',
        services: [530],
        start: '2019-01',
        end: '2019-02',
      }),
      item('roadmap/gamma/c', { title: 'Garden waste renewals', summary: 'Renew garden waste online.', start: '2026-01', end: '2026-02' }),
      ...BACKGROUND,
    ];
    const all = run(items, { minScore: 0 });
    const strict = run(items, { minScore: 0.9 });
    expect(strict.pairs.length).toBeLessThan(all.pairs.length);
    for (const pair of strict.pairs) expect(pair.score).toBeGreaterThanOrEqual(0.9);
  });
});

describe('findOverlaps: the shape of the result', () => {
  /** A hub item that eight others resemble, each a little less (fewer shared services). */
  function hubAndSpokes(): OverlapItem[] {
    const spokes = Array.from({ length: 8 }, (_, k) =>
      item(`roadmap/org${k}/spoke`, {
        title: `Waste collection change ${k}`,
        summary: 'Changing collection rounds and telling households about new bin days.',
        services: k < 3 ? [524, 530, 1130] : k < 6 ? [524, 530] : [524],
        start: '2026-01',
        end: '2026-12',
      }),
    );
    return [
      item('roadmap/hub/waste', {
        title: 'Waste collection change',
        summary: 'Changing collection rounds and telling households about new bin days.',
        services: [524, 530, 1130],
        start: '2026-01',
        end: '2026-12',
      }),
      ...spokes,
      ...BACKGROUND,
    ];
  }

  it('keeps at most perItem matches per item, strongest first', () => {
    const result = run(hubAndSpokes(), { perItem: 3 });
    const hub = result.byItem.get('roadmap/hub/waste')!;
    expect(hub).toHaveLength(3);
    expect(hub.map((match) => match.other)).toEqual(['roadmap/org0/spoke', 'roadmap/org1/spoke', 'roadmap/org2/spoke']);
    for (const list of result.byItem.values()) {
      expect(list.length).toBeLessThanOrEqual(3);
      expect(list.map((match) => match.overlap.score)).toEqual([...list.map((match) => match.overlap.score)].sort((x, y) => y - x));
    }
  });

  it('lists in byItem only pairs of that item, shows a pair on both sides when it is in both tops, and keeps a pair in either top', () => {
    const result = run(hubAndSpokes(), { perItem: 3 });
    const kept = new Set(result.pairs.map((pair) => `${pair.a} ${pair.b}`));
    const listed = new Set<string>();
    for (const [id, list] of result.byItem) {
      for (const { other, overlap } of list) {
        expect([overlap.a, overlap.b]).toContain(id);
        expect(other).toBe(overlap.a === id ? overlap.b : overlap.a);
        expect(kept.has(`${overlap.a} ${overlap.b}`)).toBe(true);
        listed.add(`${overlap.a} ${overlap.b}`);
        // In both tops: shown on both sides, as the same object.
        const back = result.byItem.get(other)?.find((match) => match.other === id);
        const otherTop = result.byItem.get(other)!;
        const inOtherTop = otherTop.length < 3 || overlap.score > otherTop.at(-1)!.overlap.score;
        if (inOtherTop) expect(back?.overlap).toBe(overlap);
      }
    }
    expect(listed).toEqual(kept);
    // The spokes 6 and 7 are in no top of 3 but their own: kept, and shown on their side only.
    const spoke7 = result.byItem.get('roadmap/org7/spoke')!;
    expect(spoke7.map((match) => match.other)).toContain('roadmap/hub/waste');
    expect(result.byItem.get('roadmap/hub/waste')!.map((match) => match.other)).not.toContain('roadmap/org7/spoke');
  });

  it('gives every pair once, a < b, scores in 0..1 to 2 decimals, strongest first then by id', () => {
    const result = run(hubAndSpokes());
    const seen = new Set<string>();
    result.pairs.forEach((pair, index) => {
      expect(pair.a < pair.b).toBe(true);
      expect(seen.has(`${pair.a} ${pair.b}`)).toBe(false);
      seen.add(`${pair.a} ${pair.b}`);
      expect(pair.score).toBeGreaterThanOrEqual(0);
      expect(pair.score).toBeLessThanOrEqual(1);
      expect(Math.round(pair.score * 100) / 100).toBe(pair.score);
      expect(pair.summary).toMatch(/^[A-Z].*\.$/);
      expect(pair.summary.slice(0, -1).toLowerCase()).toBe(
        pair.reasons
          .map((reason) => reason.text)
          .join('; ')
          .toLowerCase(),
      );
      const next = result.pairs[index + 1];
      if (next)
        expect(pair.score > next.score || (pair.score === next.score && (pair.a < next.a || (pair.a === next.a && pair.b < next.b)))).toBe(
          true,
        );
    });
  });

  it('gives the same output whatever the order of the input', () => {
    const items = [...hubAndSpokes(), ...syntheticRoadmapItems({ items: 300, source: join(ROOT, 'content'), seed: 7 }).items];
    const first = run(items);
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), (shuffled) => {
        const again = run(shuffled);
        expect(again.pairs).toEqual(first.pairs);
        expect([...again.byItem.entries()].sort()).toEqual([...first.byItem.entries()].sort());
        expect(again.stats).toEqual(first.stats);
      }),
      { numRuns: 5 },
    );
  });

  it('keeps scores within 0..1 for any dates, statuses, services and themes', () => {
    const month = fc.option(
      fc
        .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 }))
        .map(([year, m]) => `${year}-${String(m).padStart(2, '0')}`),
      { nil: undefined },
    );
    const arbitraryItem = fc.record({
      services: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 5 }),
      themes: fc.array(fc.constantFrom('housing', 'payments', 'waste-and-recycling'), { maxLength: 3 }),
      start: month,
      end: month,
      status: fc.constantFrom('idea', 'discovery', 'alpha', 'beta', 'live', 'paused', 'stopped', 'retired' as const),
      title: fc.constantFrom('Garden waste', 'Brown bin renewals', 'Housing repairs', 'Blue badge', ''),
    });
    fc.assert(
      fc.property(fc.array(arbitraryItem, { minLength: 2, maxLength: 12 }), (list) => {
        const items = list.map((fields, k) => item(`roadmap/org${k}/item`, { ...fields, summary: fields.title }));
        const result = run(items, { minScore: 0 });
        for (const pair of result.pairs) {
          expect(pair.score).toBeGreaterThanOrEqual(0);
          expect(pair.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a duplicate id and a malformed today', () => {
    expect(() => run([item('roadmap/alpha/x'), item('roadmap/alpha/x')])).toThrow(/twice/);
    expect(() => run([], { today: 'November' })).toThrow(/YYYY-MM/);
    expect(run([]).pairs).toEqual([]);
  });
});

describe('findOverlaps on the demonstration content', () => {
  const roadmapDir = join(ROOT, 'content/roadmap');
  const items: OverlapItem[] = [];
  for (const organisation of readdirSync(roadmapDir).sort()) {
    for (const file of readdirSync(join(roadmapDir, organisation)).sort()) {
      const split = splitFrontMatter(readFileSync(join(roadmapDir, organisation, file), 'utf8'));
      if ('error' in split) throw new Error(`${organisation}/${file}: ${split.error}`);
      const data = parseYaml(split.yaml) as Record<string, never>;
      items.push({
        id: `roadmap/${organisation}/${file.replace(/\.md$/, '')}`,
        organisation,
        group: 'demonstration',
        title: data.title,
        summary: data.summary,
        body: split.body,
        status: data.status,
        services: data.services,
        themes: data.themes,
        start: data.start,
        end: data.end,
        partners: data.partners,
      });
    }
  }
  const services = loadServices();
  const themes = new Map(
    (
      parseYaml(readFileSync(join(ROOT, 'content/vocabularies/themes.yaml'), 'utf8')) as { themes: { id: string; label: string }[] }
    ).themes.map((theme) => [theme.id, theme.label]),
  );
  const result = findOverlaps(
    items,
    { service: (id) => `LGSL ${id} ${services.get(id)?.label ?? ''}`.trim(), theme: (id) => themes.get(id) ?? id },
    { today: TODAY, synonyms: SYNONYMS },
  );
  const others = (id: string) => (result.byItem.get(id) ?? []).map((match) => match.other);

  it('brings the garden waste and brown bin work of three councils together, though only one is tagged with a service', () => {
    const kestrelford = 'roadmap/kestrelford/garden-waste-online';
    const sallowfield = 'roadmap/sallowfield/brown-bin-renewals-without-the-phone-queue';
    const glanmor = 'roadmap/glanmor/garden-waste-renewals';
    expect(others(kestrelford)).toEqual(expect.arrayContaining([sallowfield, glanmor]));
    expect(others(sallowfield)).toEqual(expect.arrayContaining([kestrelford, glanmor]));
    expect(others(glanmor)).toEqual(expect.arrayContaining([kestrelford, sallowfield]));
    const brownBin = pairOf(result, kestrelford, sallowfield)!;
    expect(brownBin.sharedServices).toEqual([]);
    expect(brownBin.sharedWords).toContain('garden waste (brown bin)');
    expect(brownBin.reasons.find((reason) => reason.kind === 'text')?.text).toMatch(/^similar words: .*garden waste \(brown bin\)/);
    expect(brownBin.sharedThemes).toEqual(['payments', 'waste-and-recycling']);
    expect(brownBin.summary).toContain('both tagged “Payments” and “Waste and recycling”');
    expect(pairOf(result, kestrelford, glanmor)!.sharedWords).toEqual(expect.arrayContaining(['garden waste']));
  });

  it('finds the pairs that share services, with the LGSL label in the reason', () => {
    const school = pairOf(result, 'roadmap/glanmor/school-transport-learner-travel', 'roadmap/kestrelford/school-transport-applications')!;
    expect(school.reasons[0]).toEqual({
      kind: 'service',
      text: 'both on LGSL 3 School transport - additional support and LGSL 891 School transport',
    });
    const missedBins = pairOf(result, 'roadmap/kestrelford/missed-bin-reports', 'roadmap/sallowfield/report-a-missed-collection')!;
    expect(missedBins.sharedServices).toEqual([524, 1130]);
    expect(missedBins.reasons).toContainEqual({ kind: 'partners', text: 'already partners: kestrelford names sallowfield as a partner' });
  });

  it('does not pair unrelated work', () => {
    expect(pairOf(result, 'roadmap/kestrelford/garden-waste-online', 'roadmap/fenmoor/care-needs-self-assessment')).toBeUndefined();
    expect(pairOf(result, 'roadmap/tarnbeck-civic-tech/dark-streets-map', 'roadmap/glanmor/library-app')).toBeUndefined();
    for (const pair of result.pairs) expect(pair.a.split('/')[1]).not.toBe(pair.b.split('/')[1]);
  });
});

describe('syntheticRoadmapItems (the benchmark’s items)', () => {
  it('makes the same realistic items on every run, over the register’s organisations and the real LGSL list', () => {
    const first = syntheticRoadmapItems({ items: 800, source: join(ROOT, 'content') });
    const again = syntheticRoadmapItems({ items: 800, source: join(ROOT, 'content') });
    expect(again.items).toEqual(first.items);
    expect(first.organisations).toBe(397);
    const lgsl = loadServices();
    for (const roadmapItem of first.items) {
      for (const id of roadmapItem.services ?? []) expect(lgsl.has(id)).toBe(true);
      expect(roadmapItem.body!.length).toBeGreaterThan(500);
    }
    expect(first.items.filter((roadmapItem) => !roadmapItem.services).length).toBeGreaterThan(50);
    expect(first.items.filter((roadmapItem) => !roadmapItem.end).length).toBeGreaterThan(20);
    expect(first.themeLabels.get('waste-and-recycling')).toBe('Waste and recycling');
  });
});

describe('findOverlaps at scale', () => {
  const { items } = syntheticRoadmapItems({ items: 3000, source: join(ROOT, 'content'), group: 'real' });
  const result = findOverlaps(items, labels, { today: TODAY, synonyms: SYNONYMS });

  it('compares far fewer pairs than all of them, and visits a bounded number of index entries per item', () => {
    const { stats } = result;
    expect(stats.items).toBe(3000);
    expect(stats.allPairs).toBe((3000 * 2999) / 2);
    expect(stats.candidatesCompared).toBeLessThanOrEqual(3000 * PER_ITEM);
    expect(stats.candidatesCompared).toBeLessThan(stats.allPairs / 40);
    const maxServices = Math.max(...items.map((roadmapItem) => roadmapItem.services?.length ?? 0));
    expect(stats.postingsVisited).toBeLessThanOrEqual(3000 * (GENERATING_TERMS * POSTINGS_WALK + maxServices * (SERVICE_WINDOW + 1)));
    expect(stats.pairs).toBe(result.pairs.length);
  });

  it('finds a match for most items, nearly as good as comparing everything would', () => {
    expect(result.byItem.size).toBeGreaterThan(2700);
    // Brute force for a sample of items: the engine's best match should be within a little of the true best.
    const sorted = [...items].sort((x, y) => (x.id < y.id ? -1 : 1));
    const prepared = prepare(sorted, 2026 * 12 + 10, new Lexicon());
    let close = 0;
    const sample = 60;
    for (let s = 0; s < sample; s++) {
      const i = s * 47;
      let best = 0;
      for (let j = 0; j < sorted.length; j++) {
        if (j !== i && sorted[j].organisation !== sorted[i].organisation) best = Math.max(best, scorePair(prepared, i, j));
      }
      const found = result.byItem.get(sorted[i].id)?.[0]?.overlap.score ?? 0;
      if (found >= best - 0.03) close++;
    }
    expect(close / sample).toBeGreaterThan(0.9);
  });

  it('scores a pair in the inner loop exactly as the full evidence does', () => {
    const sorted = [...items].sort((x, y) => (x.id < y.id ? -1 : 1)).slice(0, 400);
    const prepared = prepare(sorted, 2026 * 12 + 10, new Lexicon());
    for (let k = 0; k < 2000; k++) {
      const i = (k * 7) % 400;
      const j = (k * 13 + 1) % 400;
      if (i === j) continue;
      expect(scorePair(prepared, i, j)).toBe(scoreParts(evidenceOf(prepared, i, j)).score);
    }
  });
});
