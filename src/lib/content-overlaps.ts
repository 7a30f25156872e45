/**
 * The overlap engine over validated content (HubContent), for the scripts: the pull-request report and
 * the weekly issue. They read files with the validator, not through Astro, so they cannot use the hub's
 * records; this builds the same items as src/hub/hub.ts does, so that a script and the site find the
 * same similar work.
 */
import { serviceCodeAndLabel, type ServiceNames } from './services.ts';
import type { ContentRecord, HubContent } from './content-files/types.ts';
import { findOverlaps, type OverlapItem, type OverlapResult } from './overlaps/index.ts';

export type RoadmapRecord = Extract<ContentRecord, { collection: 'roadmap' }>;

export function roadmapRecords(content: HubContent): RoadmapRecord[] {
  return content.records.filter((record): record is RoadmapRecord => record.collection === 'roadmap');
}

/**
 * A roadmap item as the overlap engine takes it, for the site (src/hub/hub.ts) and the scripts alike.
 * Fictional demonstration work must never be offered to a real council as similar work, nor the reverse:
 * they are in different groups.
 */
export function overlapItem(record: Pick<RoadmapRecord, 'id' | 'organisation' | 'body' | 'data'>, demonstration: boolean): OverlapItem {
  return {
    id: record.id,
    organisation: record.organisation,
    group: demonstration ? 'demonstration' : 'real',
    title: record.data.title,
    summary: record.data.summary,
    body: record.body ?? '',
    status: record.data.status,
    services: record.data.services ?? [],
    themes: record.data.themes ?? [],
    start: record.data.start,
    end: record.data.end,
    partners: record.data.partners ?? [],
  };
}

/**
 * Every roadmap item's overlaps with other organisations' items. `today` is YYYY-MM-DD (open-ended work
 * runs to its month). Demonstration work is never matched with a real council's, nor the reverse. The
 * synonym vocabulary is the content's own, as on the site.
 */
export function contentOverlaps(content: HubContent, reference: ServiceNames, today: string): OverlapResult {
  const demonstration = new Set(content.organisations.filter((entry) => entry.data.demonstration === true).map((entry) => entry.id));
  const names = new Map(content.organisations.map((organisation) => [organisation.id, organisation.data.name]));
  const themes = new Map(content.themes.map((theme) => [theme.id, theme.label]));
  const items = roadmapRecords(content).map((record) => overlapItem(record, demonstration.has(record.organisation)));
  return findOverlaps(
    items,
    {
      service: (id) => serviceCodeAndLabel(reference, id),
      theme: (id) => themes.get(id) ?? id,
      organisation: (id) => names.get(id) ?? id,
    },
    { today: today.slice(0, 7), synonyms: content.synonyms },
  );
}
