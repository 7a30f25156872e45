/**
 * When a feed entry was updated and first published, as RFC 3339 timestamps.
 *
 * updated, in this order:
 *   1. when the record's file last changed in git (hub.lastUpdated, `git log %cI`): what "new and
 *      changed" means, and known for every record of a full clone;
 *   2. else the record's own dates (RECORD_DATE_FIELDS), the first one present that is not after the
 *      build: lessons' date; datasets' modified, then issued; roadmap items' end, then start (months,
 *      read as their first day). A planned end or start in the future is skipped, so that a plan never
 *      sorts above real changes;
 *   3. else the build time (principles and components have no dates of their own).
 * published: a dataset's issued or a lesson's date, when not after updated; otherwise left out.
 */
import { byCollection } from '../../../schemas/collections.ts';
import type { TypedRecord } from '../content-files/types.ts';

type Collection = TypedRecord['collection'];

/** The record fields read, in order, when git does not know when a record changed. */
export const RECORD_DATE_FIELDS: Record<Collection, readonly string[]> = byCollection((collection) => collection.dateFields);

/** The record fields that say when it was first published. */
export const PUBLISHED_FIELDS: Record<Collection, readonly string[]> = byCollection((collection) => collection.publishedFields);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** A Date as RFC 3339 in UTC, to the second: 2026-11-27T00:48:49Z. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An RFC 3339 timestamp from a git date-time (kept as written, offset and all), a date (YYYY-MM-DD) or a
 * month (YYYY-MM), the last two as midnight UTC on their first day. Undefined for anything else.
 */
export function rfc3339(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  let result: string;
  if (DATE_TIME.test(text)) result = text.replace(/^(.{10})t/, '$1T').replace(/z$/, 'Z');
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) result = `${text}T00:00:00Z`;
  else if (/^\d{4}-\d{2}$/.test(text)) result = `${text}-01T00:00:00Z`;
  else return undefined;
  return Number.isNaN(Date.parse(result)) ? undefined : result;
}

/** Milliseconds since 1970 of an RFC 3339 timestamp: what entries are sorted by (offsets differ). */
export function instant(value: string): number {
  return Date.parse(value);
}

export interface EntryDates {
  updated: string;
  published?: string;
  /** Where updated came from: git history, a field of the record (named), or the build time. */
  updatedFrom: 'git' | `field:${string}` | 'build';
}

function field(record: TypedRecord, name: string): string | undefined {
  const value = (record.data as Record<string, unknown>)[name];
  return typeof value === 'string' ? rfc3339(value) : undefined;
}

/** An entry's updated and published dates: see the top of this file for the order. */
export function entryDates(record: TypedRecord, lastUpdated: string | undefined, now: Date): EntryDates {
  const built = timestamp(now);
  let updated: string | undefined = rfc3339(lastUpdated);
  let updatedFrom: EntryDates['updatedFrom'] = 'git';
  if (!updated) {
    for (const name of RECORD_DATE_FIELDS[record.collection]) {
      const value = field(record, name);
      if (value && instant(value) <= now.getTime()) {
        updated = value;
        updatedFrom = `field:${name}`;
        break;
      }
    }
  }
  if (!updated) {
    updated = built;
    updatedFrom = 'build';
  }
  const published = PUBLISHED_FIELDS[record.collection].map((name) => field(record, name)).find((value) => value !== undefined);
  return { updated, updatedFrom, ...(published && instant(published) <= instant(updated) ? { published } : {}) };
}
