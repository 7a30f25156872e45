/**
 * What the harvest's parts hand each other. A source (GitHub, a CKAN portal, a data.json address) reads
 * what one organisation publishes and proposes records, each with the address it came from; the planner
 * (plan.ts) decides what to write, keep, report as gone or refuse; the script writes and reports.
 *
 * Sources map with the importers' own code (src/lib/import), so a harvested record is exactly what
 * `npm run import` would make of the same file, plus harvested_from and harvested_on.
 */
import type { Licence } from '../../../schemas/reference.ts';
import type { Octokit } from '../github/client.ts';
import type { OrganisationName, PlannedRecord, ThemeTerm } from '../import/types.ts';

/** One place an organisation publishes, from its file: a GitHub owner, a CKAN portal organisation, a data.json address. */
export type HarvestSource =
  { kind: 'github'; owner: string } | { kind: 'ckan'; portal: string; organisation: string } | { kind: 'data_json'; url: string };

/** What the organisation asked the harvest to take or leave (its `harvest:` settings). */
export interface HarvestFilter {
  /** Only GitHub repositories with at least one of these topics; empty: any. */
  topics: string[];
  /** Repositories (name, or owner/name) and datasets (name on the portal, or address) never to propose. */
  leaveOut: string[];
}

/** A record a source proposes, and where it came from. */
export interface HarvestedRecord {
  /** As the importers plan it: collection, slug, fields (without harvested_from and harvested_on), notes. A blocker note refuses it. */
  record: PlannedRecord;
  /**
   * The upstream address (https), which becomes harvested_from: the same item always gives the same
   * address, and it starts with its source's `address`, so that the planner knows which source owns it.
   */
  upstream: string;
  /** What it is called, for reports. */
  title: string;
}

/** An upstream item that was read but cannot become a record, with every reason in words. */
export interface Refusal {
  upstream: string;
  title?: string;
  /** What is wrong and what its publisher can do, e.g. "its licence, CC-BY-NC-4.0, is not open: …". */
  reasons: string[];
}

/** An item passed over on purpose: not reusable (archived, a fork, no description), or left out by the organisation. */
export interface Skipped {
  upstream: string;
  reason: string;
}

/** A fork of something already on the hub: evidence that the organisation reuses it. */
export interface UseEvidence {
  /** The hub component the fork is of, e.g. components/hackney/bin-day-finder. */
  component: string;
  /** The fork's address, e.g. https://github.com/example-council/bin-day-finder. */
  fork: string;
}

export interface SourceResult {
  source: HarvestSource;
  /** How the source is named in reports and on the site, e.g. "GitHub: LBHackney-IT" or "data.gov.uk (organisation example-council)". */
  label: string;
  /** The start of every upstream address the source gives, e.g. https://github.com/LBHackney-IT/. */
  address: string;
  records: HarvestedRecord[];
  refused: Refusal[];
  skipped: Skipped[];
  uses: UseEvidence[];
  /** True when every item of the source was read: only then can a record it no longer lists be called gone. */
  complete: boolean;
  /** Why the source could not be read, whole or in part, in words. */
  failure?: string;
  /** HTTP requests made, and how many were answered "not modified" from the cache. */
  requests: number;
  notModified: number;
}

/** A stored answer, for conditional requests: sent again with If-None-Match, a 304 means the body is still this. */
export interface CachedResponse {
  etag: string;
  body: string;
}

export interface ResponseCache {
  get(url: string): CachedResponse | undefined;
  set(url: string, entry: CachedResponse): void;
}

export interface FetchedText {
  /** The address finally read (after redirects), as the caller named it (before HUB_HARVEST_HOSTS mapping). */
  url: string;
  text: string;
  /** True when the host answered 304 Not Modified and the text came from the cache. */
  notModified: boolean;
}

/** The polite HTTP client for everything outside the GitHub API (http.ts). It throws HarvestFetchError with the reason in words. */
export interface PoliteFetch {
  getText(url: string, options?: { maxBytes?: number; accept?: string }): Promise<FetchedText>;
  /** Requests made so far (each retry counts), and answers that were 304. */
  readonly requests: number;
  readonly notModified: number;
}

export interface HarvestLimits {
  /** The most a file (a publiccode.yml, a README, a catalogue page) may be. */
  maxFileBytes: number;
  /** The most records (proposed, refused and skipped) one organisation's sources may yield in a run. */
  maxItemsPerOrganisation: number;
  /** When the run must stop (ms since the epoch): a source still reading then ends incomplete. */
  deadline: number;
}

/** Everything a source needs. */
export interface HarvestContext {
  /** The organisation the records are for: its id. */
  organisation: string;
  /** What the importers' mappers need from the hub. */
  licences: ReadonlyMap<string, Licence>;
  themes: readonly ThemeTerm[];
  organisations: readonly OrganisationName[];
  /** The codes of the hub's other languages, for a publiccode.yml's descriptions in them. */
  otherLanguages: readonly string[];
  /** Hub components by their repository address (lower case, https://github.com/owner/repo), to recognise forks. */
  componentsByRepository: ReadonlyMap<string, string>;
  filter: HarvestFilter;
  octokit: Octokit;
  http: PoliteFetch;
  cache: ResponseCache;
  limits: HarvestLimits;
  /** Today, for "pushed within the last 24 months". */
  now: Date;
  /** Progress lines. */
  log: (line: string) => void;
}
