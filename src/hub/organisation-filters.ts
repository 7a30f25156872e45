/** The nation and type filters of the organisations list, from the loaded hub. */
import { filterGroups, type FilterGroup } from '../lib/listing.ts';
import type { Hub } from './hub.ts';

export function organisationFilterGroups(hub: Hub): FilterGroup[] {
  const listed = [...hub.organisations.values()].map((organisation) => ({
    id: organisation.id,
    title: organisation.data.name,
    collection: 'organisations',
    facets: { type: [organisation.data.type], ...(organisation.data.nation ? { nation: [organisation.data.nation] } : {}) },
  }));
  return filterGroups(listed, hub.facetLabel, ['nation', 'type'], hub.facetOrder, hub.filterWords);
}
