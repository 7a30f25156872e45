/**
 * The items of one group, sorted by id, in the shapes the engine works on: organisation numbers, sorted
 * service and theme lists, spans as month numbers, and TF-IDF vectors of title, summary and body; for
 * components and datasets also their addresses, the addresses they name, standards, formats and kind.
 */
import { addressKeys } from './addresses.ts';
import { buildVectors, Lexicon, type TextField, type Vectors } from './tfidf.ts';
import { ROADMAP_STATUSES } from '../../../schemas/roadmap.ts';
import { spanOf } from './time.ts';
import type { OverlapItem } from './types.ts';

/** Terms kept in each item's vector: enough for a body of a few hundred words, small enough to compare fast. */
export const VECTOR_TERMS = 40;
/** A title word counts 3 times, a summary word twice, a body word once: titles and summaries say what the work is. */
export const FIELD_WEIGHTS = { title: 3, summary: 2, body: 1 } as const;

export interface Prepared {
  items: readonly OverlapItem[];
  organisation: Int32Array;
  organisations: string[];
  /**
   * Each item's LGSL ids, sorted: views of one flat list (serviceValues[serviceOffsets[i] .. serviceOffsets[i + 1])),
   * which the inner loops read.
   */
  services: Int32Array[];
  serviceOffsets: Int32Array;
  serviceValues: Int32Array;
  themes: string[][];
  /** The themes as numbers, in the same (string) order, for fast counting: themeNames[number] is the theme. */
  themeIds: Int32Array[];
  themeNames: string[];
  themeOffsets: Int32Array;
  themeValues: Int32Array;
  /** Index in ROADMAP_STATUSES: 0–4 the phases idea … live, 5–7 paused, stopped, retired. */
  status: Int8Array;
  /** Month numbers; NaN when the item has no dates. */
  spanStart: Float64Array;
  spanEnd: Float64Array;
  vectors: Vectors;
  /** Components and datasets (records.ts): each a flat list of sorted numbers, with the text of each number. */
  addresses: Listed;
  /** Addresses named, numbered as `addresses` (one dictionary), so a named address meets an own one. */
  links: Listed;
  standards: Listed;
  formats: Listed;
  /** A component's kind as a number (−1 for none); subtypeNames[number] is the kind. */
  subtype: Int32Array;
  subtypeNames: string[];
}

/** Lists of numbers as one flat list (values[offsets[i] .. offsets[i + 1]), sorted), and what each number stands for. */
export interface Listed {
  offsets: Int32Array;
  values: Int32Array;
  names: string[];
}

export function fieldsOf(item: OverlapItem): TextField[] {
  return [
    { text: item.title ?? '', weight: FIELD_WEIGHTS.title },
    { text: item.summary ?? '', weight: FIELD_WEIGHTS.summary },
    { text: item.body ?? '', weight: FIELD_WEIGHTS.body, markdown: true },
  ];
}

