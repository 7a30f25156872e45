/**
 * One harvest run: choose the organisations (all that publish somewhere, or those asked for, or one shard
 * of them), read each one's sources, plan with plan.ts, write (unless it is a dry run), and report.
 * Organisations are read one after another: GitHub and data portals are asked politely, and a run that
 * must go faster is split into shards run side by side (--shard I/N).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkPlannedFiles, loadHub, type Hub } from '../import/check.ts';
import { closestMatch } from '../suggest.ts';
import { mentionsOf } from '../github/ownership.ts';
import { componentsByRepository, existingRecords, organisationFiles, type OrganisationFile } from './existing.ts';
import { planOrganisation } from './plan.ts';
import { CONTENT_PATH, HARVEST_REPORT_VERSION, harvestReportSchema, type HarvestReport, type OrganisationReport } from './report.ts';
import { harvestFilter, harvestSources, sourceAddress, sourceLabel } from './sources.ts';
import type { HarvestContext, HarvestLimits, HarvestSource, PoliteFetch, ResponseCache, SourceResult } from './types.ts';
import type { Octokit } from '../github/client.ts';

/** Reads one kind of source. The run passes the real ones (github-source.ts, ckan-source.ts, data-json-source.ts). */
export interface SourceReaders {
  github: (source: { owner: string }, context: HarvestContext) => Promise<SourceResult>;
  ckan: (source: { portal: string; organisation: string }, context: HarvestContext) => Promise<SourceResult>;
  data_json: (source: { url: string }, context: HarvestContext) => Promise<SourceResult>;
}

export interface HarvestRunOptions {
  contentDir: string;
  /** Only these organisations (ids). Otherwise every organisation whose file names a source. */
  only?: readonly string[];
  /** This run's share of the organisations: the index-th of count, counting from 1. */
  shard?: { index: number; count: number };
  dryRun: boolean;
  /** Today (YYYY-MM-DD), written into harvested_on. */
  date: string;
  now: Date;
  octokit: Octokit;
  http: PoliteFetch;
  cache: ResponseCache;
  limits: HarvestLimits;
  readers: SourceReaders;
  /** Progress, a line per organisation. */
  log: (line: string) => void;
}

/** The command was asked for something that cannot be: an unknown organisation, say. The script exits 2. */
export class HarvestUsageError extends Error {}

export interface Chosen {
  organisations: OrganisationFile[];
  /** Organisations passed over, with why, for the log. */
  passedOver: string[];
}

