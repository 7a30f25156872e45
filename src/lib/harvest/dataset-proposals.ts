/**
 * What the open-data sources (CKAN portals and data.json addresses) do with each dataset they read,
 * the same way for both: pass over what is not public or what the organisation left out, map the rest
 * with the importers' own code (mapDataset), and refuse, with reasons a publisher can act on, what
 * cannot become a record as it stands (no title, no licence, a licence that is not open).
 */
import type { HarvestContext, HarvestFilter, HarvestedRecord, Refusal, Skipped, SourceResult } from './types.ts';
import { datasetSlug, mapDataset, type SourceDataset } from '../import/dataset.ts';
import { datasetLicence } from '../import/licence.ts';
import { oneLine, shorten } from '../import/text.ts';
import type { PlannedRecord } from '../import/types.ts';

/** One dataset as a source read it, with where it lives. */
export interface DatasetItem {
  source: SourceDataset;
  /** Its harvested_from: the same dataset always gives the same address. */
  upstream: string;
  /** Where its publisher changes it (its page on the portal), for refusals. */
  page: string;
  /** Where it came from, for the comment at the top of the file, e.g. `the CKAN portal data.gov.uk (dataset "x")`. */
  origin: string;
  /** What the organisation's leave_out may call it: its name on the portal, its identifier, its addresses. */
  names: string[];
  /** Why it is not public, if the source says so beyond what the importer reads (a CKAN draft). */
  notPublic?: string;
}

export const LEFT_OUT = "left out by the organisation's harvest settings (harvest.leave_out in its file)";

function normalised(name: string): string {
  return name.trim().toLowerCase().replace(/\/+$/, '');
}

/** Whether the organisation's leave_out names the item by any of its names. */
export function isLeftOut(filter: HarvestFilter, names: readonly string[]): boolean {
  if (filter.leaveOut.length === 0) return false;
  const leaveOut = new Set(filter.leaveOut.map(normalised));
  return names.some((name) => leaveOut.has(normalised(name)));
}

const OPEN_LICENCE_ADVICE = 'an open licence (usually the Open Government Licence, OGL-UK-3.0)';

/**
 * Why a mapped dataset cannot be proposed, each reason saying what is wrong and where its publisher puts
 * it right: the dataset's page on the portal, which the next harvest reads again. Empty when it can be.
 */
export function refusalReasons(
  record: PlannedRecord,
  source: SourceDataset,
  context: Pick<HarvestContext, 'licences'>,
  page: string,
): string[] {
  const where = `on the portal’s page for the dataset, ${page}`;
  const reasons = record.notes
    .filter((note) => note.level === 'blocker')
    .map((note) => {
      if (note.field === 'licence') {
        const licence = datasetLicence(source.licence, context.licences);
        const problem = 'problem' in licence ? licence.problem : 'the licence cannot be read';
        return (
          `its licence cannot be taken: ${problem}. Set ${OPEN_LICENCE_ADVICE} ${where}; if it ` +
          'is an open licence missing from data/reference/licences.csv, propose adding it there'
        );
      }
      if (note.field === 'title') return `it has no title: give it one ${where}`;
      return `${note.message.replace(/^Not written: /, '').replace(/\.$/, '')} (put it right ${where})`;
    });
  const id = record.fields.licence;
  const licence = typeof id === 'string' ? context.licences.get(id) : undefined;
  if (reasons.length === 0 && licence && !licence.open) {
    reasons.push(
      `its licence, ${licence.id} (${licence.name}), is not open, and the hub ` +
        `lists only open data: publish it under ${OPEN_LICENCE_ADVICE} ${where}`,
    );
  }
  return reasons;
}

/** A title for reports: the record's, else the source's on one line, else what it is called. */
function titleOf(record: PlannedRecord, source: SourceDataset, fallback: string): string {
  if (typeof record.fields.title === 'string') return record.fields.title;
  const title = typeof source.title === 'string' ? shorten(oneLine(source.title), 150) : '';
  return title || fallback;
}

/**
 * The proposals of one source, in the order its datasets are added; slugs are unique among them. Made
 * before the source is read, so that its result counts the requests reading it took.
 */
export class DatasetProposals {
  readonly records: HarvestedRecord[] = [];
  readonly refused: Refusal[] = [];
  readonly skipped: Skipped[] = [];
  readonly #context: HarvestContext;
  readonly #slugs = new Set<string>();
  readonly #upstreams = new Set<string>();
  /** The HTTP client's counts when the source began: the client is shared by every source of the run. */
  readonly #before: { requests: number; notModified: number };

  constructor(context: HarvestContext) {
    this.#context = context;
    this.#before = { requests: context.http.requests, notModified: context.http.notModified };
  }

  /**
   * The source's result: its proposals, and the requests made since it began. With a failure, the source
   * was not read in full, so the planner calls nothing it no longer lists gone.
   */
  result(about: Pick<SourceResult, 'source' | 'label' | 'address'>, failure?: string): SourceResult {
    const { http } = this.#context;
    return {
      ...about,
      records: this.records,
      refused: this.refused,
      skipped: this.skipped,
      uses: [],
      complete: failure === undefined,
      ...(failure ? { failure } : {}),
      requests: http.requests - this.#before.requests,
      notModified: http.notModified - this.#before.notModified,
    };
  }

  /** Datasets proposed, refused and passed over so far: what the per-organisation cap counts. */
  get count(): number {
    return this.records.length + this.refused.length + this.skipped.length;
  }

  #slugFor(source: SourceDataset): string {
    const wanted = datasetSlug(source);
    let slug = wanted;
    for (let count = 2; this.#slugs.has(slug); count++) slug = `${wanted.slice(0, 75).replace(/-+$/, '')}-${count}`;
    this.#slugs.add(slug);
    return slug;
  }

  add(item: DatasetItem): void {
    const { source, upstream } = item;
    if (this.#upstreams.has(upstream)) {
      this.skipped.push({ upstream, reason: 'the source lists it twice; the first is harvested' });
      return;
    }
    this.#upstreams.add(upstream);
    if (isLeftOut(this.#context.filter, item.names)) {
      this.skipped.push({ upstream, reason: LEFT_OUT });
      return;
    }
    const notPublic = item.notPublic ?? source.notPublic;
    if (notPublic) {
      this.skipped.push({ upstream, reason: `${notPublic}: the hub is public, so it harvests only datasets open to everyone` });
      return;
    }
    // A refused dataset keeps its slug, so that the others' files stay the same when it is put right.
    const slug = this.#slugFor(source);
    const record = mapDataset(source, slug, item.origin, {
      licences: this.#context.licences,
      themes: this.#context.themes,
      organisations: this.#context.organisations,
      owner: this.#context.organisation,
    });
    const title = titleOf(record, source, upstream);
    const reasons = refusalReasons(record, source, this.#context, item.page);
    if (reasons.length > 0) this.refused.push({ upstream, title, reasons });
    else this.records.push({ record, upstream, title });
  }
}
