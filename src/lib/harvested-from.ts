/**
 * Where a harvested record came from, for its page: "Harvested from <source> on <date>". Only a record
 * with both harvested_from and harvested_on belongs to the harvest (the validator's harvest/provenance
 * rule); one with neither is looked after by people and says nothing. Pure.
 */
import { dateInWords } from './format.ts';

export interface Provenance {
  /** The upstream address, as in harvested_from. */
  href: string;
  /** The address as people read it: without https:// and a trailing slash, e.g. github.com/example/bin-day-finder. */
  text: string;
  /** harvested_on as written (YYYY-MM-DD), for a <time> element, and in words. */
  date: string;
  dateInWords: string;
}

export function provenanceOf(fields: { harvested_from?: string | undefined; harvested_on?: string | undefined }): Provenance | undefined {
  const { harvested_from: from, harvested_on: on } = fields;
  if (!from || !on) return undefined;
  return { href: from, text: from.replace(/^https:\/\//i, '').replace(/\/+$/, ''), date: on, dateInWords: dateInWords(on) };
}
