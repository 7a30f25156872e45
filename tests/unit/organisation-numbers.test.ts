import { describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../src/lib/csv.ts';
import { organisationNumbersCsv } from '../../src/lib/open-data/organisation-numbers-csv.ts';
import {
  compareWithType,
  comparisonSentence,
  hasShared,
  NUMBERS_COLUMNS,
  orderPath,
  organisationNumbers,
  realmOf,
  sortNumbers,
  withinReviewInWords,
  type NumbersBody,
  type NumbersInput,
  type NumbersRecord,
  type OrganisationNumbers,
} from '../../src/lib/organisation-numbers.ts';
import { buildReuse } from '../../src/lib/reuse.ts';

const body = (id: string, name: string, type: string, demonstration = false, uses: string[] = []) => ({
  id,
  data: { name, type, uses },
  demonstration,
});

const ORGANISATIONS = [
  body('ashby', 'Ashby', 'county', false, ['components/bramley/forms', 'components/ashby/map']),
  body('bramley', 'Bramley', 'county', false, ['components/ashby/map']),
  body('crowle', 'Crowle', 'county'),
  body('dunmore', 'Dunmore', 'district', false, ['components/ashby/map', 'components/bramley/forms']),
  body('fenmoor', 'Fenmoor', 'county', true, ['components/glanmor/widget']),
  body('glanmor', 'Glanmor', 'county', true),
] satisfies (NumbersBody & { data: { uses: string[] } })[];

const record = (collection: NumbersRecord['collection'], organisation: string, slug: string, reviewBy?: string): NumbersRecord => ({
  collection,
  organisation,
  filePath: `content/${collection}/${organisation}/${slug}.md`,
  ...(reviewBy === undefined ? {} : { reviewBy }),
});

const RECORDS: NumbersRecord[] = [
  record('roadmap', 'ashby', 'past', '2026-01-31'),
  record('roadmap', 'ashby', 'today', '2026-06-01'),
  record('roadmap', 'ashby', 'no-date'),
  record('principles', 'ashby', 'open'),
  record('components', 'ashby', 'map'),
  record('roadmap', 'bramley', 'later', '2027-01-01'),
  record('components', 'bramley', 'forms'),
  record('lessons', 'bramley', 'learned'),
  record('datasets', 'bramley', 'data'),
  record('datasets', 'dunmore', 'data'),
  record('components', 'glanmor', 'widget'),
  record('lessons', 'fenmoor', 'learned'),
  // A record of a body without an organisation file is not counted (the validator refuses it anyway).
  record('lessons', 'nowhere', 'lost'),
];

function input(overrides: Partial<NumbersInput> = {}): NumbersInput {
  const components = RECORDS.filter((entry) => entry.collection === 'components').map((entry) => ({
    id: `components/${entry.organisation}/${entry.filePath.split('/').pop()!.replace('.md', '')}`,
    organisation: entry.organisation,
  }));
  return {
    organisations: ORGANISATIONS,
    records: RECORDS,
    reuse: buildReuse({
      components,
      organisations: ORGANISATIONS.map(({ id, data }) => ({ id, uses: data.uses })),
      roadmap: [],
      principles: [],
    }),
    lastUpdated: new Map([
      ['content/roadmap/ashby/past.md', '2026-03-01T10:00:00+00:00'],
      // Later as an instant, though earlier as text: 23:30 at +00:00 is after 00:30 the next day at +02:00.
      ['content/principles/ashby/open.md', '2026-05-01T23:30:00+00:00'],
      ['content/components/ashby/map.md', '2026-05-02T00:30:00+02:00'],
      ['content/lessons/bramley/learned.md', '2026-04-01T09:00:00Z'],
    ]),
    today: '2026-06-01',
    ...overrides,
  };
}

describe('organisationNumbers', () => {
  const numbers = organisationNumbers(input());
  const of = (id: string) => numbers.get(id)!;

  it('has every body, with or without records, and counts records by kind and in all', () => {
    expect([...numbers.keys()]).toEqual(['ashby', 'bramley', 'crowle', 'dunmore', 'fenmoor', 'glanmor']);
    expect(of('ashby').counts).toEqual({ roadmap: 3, principles: 1, lessons: 0, datasets: 0, components: 1 });
    expect(of('ashby').total).toBe(5);
    expect(of('bramley').total).toBe(4);
    expect(of('crowle').total).toBe(0);
    expect(hasShared(of('crowle'))).toBe(false);
    expect(hasShared(of('dunmore'))).toBe(true);
  });

  it('counts roadmap items within their review date as freshness.ts decides: the day itself and no date are within it', () => {
    expect(of('ashby').withinReview).toBe(2);
    expect(withinReviewInWords(of('ashby'))).toBe('67% (2 of 3)');
    expect(withinReviewInWords(of('bramley'))).toBe('100% (1 of 1)');
    expect(withinReviewInWords(of('dunmore'))).toBe('');
    // A day later, the item due on 1 June is past its date too.
    expect(organisationNumbers(input({ today: '2026-06-02' })).get('ashby')!.withinReview).toBe(1);
  });

  it('names the other bodies that use its components, A to Z, once each, and never the body itself', () => {
    expect(of('ashby').usedBy).toEqual(['bramley', 'dunmore']);
    expect(of('bramley').usedBy).toEqual(['ashby', 'dunmore']);
    expect(of('dunmore').usedBy).toEqual([]);
    expect(of('glanmor').usedBy).toEqual(['fenmoor']);
  });

  it('lists the components of others it uses, not its own', () => {
    expect(of('ashby').usesFromOthers).toEqual(['components/bramley/forms']);
    expect(of('dunmore').usesFromOthers).toEqual(['components/ashby/map', 'components/bramley/forms']);
    expect(of('crowle').usesFromOthers).toEqual([]);
  });

  it('takes the last change as the latest instant among its records’ dates, and none when git knows none', () => {
    expect(of('ashby').lastChange).toBe('2026-05-01T23:30:00+00:00');
    expect(of('bramley').lastChange).toBe('2026-04-01T09:00:00Z');
    expect(of('dunmore').lastChange).toBeUndefined();
  });
});

describe('sort orders', () => {
  const sharing = [...organisationNumbers(input()).values()].filter(hasShared);
  const real = realmOf(sharing, false);
  const ids = (bodies: OrganisationNumbers[]) => bodies.map((entry) => entry.id);

  it('keeps demonstration bodies apart from real ones', () => {
    expect(ids(real)).toEqual(['ashby', 'bramley', 'dunmore']);
    expect(ids(realmOf(sharing, true))).toEqual(['fenmoor', 'glanmor']);
  });

  it('sorts by name A to Z, by figures most first with ties by name, and puts bodies without a value last', () => {
    expect(ids(sortNumbers(real, 'name'))).toEqual(['ashby', 'bramley', 'dunmore']);
    expect(ids(sortNumbers(real, 'records'))).toEqual(['ashby', 'bramley', 'dunmore']);
    expect(ids(sortNumbers(real, 'datasets'))).toEqual(['bramley', 'dunmore', 'ashby']);
    expect(ids(sortNumbers(real, 'within-review-date'))).toEqual(['bramley', 'ashby', 'dunmore']);
    expect(ids(sortNumbers(real, 'used-by-others'))).toEqual(['ashby', 'bramley', 'dunmore']);
    expect(ids(sortNumbers(real, 'uses-from-others'))).toEqual(['dunmore', 'ashby', 'bramley']);
    expect(ids(sortNumbers(real, 'last-change'))).toEqual(['ashby', 'bramley', 'dunmore']);
  });

  it('gives each column a stable address: the name at the table’s own, the others under by/', () => {
    expect(NUMBERS_COLUMNS.map(orderPath)).toEqual([
      'numbers/organisations/',
      'numbers/organisations/by/roadmap/',
      'numbers/organisations/by/principles/',
      'numbers/organisations/by/lessons/',
      'numbers/organisations/by/datasets/',
      'numbers/organisations/by/components/',
      'numbers/organisations/by/records/',
      'numbers/organisations/by/within-review-date/',
      'numbers/organisations/by/used-by-others/',
      'numbers/organisations/by/uses-from-others/',
      'numbers/organisations/by/last-change/',
    ]);
  });
});

describe('the comparison with bodies of its type', () => {
  const numbers = organisationNumbers(input());
  const all = [...numbers.values()];
  const sentence = (id: string) => {
    const entry = numbers.get(id)!;
    const label = entry.type === 'county' ? 'County council' : 'District council';
    return comparisonSentence(entry.name, label, entry.total, compareWithType(entry, all), entry.demonstration);
  };

  it('counts only real bodies of the same type for a real body', () => {
    // Ashby (5), Bramley (4) and Crowle (0) are the real county councils; Fenmoor and Glanmor are fictional.
    expect(compareWithType(numbers.get('ashby')!, all)).toEqual({ others: 2, more: 0, same: 0, fewer: 2 });
    expect(compareWithType(numbers.get('bramley')!, all)).toEqual({ others: 2, more: 1, same: 0, fewer: 1 });
    expect(sentence('ashby')).toBe('County councils: Ashby has shared more records than either of the other 2.');
    expect(sentence('bramley')).toBe('County councils: 1 of the other 2 has shared more records than Bramley.');
  });

  it('says how many of its type have shared something, for a body that has not', () => {
    expect(sentence('crowle')).toBe('County councils: both others have shared something.');
  });

  it('says plainly when a body is alone in its type', () => {
    expect(sentence('dunmore')).toBe('District councils: Dunmore is the only one on the hub.');
  });

  it('compares demonstration bodies only with each other, and says so', () => {
    expect(compareWithType(numbers.get('fenmoor')!, all)).toEqual({ others: 1, more: 0, same: 1, fewer: 0 });
    expect(sentence('fenmoor')).toBe(
      'County councils among the demonstration organisations: the other one has shared as many records as Fenmoor.',
    );
  });

  it('words ties, leaders and the rest in plain English', () => {
    const say = (total: number, comparison: { more: number; same: number; fewer: number }) =>
      comparisonSentence('Kent', 'County council', total, { others: comparison.more + comparison.same + comparison.fewer, ...comparison });
    expect(say(7, { more: 3, same: 2, fewer: 15 })).toBe(
      'County councils: 3 of the other 20 have shared more records than Kent, and 2 as many.',
    );
    expect(say(7, { more: 1, same: 0, fewer: 19 })).toBe('County councils: 1 of the other 20 has shared more records than Kent.');
    expect(say(7, { more: 0, same: 1, fewer: 19 })).toBe(
      'County councils: none of the other 20 has shared more records than Kent; 1 has shared as many.',
    );
    expect(say(7, { more: 0, same: 0, fewer: 1 })).toBe('County councils: Kent has shared more records than the other one.');
    expect(say(7, { more: 0, same: 0, fewer: 20 })).toBe('County councils: Kent has shared more records than any of the other 20.');
    expect(say(7, { more: 4, same: 0, fewer: 0 })).toBe('County councils: all 4 others have shared more records than Kent.');
    expect(say(7, { more: 0, same: 3, fewer: 0 })).toBe('County councils: all 3 others have shared as many records as Kent.');
    expect(say(0, { more: 0, same: 20, fewer: 0 })).toBe('County councils: none of the other 20 has shared anything yet either.');
    expect(say(0, { more: 0, same: 1, fewer: 0 })).toBe('County councils: the other one has not shared anything yet either.');
    expect(say(0, { more: 5, same: 15, fewer: 0 })).toBe('County councils: 5 of the other 20 have shared something.');
    expect(comparisonSentence('Wrexham', 'Welsh principal area', 1, { others: 1200, more: 1100, same: 0, fewer: 100 })).toBe(
      'Welsh principal areas: 1,100 of the other 1,200 have shared more records than Wrexham.',
    );
    expect(comparisonSentence('A', 'Other public body', 1, { others: 0, more: 0, same: 0, fewer: 0 })).toBe(
      'Other public bodies: A is the only one on the hub.',
    );
  });
});

describe('organisations-numbers.csv', () => {
  it('has a row for each body that has shared something, by id, with the figures of the table', () => {
    const csv = organisationNumbersCsv(organisationNumbers(input()).values(), { pageUrl: (path) => `https://hub.example/${path}/` });
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsvObjects(csv);
    expect(rows.map((row) => row.id)).toEqual(['ashby', 'bramley', 'dunmore', 'fenmoor', 'glanmor']);
    expect(rows[0]).toEqual({
      id: 'ashby',
      name: 'Ashby',
      url: 'https://hub.example/organisations/ashby/',
      type: 'county',
      demonstration: 'false',
      roadmap: '3',
      principles: '1',
      lessons: '0',
      datasets: '0',
      components: '1',
      records: '5',
      roadmap_within_review_date: '2',
      roadmap_within_review_date_share: '0.67',
      used_by_others: '2',
      used_by: 'bramley;dunmore',
      uses_from_others: '1',
      uses_from_others_components: 'components/bramley/forms',
      last_change: '2026-05-01T23:30:00+00:00',
    });
    expect(rows[2]).toMatchObject({ id: 'dunmore', roadmap_within_review_date: '', roadmap_within_review_date_share: '', last_change: '' });
    expect(rows[3]).toMatchObject({ id: 'fenmoor', demonstration: 'true' });
  });
});
