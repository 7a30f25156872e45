/**
 * New similar work, for the weekly issue (scripts/freshness.ts). The hub shows each roadmap item's
 * similar work on its page, but nobody reads every page every week. So when an organisation adds or
 * changes an item that overlaps another organisation's, both hear about it in their weekly issue,
 * while the work is young enough to share. "New" comes from git: the item's file changed in the window.
 */
import type { HubContent } from './content-files/types.ts';
import { roadmapRecords, type RoadmapRecord } from './content-overlaps.ts';
import type { OverlapResult } from './overlaps/index.ts';

/** How far back a change counts as new. */
export const NEW_WORK_DAYS = 7;

/** One roadmap item of a pair, with the day its file changed if that was in the window. */
export type SimilarSide = Pick<RoadmapRecord, 'id' | 'organisation' | 'file'> &
  Pick<RoadmapRecord['data'], 'title'> & {
    organisationName: string;
    /** YYYY-MM-DD (UTC): when its file last changed, only if that was in the window. */
    changed?: string;
  };

/** A pair as one organisation sees it: its own item and the other organisation's. */
export interface NewSimilarWork {
  own: SimilarSide;
  other: SimilarSide;
  score: number;
  /** The reasons as one sentence, from the overlap engine (src/lib/overlaps/reasons.ts). */
  reasons: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The first day that counts as new on `today` (both YYYY-MM-DD): `days` days back, not `days` − 1. The
 * issue is written once a week, so a change made on the day of last week's run, after it ran, still
 * counts this week. A change made before that run then shows two weeks running, which is better than
 * never.
 */
export function windowStart(today: string, days = NEW_WORK_DAYS): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day of a git date (ISO 8601 with an offset), or undefined if it is not a date. */
export function dayOf(gitDate: string | undefined): string | undefined {
  if (gitDate === undefined) return undefined;
  const time = Date.parse(gitDate);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

export interface NewSimilarWorkOptions {
  content: HubContent;
  /** From contentOverlaps() (src/lib/content-overlaps.ts), so the issue agrees with the hub's pages. */
  overlaps: OverlapResult;
  /** Git dates (lastUpdatedDates in src/lib/git-dates.ts), keyed like record.file. */
  lastChanged: ReadonlyMap<string, string>;
  /** YYYY-MM-DD. Changes after it are left out, so a run for a past day shows what that day's run would have. */
  today: string;
  includeDemonstration: boolean;
  days?: number;
}

/**
 * For each organisation, the pairs of its own roadmap items and other organisations' that overlap,
 * where either item changed in the window: strongest first. Both organisations get the pair, each
 * from its own side. Demonstration organisations only with `includeDemonstration` (the engine never
 * pairs them with real ones).
 */
export function newSimilarWork(options: NewSimilarWorkOptions): Map<string, NewSimilarWork[]> {
  const from = windowStart(options.today, options.days);
  const records = new Map(roadmapRecords(options.content).map((record) => [record.id, record]));
  const organisations = new Map(options.content.organisations.map((organisation) => [organisation.id, organisation.data]));
  const inScope = (id: string) => organisations.has(id) && (options.includeDemonstration || organisations.get(id)!.demonstration !== true);
  const side = (record: RoadmapRecord): SimilarSide => {
    const day = dayOf(options.lastChanged.get(record.file));
    return {
      id: record.id,
      organisation: record.organisation,
      organisationName: organisations.get(record.organisation)?.name ?? record.organisation,
      file: record.file,
      title: record.data.title,
      ...(day !== undefined && day >= from && day <= options.today ? { changed: day } : {}),
    };
  };

  const byOrganisation = new Map<string, NewSimilarWork[]>();
  const add = (entry: NewSimilarWork) => {
    const list = byOrganisation.get(entry.own.organisation);
    if (list) list.push(entry);
    else byOrganisation.set(entry.own.organisation, [entry]);
  };
  for (const pair of options.overlaps.pairs) {
    const a = records.get(pair.a);
    const b = records.get(pair.b);
    if (!a || !b || a.organisation === b.organisation || !inScope(a.organisation) || !inScope(b.organisation)) continue;
    const first = side(a);
    const second = side(b);
    if (first.changed === undefined && second.changed === undefined) continue;
    add({ own: first, other: second, score: pair.score, reasons: pair.summary });
    add({ own: second, other: first, score: pair.score, reasons: pair.summary });
  }
  const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  for (const list of byOrganisation.values()) {
    list.sort((x, y) => y.score - x.score || byId(x.own.id, y.own.id) || byId(x.other.id, y.other.id));
  }
  return byOrganisation;
}
