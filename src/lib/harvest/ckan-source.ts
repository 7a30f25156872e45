/**
 * A CKAN portal as a harvest source: every dataset of one organisation on it, read page by page with
 * package_search and mapped with the importers' code (ckanPackageToSource, then mapDataset).
 *
 * The search asks for the datasets sorted by name, so that pages do not shift while they are read
 * (CKAN's default order puts the most recently changed first) and a dataset's slug does not depend on
 * which one changed last. A source is complete only when every dataset the portal counts was read:
 * only then may the planner call a record whose dataset is no longer listed gone.
 */
import { ckanPackageToSource } from '../import/ckan.ts';
import { DatasetProposals, type DatasetItem } from './dataset-proposals.ts';
import { HarvestFetchError } from './http.ts';
import type { HarvestContext, HarvestSource, SourceResult } from './types.ts';

/** Datasets asked for in one request. CKAN allows up to 1,000; 100 keeps each answer well under the size limit. */
export const CKAN_PAGE_SIZE = 100;

export interface CkanSource {
  /** The portal's address, e.g. https://data.gov.uk. */
  portal: string;
  /** The organisation's name on the portal, as in …/organization/<name>. */
  organisation: string;
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The portal's address without a trailing slash, query or fragment. */
function portalBase(portal: string): string {
  const url = new URL(portal);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The package_search address for one page of an organisation's datasets. */
export function ckanSearchUrl(portal: string, organisation: string, start: number): string {
  return (
    `${portalBase(portal)}/api/3/action/package_search?fq=organization:${encodeURIComponent(organisation)}` +
    `&rows=${CKAN_PAGE_SIZE}&start=${start}&sort=${encodeURIComponent('name asc')}`
  );
}

/** A dataset's page on the portal, which is its harvested_from. */
export function ckanDatasetPage(portal: string, name: string): string {
  return `${portalBase(portal)}/dataset/${encodeURIComponent(name)}`;
}

/** CKAN explains a failed action in its answer: {"success": false, "error": {"message": …}}. */
function ckanError(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const answer: unknown = JSON.parse(text);
    if (!isFields(answer) || answer.success !== false) return undefined;
    const error = answer.error;
    const words = isFields(error) ? (error.message ?? error.__type) : error;
    if (typeof words === 'string') return words.replace(/\s+/g, ' ').trim().slice(0, 300);
    if (isFields(error)) {
      // Validation errors come as {"fq": ["…"]}.
      const first = Object.entries(error).find(([key, value]) => !key.startsWith('__') && Array.isArray(value));
      if (first) return `${first[0]}: ${String((first[1] as unknown[])[0]).slice(0, 300)}`;
    }
    return 'no reason given';
  } catch {
    return undefined;
  }
}

/** Why a package is not to be harvested, when the importer does not already say (CKAN's drafts). */
function draftReason(pkg: Fields): string | undefined {
  return pkg.state === 'draft' ? 'the package is a draft on the portal, not yet published' : undefined;
}

interface Page {
  count: number;
  results: unknown[];
}

/** One page of package_search, or why it could not be read. */
async function searchPage(
  source: CkanSource,
  start: number,
  context: HarvestContext,
): Promise<Page | { failure: string; deadline?: boolean }> {
  const url = ckanSearchUrl(source.portal, source.organisation, start);
  let text: string;
  try {
    text = (await context.http.getText(url, { accept: 'application/json', maxBytes: context.limits.maxFileBytes })).text;
  } catch (error) {
    if (!(error instanceof HarvestFetchError)) throw error;
    const said = ckanError(error.body);
    return {
      failure: `${error.message}${said ? `; the portal said: "${said}"` : ''}`,
      ...(error.failure === 'deadline' ? { deadline: true } : {}),
    };
  }
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return { failure: `${url} did not answer with JSON, as a CKAN portal's API does: check that ${source.portal} is the portal's address` };
  }
  if (isFields(answer) && answer.success === false) {
    return {
      failure:
        `${url} answered that the search failed ("${ckanError(text)}"): check that ${source.organisation} is the ` +
        `organisation's name on the portal, as in the address of its page there (…/organization/${source.organisation})`,
    };
  }
  const result = isFields(answer) && answer.success === true && isFields(answer.result) ? answer.result : undefined;
  if (
    !result ||
    typeof result.count !== 'number' ||
    !Number.isInteger(result.count) ||
    result.count < 0 ||
    !Array.isArray(result.results)
  ) {
    return {
      failure:
        `${url} did not answer as CKAN's package_search does ({"success": true, "result": ` +
        `{"count": …, "results": […]}}): check that ${source.portal} is a CKAN portal's address`,
    };
  }
  return { count: result.count, results: result.results };
}

