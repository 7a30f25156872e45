/**
 * Decides, for one organisation, what the harvest writes, and what it reports: from what its sources
 * proposed and what the content folder already holds. The rules (CONTRIBUTING.md, "Being harvested"):
 *
 * - Stable: the same upstream always gives the same file. A record is rendered first with the date it
 *   already has; only when that differs from the file is it rendered with today's date. So a run with
 *   nothing changed upstream changes no byte.
 * - Owned: a record with harvested_from belongs to the harvest, which updates it. A record without it
 *   belongs to people: when an upstream item matches one (same repository or landing page, or the file the
 *   harvest would write), it is reported as theirs and never touched.
 * - Never deletes: an owned record whose upstream has gone is reported as gone, for a person to decide.
 *   Only a source that was read completely can say something has gone.
 * - Refused, with reasons: an item with a blocker (a licence that is not open, an unreadable file) or one
 *   the validator's own checks find errors in is not written; an owned record keeps its last good version.
 * - Reuse: a fork of a hub component is proposed for the organisation's `uses`.
 *
 * Pure apart from `check`, the validator, which the caller passes in.
 */
import { httpsUrl } from '../../../schemas/fields.ts';
import type { PlannedFile } from '../import/check.ts';
import type { PlannedRecord } from '../import/types.ts';
import type { Problem } from '../validation/problem.ts';
import { sameAddress, type ExistingRecord } from './existing.ts';
import { addUses } from './organisation-uses.ts';
import { harvestedPath, renderHarvested } from './render.ts';
import type { Refusal, SourceResult, UseEvidence } from './types.ts';

export interface PlanInput {
  organisation: string;
  /** Today, YYYY-MM-DD: harvested_on for what changes. */
  date: string;
  results: readonly SourceResult[];
  /** The organisation's components and datasets (existing.ts). */
  existing: readonly ExistingRecord[];
  /** The organisation's own file, to propose reuse in its `uses`. */
  organisationFile?: { path: string; text: string; uses: readonly string[] };
  /** Checks planned files as npm run validate would (checkPlannedFiles), by display path content/<path>. */
  check: (files: readonly PlannedFile[]) => Map<string, Problem[]>;
}

export interface PlannedWrite {
  /** Relative to the content folder. */
  path: string;
  text: string;
  change: 'added' | 'updated';
  title: string;
  upstream: string;
}

export interface OrganisationPlan {
  writes: PlannedWrite[];
  unchanged: { path: string; upstream: string }[];
  gone: { path: string; title: string; upstream: string; reason: string }[];
  refused: Refusal[];
  handOwned: { path: string; upstream: string }[];
  uses: UseEvidence[];
}

const lower = (address: string) => address.toLowerCase();
const idOf = (path: string) => path.replace(/\.(?:md|yaml)$/, '');

/** A problem from the validator as a reason a publisher can act on. */
function reasonOf(problem: Problem): string {
  const fix = problem.fix ? ` Fix: ${problem.fix}.` : '';
  return `${problem.message}${fix}`.replace(/\.\.$/, '.');
}

/** Whether a validator finding stops a harvested record: every error, and placeholders (something the source left out). */
function stops(problem: Problem): boolean {
  return problem.severity === 'error' || problem.rule === 'content/placeholder';
}

/** The address a person's record would share with an upstream item: its repository, or its landing page. */
function describesSame(existing: ExistingRecord, record: PlannedRecord, upstream: string): boolean {
  if (existing.collection !== record.collection) return false;
  if (record.collection === 'components')
    return (
      sameAddress(existing.repositoryUrl, upstream) ||
      sameAddress(existing.repositoryUrl, record.fields.repository_url as string | undefined)
    );
  return sameAddress(existing.landingUrl, record.fields.landing_url as string | undefined);
}

