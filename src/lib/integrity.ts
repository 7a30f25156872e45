/**
 * Nothing silently dropped: every valid record must be published exactly once in each place that
 * promises all of them (its collection's JSON and CSV, its organisation's feed, the search index).
 * The build compares what it wrote with the validated content and publishes nothing on a mismatch.
 * Pure: scripts/build.ts reads the files; tests use the same functions.
 */
import { parseCsv } from './csv.ts';
import { TAG_PREFIX } from './feeds/entries.ts';

/** The ids one output holds, in the order it holds them (repeats kept: they are what we look for). */
export interface PublishedIds {
  /** Where, in words: "api/v1/roadmap.json". */
  where: string;
  ids: readonly string[];
}

/** What is wrong with one output, in plain English; empty when it holds each expected id exactly once and nothing else. */
export function compareIds(expected: readonly string[], published: PublishedIds): string[] {
  const counts = new Map<string, number>();
  for (const id of published.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const wanted = new Set(expected);
  const missing = expected.filter((id) => !counts.has(id));
  const repeated = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
  const unknown = [...counts.keys()].filter((id) => !wanted.has(id));
  const list = (ids: string[]) => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
  return [
    ...(missing.length > 0 ? [`${published.where} lacks ${missing.length} record(s): ${list(missing)}`] : []),
    ...(repeated.length > 0 ? [`${published.where} holds ${repeated.length} record(s) more than once: ${list(repeated)}`] : []),
    ...(unknown.length > 0 ? [`${published.where} holds ${unknown.length} id(s) that are not valid records: ${list(unknown)}`] : []),
  ];
}

/** The record ids in a collection's JSON document (/api/v1/<collection>.json). */
export function idsInJson(text: string): string[] {
  const document = JSON.parse(text) as { records?: { id?: unknown }[] };
  if (!Array.isArray(document.records)) throw new Error('it has no "records" list');
  return document.records.map((record) => String(record.id));
}

/** The ids in a collection's CSV (/api/v1/<collection>.csv): its "id" column. */
export function idsInCsv(text: string): string[] {
  const [header, ...rows] = parseCsv(text);
  const column = header?.indexOf('id') ?? -1;
  if (column < 0) throw new Error('it has no "id" column');
  return rows.filter((row) => row.length > 1 || row[0] !== '').map((row) => row[column]);
}

/** The record ids of an Atom feed's entries (their ids are tag: URIs ending in the record id). */
export function idsInFeed(xml: string): string[] {
  const ids: string[] = [];
  for (const [, entry] of xml.matchAll(/<entry\b[^>]*>([\s\S]*?)<\/entry>/g)) {
    const id = /<id>([^<]*)<\/id>/.exec(entry)?.[1] ?? '';
    ids.push(id.startsWith(TAG_PREFIX) ? id.slice(TAG_PREFIX.length) : id);
  }
  return ids;
}