export async function harvestCkan(source: CkanSource, context: HarvestContext): Promise<SourceResult> {
  const proposals = new DatasetProposals(context);
  const harvestSource: HarvestSource = { kind: 'ckan', portal: source.portal, organisation: source.organisation };
  if (!URL.canParse(source.portal)) {
    return proposals.result(
      { source: harvestSource, label: `${source.portal} (organisation ${source.organisation})`, address: source.portal },
      `${JSON.stringify(source.portal)} is not a web address: give the CKAN portal's address, e.g. https://data.gov.uk`,
    );
  }
  const portal = portalBase(source.portal);
  const { host, pathname } = new URL(portal);
  const label = `${host}${pathname === '/' ? '' : pathname} (organisation ${source.organisation})`;
  const cap = context.limits.maxItemsPerOrganisation;
  const packages = new Map<string, Fields>();
  const unnamed: unknown[] = [];
  let count: number | undefined;
  let failure: string | undefined;

  context.log(`${label}: reading its datasets`);
  for (let start = 0; ; start += CKAN_PAGE_SIZE) {
    const read = packages.size + unnamed.length;
    const soFar = `${read}${count === undefined ? '' : ` of its ${count}`} dataset${(count ?? read) === 1 ? '' : 's'}`;
    if (Date.now() >= context.limits.deadline) {
      failure = `the harvest's time budget for this run ran out after ${soFar} had been read`;
      break;
    }
    const page = await searchPage(source, start, context);
    if ('failure' in page) {
      failure = page.deadline ? `${page.failure}, after ${soFar} had been read` : page.failure;
      break;
    }
    count = page.count;
    const readBefore = packages.size + unnamed.length;
    for (const pkg of page.results) {
      if (packages.size + unnamed.length >= cap) break;
      if (isFields(pkg) && typeof pkg.name === 'string' && pkg.name !== '') {
        if (!packages.has(pkg.name)) packages.set(pkg.name, pkg);
      } else unnamed.push(pkg);
    }
    const total = packages.size + unnamed.length;
    if (total >= cap && count > cap) {
      failure =
        `only the first ${cap} of its ${count} datasets were read: ${cap} ` +
        'is the most the harvest takes from one organisation in a run';
      break;
    }
    if (page.results.length > 0 && total === readBefore) {
      // A portal that gives the same datasets again would otherwise be asked for pages up to its count.
      failure = `the portal gave the same datasets again for the page starting at ${start}, so the rest could not be read`;
      break;
    }
    if (page.results.length === 0 || start + CKAN_PAGE_SIZE >= count) {
      if (total < count)
        failure =
          `the portal counted ${count} datasets but gave ${total}: some may ` +
          'have changed while they were read, so the next run will try again';
      break;
    }
  }
  context.log(
    `${label}: read ${packages.size + unnamed.length} of ${count ?? 'its'} datasets${failure ? ` (incomplete: ${failure})` : ''}`,
  );

  // By name, whatever order the portal gave: slugs that clash are then numbered the same way every run.
  for (const [name, pkg] of [...packages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const upstream = ckanDatasetPage(portal, name);
    const item: DatasetItem = {
      source: ckanPackageToSource(pkg),
      upstream,
      page: upstream,
      origin: `the CKAN portal ${host} (dataset "${name}")`,
      names: [name, upstream, ...(typeof pkg.id === 'string' ? [pkg.id] : [])],
    };
    const draft = draftReason(pkg);
    proposals.add(draft ? { ...item, notPublic: draft } : item);
  }
  for (const _ of unnamed) {
    proposals.skipped.push({
      upstream: `${portal}/dataset/`,
      reason: 'the portal listed a dataset without a name, so it has no address there',
    });
  }

  return proposals.result({ source: harvestSource, label, address: `${portal}/dataset/` }, failure);
}
