/** Where an organisation's file says it publishes, and what it asks the harvest to leave out. */
import type { Organisation } from '../../../schemas/organisation.ts';
import { githubOwners } from '../github-owners.ts';
import type { HarvestFilter, HarvestSource } from './types.ts';

/** Its GitHub owners, then its open-data sources, in the order the file gives them; none when harvesting is off. */
export function harvestSources(organisation: Organisation): HarvestSource[] {
  if (organisation.harvest?.off) return [];
  const sources: HarvestSource[] = githubOwners(organisation.github).map((owner) => ({ kind: 'github', owner }));
  for (const entry of organisation.open_data ?? []) {
    if ('ckan' in entry) sources.push({ kind: 'ckan', portal: entry.ckan.replace(/\/+$/, ''), organisation: entry.organisation });
    else sources.push({ kind: 'data_json', url: entry.data_json });
  }
  return sources;
}

export function harvestFilter(organisation: Organisation): HarvestFilter {
  return { topics: [...(organisation.harvest?.topics ?? [])], leaveOut: [...(organisation.harvest?.leave_out ?? [])] };
}

/** How a source is named before it has been read (a failed source still needs a name in the report). */
export function sourceLabel(source: HarvestSource): string {
  switch (source.kind) {
    case 'github':
      return `GitHub: ${source.owner}`;
    case 'ckan':
      return `${source.portal.replace(/^https:\/\//, '')} (organisation ${source.organisation})`;
    case 'data_json':
      return source.url;
  }
}

/** The start of the addresses a source's records come from (see SourceResult.address). */
export function sourceAddress(source: HarvestSource): string {
  switch (source.kind) {
    case 'github':
      return `https://github.com/${source.owner}/`;
    case 'ckan':
      return `${source.portal}/dataset/`;
    case 'data_json':
      return source.url;
  }
}