/** Which organisations this run reads. Demonstration bodies never: their addresses are fictional, and may belong to someone real. */
export function chooseOrganisations(
  files: readonly OrganisationFile[],
  only: readonly string[] | undefined,
  shard: { index: number; count: number } | undefined,
): Chosen {
  const passedOver: string[] = [];
  const byId = new Map(files.map((file) => [file.id, file]));
  for (const id of only ?? []) {
    const file = byId.get(id);
    if (!file) {
      const suggestion = closestMatch(id, byId.keys());
      throw new HarvestUsageError(
        `there is no organisation "${id}" in content/organisations${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
      );
    }
    if (!file.data) throw new HarvestUsageError(`content/${file.path} cannot be harvested: ${file.problem}.`);
    if (file.data.demonstration)
      throw new HarvestUsageError(
        `${id} is a demonstration organisation: the harvest never reads its addresses, which are made up and could belong to someone real.`,
      );
    if (harvestSources(file.data).length === 0) {
      throw new HarvestUsageError(
        file.data.harvest?.off
          ? `${id} has turned the harvest off (harvest: { off: true } in content/${file.path}).`
          : `${id} names no GitHub account or open-data source: add github or open_data to content/${file.path}.`,
      );
    }
  }
  const wanted = only ? new Set(only) : undefined;
  const eligible = files.filter((file) => {
    if (wanted && !wanted.has(file.id)) return false;
    if (!file.data) {
      passedOver.push(`${file.id}: content/${file.path} cannot be read, so it is not harvested (${file.problem})`);
      return false;
    }
    return !file.data.demonstration && harvestSources(file.data).length > 0;
  });
  const organisations = shard ? eligible.filter((_, position) => position % shard.count === shard.index - 1) : eligible;
  return { organisations, passedOver };
}

/** A source that could not be read at all, as a result. */
function failedSource(source: HarvestSource, failure: string): SourceResult {
  return {
    source,
    label: sourceLabel(source),
    address: sourceAddress(source),
    records: [],
    refused: [],
    skipped: [],
    uses: [],
    complete: false,
    failure,
    requests: 0,
    notModified: 0,
  };
}

function readSource(source: HarvestSource, context: HarvestContext, readers: SourceReaders): Promise<SourceResult> {
  switch (source.kind) {
    case 'github':
      return readers.github({ owner: source.owner }, context);
    case 'ckan':
      return readers.ckan({ portal: source.portal, organisation: source.organisation }, context);
    case 'data_json':
      return readers.data_json({ url: source.url }, context);
  }
}

/** Writes a file whole or not at all: into a temporary name beside it, then renamed into place. */
function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.harvest-${process.pid}`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

async function harvestOrganisation(
  file: OrganisationFile,
  hub: Hub,
  repositories: ReadonlyMap<string, string>,
  options: HarvestRunOptions,
): Promise<OrganisationReport> {
  const started = Date.now();
  const organisation = file.data!;
  const context: HarvestContext = {
    organisation: file.id,
    licences: hub.reference.licences,
    themes: hub.themes,
    organisations: hub.organisations,
    otherLanguages: (hub.context.languages ?? []).slice(1).map((language) => language.code),
    componentsByRepository: repositories,
    filter: harvestFilter(organisation),
    octokit: options.octokit,
    http: options.http,
    cache: options.cache,
    limits: options.limits,
    now: options.now,
    log: options.log,
  };
  const results: SourceResult[] = [];
  // The cap is the organisation's: each source may read what the ones before it left.
  let left = options.limits.maxItemsPerOrganisation;
  for (const source of harvestSources(organisation)) {
    if (Date.now() >= options.limits.deadline) {
      results.push(failedSource(source, 'the run’s time budget ran out before this source was read'));
      continue;
    }
    if (left <= 0) {
      results.push(
        failedSource(
          source,
          `the organisation’s other sources already gave the ${options.limits.maxItemsPerOrganisation} items one run reads for it`,
        ),
      );
      continue;
    }
    let result: SourceResult;
    try {
      result = await readSource(source, { ...context, limits: { ...options.limits, maxItemsPerOrganisation: left } }, options.readers);
    } catch (error) {
      result = failedSource(source, (error as Error).message);
    }
    results.push(result);
    left -= result.records.length + result.refused.length + result.skipped.length + result.uses.length;
  }

  const plan = planOrganisation({
    organisation: file.id,
    date: options.date,
    results,
    existing: existingRecords(options.contentDir, file.id),
    organisationFile: { path: file.path, text: file.text, uses: organisation.uses ?? [] },
    check: (files) => checkPlannedFiles(files, hub),
  });
  for (const write of plan.writes) {
    // The plan only ever names files under content/<collection>/<organisation>/ or the organisation's own file.
    if (!CONTENT_PATH.test(`content/${write.path}`))
      throw new Error(
        `The harvest planned to write ${write.path}, which is not a record or organisation file: nothing was written for ${file.id}.`,
      );
  }
  if (!options.dryRun) for (const write of plan.writes) writeWhole(join(options.contentDir, write.path), write.text);

  return {
    organisation: file.id,
    name: organisation.official_name ?? organisation.name,
    maintainers: mentionsOf(organisation.maintainers ?? []),
    sources: results.map((result) => ({
      kind: result.source.kind,
      label: result.label,
      address: result.address,
      complete: result.complete,
      ...(result.failure ? { failure: result.failure } : {}),
      requests: result.requests,
      not_modified: result.notModified,
    })),
    written: plan.writes.map((write) => ({
      path: `content/${write.path}`,
      change: write.change,
      title: write.title,
      upstream: write.upstream,
    })),
    unchanged: plan.unchanged.map((item) => ({ path: `content/${item.path}`, upstream: item.upstream })),
    gone: plan.gone.map((item) => ({ ...item, path: `content/${item.path}` })),
    refused: plan.refused.map((refusal) => ({
      upstream: refusal.upstream,
      ...(refusal.title ? { title: refusal.title } : {}),
      reasons: refusal.reasons,
    })),
    hand_owned: plan.handOwned.map((item) => ({ path: `content/${item.path}`, upstream: item.upstream })),
    uses: plan.uses,
    skipped: results.reduce((sum, result) => sum + result.skipped.length, 0),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** One line of progress for an organisation. */
export function progressLine(position: number, total: number, report: OrganisationReport): string {
  const count = (items: readonly unknown[], word: string) => (items.length ? [`${items.length} ${word}`] : []);
  const added = report.written.filter((item) => item.change === 'added');
  const updated = report.written.filter((item) => item.change === 'updated');
  const parts = [
    ...count(added, 'added'),
    ...count(updated, 'updated'),
    ...count(report.unchanged, 'unchanged'),
    ...count(report.gone, 'gone'),
    ...count(report.refused, 'refused'),
    ...count(report.hand_owned, 'kept as people’s'),
  ];
  const failed = report.sources.filter((source) => source.failure);
  const requests = report.sources.reduce((sum, source) => sum + source.requests, 0);
  return (
    `[${position}/${total}] ${report.organisation}: ${parts.join(', ') || 'nothing to propose'}` +
    ` (${report.sources.map((source) => source.label).join('; ')}; ${requests} requests, ${report.seconds} s)` +
    failed.map((source) => `\n    could not read ${source.label}: ${source.failure}`).join('')
  );
}

export async function runHarvest(options: HarvestRunOptions): Promise<HarvestReport> {
  const generated = options.now.toISOString();
  const files = organisationFiles(options.contentDir);
  const chosen = chooseOrganisations(files, options.only, options.shard);
  for (const line of chosen.passedOver) options.log(`Passed over ${line}`);
  const hub = loadHub(options.contentDir);
  const repositories = componentsByRepository(
    options.contentDir,
    new Set(files.filter((file) => file.data?.demonstration).map((file) => file.id)),
  );
  const total = chosen.organisations.length;
  options.log(
    `Harvesting ${total} organisation${total === 1 ? '' : 's'}` +
      `${options.shard ? ` (shard ${options.shard.index} of ${options.shard.count})` : ''}` +
      `${options.dryRun ? ', writing nothing (dry run)' : ''}.`,
  );
  const organisations: OrganisationReport[] = [];
  for (const [position, file] of chosen.organisations.entries()) {
    const report = await harvestOrganisation(file, hub, repositories, options);
    organisations.push(report);
    options.log(progressLine(position + 1, total, report));
  }
  return harvestReportSchema.parse({
    version: HARVEST_REPORT_VERSION,
    generated,
    date: options.date,
    dry_run: options.dryRun,
    ...(options.shard ? { shard: options.shard } : {}),
    organisations,
  });
}