export function planOrganisation(input: PlanInput): OrganisationPlan {
  const { organisation, date, existing } = input;
  const plan: OrganisationPlan = { writes: [], unchanged: [], gone: [], refused: [], handOwned: [], uses: [] };
  const owned = new Map(existing.filter((record) => record.harvestedFrom).map((record) => [lower(record.harvestedFrom!), record]));
  /** Record ids (collection/organisation/slug) already in the folder or planned: a new record never takes one. */
  const taken = new Set(existing.map((record) => idOf(record.path)));
  /** Upstream addresses this run read (proposed or refused): an owned record among them has not gone. */
  const seen = new Set<string>();
  const pending: (PlannedWrite & { previous?: ExistingRecord })[] = [];

  for (const result of input.results) {
    for (const refusal of result.refused) {
      seen.add(lower(refusal.upstream));
      plan.refused.push(refusal);
    }
    for (const { record, upstream, title } of result.records) {
      const key = lower(upstream);
      if (seen.has(key)) continue; // listed twice (by two sources): the first wins
      seen.add(key);
      if (!httpsUrl.safeParse(upstream).success) {
        plan.refused.push({
          upstream,
          title,
          reasons: ['its address is not a plain https address, so the hub cannot say where it came from.'],
        });
        continue;
      }
      const blockers = record.notes.filter((note) => note.level === 'blocker');
      if (blockers.length > 0) {
        plan.refused.push({ upstream, title, reasons: blockers.map((note) => note.message) });
        continue;
      }
      const previous = owned.get(key);
      let path: string;
      if (previous) path = previous.path;
      else {
        const wanted = harvestedPath(record.collection, organisation, record.slug);
        // A person's record about the same thing: the same repository or landing page, or the very file the
        // harvest would write when that record names no address to tell them apart.
        const person = existing.find(
          (candidate) =>
            !candidate.harvestedFrom &&
            (describesSame(candidate, record, upstream) ||
              (idOf(candidate.path) === idOf(wanted) && !candidate.repositoryUrl && !candidate.landingUrl)),
        );
        if (person) {
          plan.handOwned.push({ path: person.path, upstream });
          continue;
        }
        let slug = record.slug;
        for (let count = 2; taken.has(idOf(harvestedPath(record.collection, organisation, slug))); count++)
          slug = `${record.slug.slice(0, 75).replace(/-+$/, '')}-${count}`;
        path = harvestedPath(record.collection, organisation, slug);
      }
      taken.add(idOf(path));
      const asBefore = previous?.harvestedOn ? renderHarvested(record, upstream, previous.harvestedOn) : undefined;
      if (previous && asBefore === previous.text) {
        plan.unchanged.push({ path, upstream });
        continue;
      }
      pending.push({
        path,
        text: renderHarvested(record, upstream, date),
        change: previous ? 'updated' : 'added',
        title,
        upstream,
        ...(previous ? { previous } : {}),
      });
    }
  }

  // Every file through the validator's own checks, as npm run validate will check the pull request.
  const findings = input.check(pending.map((write) => ({ relative: write.path, display: `content/${write.path}`, text: write.text })));
  for (const write of pending) {
    const stopping = (findings.get(`content/${write.path}`) ?? []).filter(stops);
    if (stopping.length > 0) {
      plan.refused.push({ upstream: write.upstream, title: write.title, reasons: [...new Set(stopping.map(reasonOf))] });
      continue;
    }
    plan.writes.push({ path: write.path, text: write.text, change: write.change, title: write.title, upstream: write.upstream });
  }

  // Owned records nobody proposed this time: gone, when the source that gave them was read whole.
  for (const record of owned.values()) {
    if (seen.has(lower(record.harvestedFrom!))) continue;
    const source = input.results.find((result) => lower(record.harvestedFrom!).startsWith(lower(result.address)));
    const title = record.title ?? record.path;
    if (!source) {
      plan.gone.push({
        path: record.path,
        title,
        upstream: record.harvestedFrom!,
        reason: 'its source is no longer listed in the organisation’s file',
      });
      continue;
    }
    if (!source.complete) continue;
    const skipped = source.skipped.find((item) => sameAddress(item.upstream, record.harvestedFrom));
    plan.gone.push({
      path: record.path,
      title,
      upstream: record.harvestedFrom!,
      reason: skipped ? skipped.reason : `${source.label} no longer lists it`,
    });
  }

  // Reuse: forks of hub components that are not the organisation's own and not yet in its uses.
  const file = input.organisationFile;
  if (file) {
    const known = new Set(file.uses);
    const evidence = new Map<string, UseEvidence>();
    for (const use of input.results.flatMap((result) => result.uses)) {
      if (known.has(use.component) || use.component.startsWith(`components/${organisation}/`) || evidence.has(use.component)) continue;
      evidence.set(use.component, use);
    }
    if (evidence.size > 0) {
      plan.uses = [...evidence.values()].sort((a, b) => a.component.localeCompare(b.component));
      plan.writes.push({
        path: file.path,
        text: addUses(
          file.text,
          plan.uses.map((use) => use.component),
        ),
        change: 'updated',
        title: `uses: ${plan.uses.map((use) => use.component).join(', ')}`,
        upstream: plan.uses.map((use) => use.fork).join(' '),
      });
    }
  }

  plan.writes.sort((a, b) => a.path.localeCompare(b.path));
  plan.unchanged.sort((a, b) => a.path.localeCompare(b.path));
  plan.gone.sort((a, b) => a.path.localeCompare(b.path));
  return plan;
}