/** `items` must be sorted by id. */
export function prepare(items: readonly OverlapItem[], today: number, lexicon: Lexicon): Prepared {
  const n = items.length;
  const organisationIds = new Map<string, number>();
  const organisation = new Int32Array(n);
  const spanStart = new Float64Array(n);
  const spanEnd = new Float64Array(n);
  const serviceLists: number[][] = [];
  const themes: string[][] = [];
  const status = new Int8Array(n);
  items.forEach((item, i) => {
    status[i] = item.status === undefined ? -1 : ROADMAP_STATUSES.indexOf(item.status);
    let org = organisationIds.get(item.organisation);
    if (org === undefined) organisationIds.set(item.organisation, (org = organisationIds.size));
    organisation[i] = org;
    serviceLists.push([...new Set((item.services ?? []).filter((id) => Number.isInteger(id)))].sort((x, y) => x - y));
    themes.push([...new Set(item.themes ?? [])].sort());
    const span = spanOf(item, today);
    spanStart[i] = span ? span.start : NaN;
    spanEnd[i] = span ? span.end : NaN;
  });
  const themeNames = [...new Set(themes.flat())].sort();
  const themeNumbers = new Map(themeNames.map((theme, index) => [theme, index]));
  const { offsets: serviceOffsets, values: serviceValues, views: services } = flatten(serviceLists);
  const {
    offsets: themeOffsets,
    values: themeValues,
    views: themeIds,
  } = flatten(themes.map((list) => list.map((theme) => themeNumbers.get(theme)!)));
  const vectors = buildVectors(
    (function* () {
      for (const item of items) yield fieldsOf(item);
    })(),
    VECTOR_TERMS,
    lexicon,
  );
  // One dictionary for own and named addresses, so that numbers compare across the two lists.
  const addressNames = new Map<string, number>();
  const addressTexts: string[] = [];
  const addresses = listed(items, (item) => addressKeys(item.addresses ?? []), addressNames, undefined, addressTexts);
  const links = listed(items, (item) => addressKeys(item.links ?? []), addressNames, undefined, addressTexts);
  const subtypeNames = new Map<string, number>();
  const subtype = Int32Array.from(items, (item) => (item.subtype === undefined ? -1 : numberOf(subtypeNames, item.subtype)));
  return {
    items,
    organisation,
    organisations: [...organisationIds.keys()],
    services,
    serviceOffsets,
    serviceValues,
    themes,
    themeIds,
    themeNames,
    themeOffsets,
    themeValues,
    status,
    spanStart,
    spanEnd,
    vectors,
    addresses,
    links,
    standards: listed(
      items,
      (item) => (item.standards ?? []).map(comparable),
      new Map(),
      (item) => item.standards ?? [],
    ),
    formats: listed(
      items,
      (item) => (item.formats ?? []).map(comparable),
      new Map(),
      (item) => item.formats ?? [],
    ),
    subtype,
    subtypeNames: [...subtypeNames.keys()],
  };
}

/** Standards and formats compare ignoring case and spacing: "WCAG 2.2 AA" is "wcag  2.2 aa". */
function comparable(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function numberOf(dictionary: Map<string, number>, key: string): number {
  let number = dictionary.get(key);
  if (number === undefined) dictionary.set(key, (number = dictionary.size));
  return number;
}

/**
 * Each item's keys as sorted numbers from `dictionary`, and each number's text: the first way it was
 * written (`shown`, in the same order as the keys) or the key itself.
 */
function listed(
  items: readonly OverlapItem[],
  keysOf: (item: OverlapItem) => readonly string[],
  dictionary: Map<string, number>,
  shown?: (item: OverlapItem) => readonly string[],
  names: string[] = [],
): Listed {
  const lists = items.map((item) => {
    const keys = keysOf(item);
    const texts = shown?.(item);
    const numbers = new Set<number>();
    keys.forEach((key, index) => {
      const number = numberOf(dictionary, key);
      if (names[number] === undefined) names[number] = texts?.[index]?.trim() ?? key;
      numbers.add(number);
    });
    return [...numbers].sort((x, y) => x - y);
  });
  const { offsets, values } = flatten(lists);
  return { offsets, values, names };
}

/** Lists of numbers as one flat list with offsets, and a view of each. */
function flatten(lists: readonly (readonly number[])[]): { offsets: Int32Array; values: Int32Array; views: Int32Array[] } {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length));
  const values = new Int32Array(offsets[lists.length]);
  lists.forEach((list, i) => values.set(list, offsets[i]));
  return { offsets, values, views: lists.map((_, i) => values.subarray(offsets[i], offsets[i + 1])) };
}

/** How many numbers items i and j share in a flat list of sorted lists. */
export function countSharedIn(values: Int32Array, offsets: Int32Array, i: number, j: number): number {
  let x = offsets[i];
  const xEnd = offsets[i + 1];
  let y = offsets[j];
  const yEnd = offsets[j + 1];
  let shared = 0;
  while (x < xEnd && y < yEnd) {
    const vx = values[x];
    const vy = values[y];
    if (vx === vy) {
      shared++;
      x++;
      y++;
    } else if (vx < vy) x++;
    else y++;
  }
  return shared;
}

/** How many sorted numbers two lists share. */
export function countShared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}
