/**
 * Turns the harvest's report (`npm run harvest -- --format json`) into pull requests: one for each
 * organisation that had files written, on the branch harvest/<organisation>, kept up to date rather than
 * duplicated. Run by the harvest workflow after each shard's harvest (scripts/harvest-pr.ts).
 *
 * For each organisation with files written:
 *  - with an open pull request on its branch: the files are committed to the branch through the contents
 *    API where they differ, files the harvest made there earlier but no longer proposes are put back as
 *    the base branch has them, and the title and text are updated when they changed;
 *  - without one: the branch is made from the base branch (or reset to it, after a merged or closed
 *    pull request), the files are committed, and a pull request is opened.
 * A file already as it should be on the branch is not committed again; nor is one that differs only in
 * harvested_on (the harvest reads the base branch, where a record not yet merged is new each week, so
 * each week gives it that week's date), nor one a person has taken over on the branch by deleting its
 * harvested_from. Organisations with nothing written get no pull request and cost no request.
 *
 * The report is checked with its schema before anything is trusted, and the files are read from the
 * content folder the harvest wrote: only the paths the report names, only under the organisation's own
 * folders, real files (no links), at most 256 KiB each, as UTF-8.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Octokit } from 'octokit';
import { readBounded } from '../content-files/read-bounded.ts';
import { MAX_FILE_BYTES } from '../content-files/read-file.ts';
import { decodeUtf8 } from '../content-files/text.ts';
import { explainError, statusOf } from '../github/client.ts';
import { REPOSITORY_NAME } from '../github/pr-comment.ts';
import {
  branchAt,
  branchHead,
  githubCalls,
  openPullRequest,
  pullRequestFiles,
  pullRequestsOf,
  readFileOn,
  removeFileOn,
  updatePullRequestText,
  writeFileOn,
  type BranchTarget,
} from '../github/pull-request-branch.ts';
import { commitMessage, pullRequestText, revertMessage } from './pull-request-text.ts';
import {
  CONTENT_PATH,
  HARVEST_REPORT_VERSION,
  harvestReportSchema,
  type HarvestReport,
  type OrganisationReport,
  type WrittenFile,
} from './report.ts';

/** A failure to explain and stop on (exit code 1); `status` is GitHub's answer, when it came from one. */
export class HarvestPrError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** The largest report read: 400 organisations with long lists stay far below it. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export function harvestBranch(organisation: string): string {
  return `harvest/${organisation}`;
}

// ---------------------------------------------------------------------------------------------------
// The report and the files it names.

function issuePath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') ||
    'the report as a whole'
  );
}

/** The report, checked with its schema; anything else is refused, saying where it is wrong. */
export function parseHarvestReport(json: string, file: string): HarvestReport {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new HarvestPrError(
      `${file} is not JSON (${(error as Error).message}). It should be what "npm run harvest -- --format json" prints, and nothing else.`,
    );
  }
  const result = harvestReportSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues;
    const listed = issues.slice(0, 8).map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
    const more = issues.length > 8 ? `; and ${issues.length - 8} more` : '';
    throw new HarvestPrError(
      `${file} is not a harvest report this script can use (${listed.join('; ')}${more}). ` +
        `Make it again with "npm run harvest -- --format json", which writes version ${HARVEST_REPORT_VERSION}. No pull request was made.`,
    );
  }
  return result.data;
}

/** The report file: a real file, at most MAX_REPORT_BYTES, UTF-8 JSON of the report's schema. */
export function readHarvestReport(path: string): HarvestReport {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    throw new HarvestPrError(`there is no report at ${path}: give --report the file that "npm run harvest -- --format json" wrote.`);
  }
  if (!stat.isFile()) throw new HarvestPrError(`${path} is not a plain file (a folder or a link?): give --report the report file itself.`);
  const bytes = readBounded(path, MAX_REPORT_BYTES);
  if (typeof bytes === 'number')
    throw new HarvestPrError(
      `${path} is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than ` +
        `the ${MAX_REPORT_BYTES / 1024 / 1024} MB a harvest report may be: it was not read.`,
    );
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new HarvestPrError(`${path} cannot be read: ${decoded.reason}.`);
  return parseHarvestReport(decoded.text, path);
}

export interface HarvestFile extends WrittenFile {
  text: string;
}

/** Whether a content path is one of the organisation's own: its components, its datasets, its file. */
export function belongsTo(path: string, organisation: string): boolean {
  return (
    path === `content/organisations/${organisation}.yaml` ||
    path.startsWith(`content/components/${organisation}/`) ||
    path.startsWith(`content/datasets/${organisation}/`)
  );
}

/** The files the report says were written for an organisation, read from the content folder the harvest wrote. */
export function readWrittenFiles(contentDir: string, report: OrganisationReport): HarvestFile[] {
  const id = report.organisation;
  let root: string;
  try {
    root = realpathSync(contentDir);
  } catch {
    throw new HarvestPrError(`the content folder ${contentDir} does not exist: give --content the folder the harvest wrote.`);
  }
  const seen = new Set<string>();
  return report.written.map((file) => {
    if (!CONTENT_PATH.test(file.path) || !belongsTo(file.path, id)) {
      throw new HarvestPrError(
        `the report lists ${file.path} among ${id}'s files, but it is not in ${id}'s own folders (content/components/${id}/, ` +
          `content/datasets/${id}/ or content/organisations/${id}.yaml): nothing was proposed for ${id}.`,
      );
    }
    if (seen.has(file.path))
      throw new HarvestPrError(`the report lists ${file.path} twice for ${id}: make it again with "npm run harvest".`);
    seen.add(file.path);
    const absolute = join(root, file.path.slice('content/'.length));
    const where = `${file.path} (in ${contentDir})`;
    let stat;
    try {
      stat = lstatSync(absolute);
    } catch {
      throw new HarvestPrError(
        `the report says the harvest wrote ${where}, but it is not there: run this script on ` +
          'the content folder that harvest wrote (--content), before anything else changes it.',
      );
    }
    if (!stat.isFile()) throw new HarvestPrError(`${where} is not a plain file (a link or a folder), so it was not read.`);
    if (!realpathSync(absolute).startsWith(root + sep))
      throw new HarvestPrError(`${where} is outside the content folder (through a linked folder), so it was not read.`);
    const bytes = readBounded(absolute, MAX_FILE_BYTES);
    if (typeof bytes === 'number')
      throw new HarvestPrError(
        `${where} is ${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_FILE_BYTES / 1024} KiB a content file may be.`,
      );
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) throw new HarvestPrError(`${where} cannot be read: ${decoded.reason}.`);
    return { ...file, text: decoded.text };
  });
}

// ---------------------------------------------------------------------------------------------------
// What counts as already right on the branch.

const HARVEST_DATE = /^harvested_on:.*$/gm;
const HARVESTED_FROM = /^harvested_from:/m;

/** The same file but for the day in harvested_on. */
export function sameButForHarvestDate(current: string, wanted: string): boolean {
  return current.replace(HARVEST_DATE, '') === wanted.replace(HARVEST_DATE, '');
}

const isRecordPath = (path: string) => path.startsWith('content/components/') || path.startsWith('content/datasets/');

/**
 * Whether the file on the branch may stay: it is the same but for the date, or it is a record that a
 * person took over on the branch by deleting harvested_from (the ownership rule holds there too).
 */
export function alreadyRight(path: string, current: string, wanted: string): boolean {
  return sameButForHarvestDate(current, wanted) || (isRecordPath(path) && !HARVESTED_FROM.test(current));
}

// ---------------------------------------------------------------------------------------------------
// Keeping GitHub in step.

export type HarvestPrAction = 'opened' | 'updated' | 'unchanged' | 'nothing-written' | 'failed';

export interface OrganisationOutcome {
  organisation: string;
  action: HarvestPrAction;
  pullRequest?: number;
  /** What happened, in a sentence, for the log. */
  message: string;
}

export interface HarvestPrOptions {
  octokit: Octokit;
  /** owner/name. */
  repository: string;
  report: HarvestReport;
  /** The content folder the harvest wrote. */
  contentDir: string;
  /** The branch pull requests are opened against. Default: the repository's default branch. */
  base?: string;
  /** The hub maintainers' team, asked to review for organisations that list no maintainers. */
  hubTeam: string;
  log?: (line: string) => void;
}

export interface HarvestPrResult {
  base: string;
  outcomes: OrganisationOutcome[];
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  if (!REPOSITORY_NAME.test(repository) || repository.includes('..'))
    throw new HarvestPrError(`--repo must be owner/name, e.g. council-commons/council-commons, not "${repository}".`);
  const [owner, repo] = repository.split('/') as [string, string];
  return { owner, repo };
}

/** What to do when the repository does not let the workflow's own token open pull requests. */
export const ACTIONS_MAY_NOT_OPEN =
  'To let the workflow open pull requests, tick "Allow GitHub Actions to create and approve pull requests" in the repository\'s ' +
  'Settings, under Actions, General, Workflow permissions; or set up the GitHub App that .github/workflows/harvest.yml describes.';

/** Stops the whole run: the token is refused, so every other organisation would fail the same way. */
const isFatal = (error: unknown) => error instanceof HarvestPrError && (error.status === 401 || error.status === 403);

function filesInWords(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}

export async function syncHarvestPullRequests(options: HarvestPrOptions): Promise<HarvestPrResult> {
  const { octokit, report } = options;
  const { owner, repo } = splitRepository(options.repository);
  const log = options.log ?? (() => {});
  const calls = githubCalls(
    (message, error) => new HarvestPrError(message, statusOf(error)),
    (error) => error instanceof HarvestPrError,
  );
  const target: BranchTarget = { octokit, owner, repo, calls };

  if (report.dry_run) {
    log('The report is from a dry run (npm run harvest -- --dry-run): nothing was written, so no pull request is made.');
    return {
      base: options.base ?? '',
      outcomes: report.organisations.map((organisation) => ({
        organisation: organisation.organisation,
        action: 'nothing-written',
        message: `${organisation.organisation}: dry run; no pull request.`,
      })),
    };
  }

  // The repository and its base branch, once: a wrong --repo is said once, not once per organisation.
  let defaultBranch: string;
  try {
    defaultBranch = (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
  } catch (error) {
    if (statusOf(error) === 404) {
      throw new HarvestPrError(
        `GitHub found no repository ${owner}/${repo} (404): check --repo, ` +
          'and that the token may see the repository. No pull request was made.',
        404,
      );
    }
    throw new HarvestPrError(explainError(error, `read the repository ${owner}/${repo}`), statusOf(error));
  }
  const base = options.base ?? defaultBranch;
  const baseSha = await branchHead(target, base);
  if (!baseSha)
    throw new HarvestPrError(
      `${owner}/${repo} has no branch ${base}: give --base the branch pull requests should go to. No pull request was made.`,
    );

  const outcomes: OrganisationOutcome[] = [];
  for (const organisation of report.organisations) {
    const id = organisation.organisation;
    if (organisation.written.length === 0) {
      const outcome: OrganisationOutcome = {
        organisation: id,
        action: 'nothing-written',
        message: `${id}: nothing written, so no pull request.`,
      };
      log(outcome.message);
      outcomes.push(outcome);
      continue;
    }
    let outcome: OrganisationOutcome;
    try {
      outcome = await syncOrganisation(target, organisation, {
        report,
        base,
        baseSha,
        contentDir: options.contentDir,
        hubTeam: options.hubTeam,
      });
    } catch (error) {
      if (!(error instanceof HarvestPrError)) throw error;
      if (isFatal(error))
        throw new HarvestPrError(`${error.message} Stopped at ${id}; the organisations after it were not tried.`, error.status);
      outcome = { organisation: id, action: 'failed', message: `${id}: ${error.message}` };
    }
    log(outcome.message);
    outcomes.push(outcome);
  }
  return { base, outcomes };
}

interface OrganisationRun {
  report: HarvestReport;
  base: string;
  baseSha: string;
  contentDir: string;
  hubTeam: string;
}

async function syncOrganisation(
  target: BranchTarget,
  organisation: OrganisationReport,
  run: OrganisationRun,
): Promise<OrganisationOutcome> {
  const id = organisation.organisation;
  const branch = harvestBranch(id);
  const files = readWrittenFiles(run.contentDir, organisation);
  const wording = pullRequestText(organisation, {
    date: run.report.date,
    hubTeam: run.hubTeam,
    ...(run.report.shard ? { shard: run.report.shard } : {}),
  });
  const write = (file: HarvestFile, keepRight: boolean) =>
    writeFileOn(target, {
      path: file.path,
      text: file.text,
      branch,
      message: commitMessage(organisation, file),
      ...(keepRight ? { alreadyRight: (current: string) => alreadyRight(file.path, current, file.text) } : {}),
    });

  const [open] = await pullRequestsOf(target, branch, 'open');
  if (open) {
    let commits = 0;
    // Records the harvest made on the branch earlier that this run no longer proposes: as on the base branch.
    const wanted = new Set(files.map((file) => file.path));
    for (const changed of await pullRequestFiles(target, open.number)) {
      const path = changed.filename;
      if (wanted.has(path) || !CONTENT_PATH.test(path) || !isRecordPath(path) || !belongsTo(path, id)) continue;
      const onBranch = await readFileOn(target, path, branch);
      if (onBranch?.text === undefined || !HARVESTED_FROM.test(onBranch.text)) continue; // a person's file: theirs to keep
      const onBase = await readFileOn(target, path, run.base);
      const message = revertMessage(organisation, path);
      if (onBase?.text !== undefined) commits += Number(await writeFileOn(target, { path, text: onBase.text, branch, message }));
      else if (!onBase) commits += Number(await removeFileOn(target, path, branch, message));
    }
    for (const file of files) commits += Number(await write(file, true));
    const edited = await updatePullRequestText(target, open, wording.title, wording.body);
    if (commits > 0)
      return {
        organisation: id,
        action: 'updated',
        pullRequest: open.number,
        message: `${id}: updated pull request #${open.number} on ${branch} (${filesInWords(commits)} committed).`,
      };
    if (edited)
      return {
        organisation: id,
        action: 'updated',
        pullRequest: open.number,
        message: `${id}: updated the text of pull request #${open.number}; its files were already right.`,
      };
    return {
      organisation: id,
      action: 'unchanged',
      pullRequest: open.number,
      message: `${id}: pull request #${open.number} already has this harvest; nothing changed.`,
    };
  }

  // No open pull request: a fresh branch from the base (reset, if a merged or closed one left it behind).
  await branchAt(target, branch, run.baseSha);
  let commits = 0;
  for (const file of files) commits += Number(await write(file, false));
  if (commits === 0) {
    return {
      organisation: id,
      action: 'unchanged',
      message: `${id}: ${run.base} already has every file this harvest wrote, so no pull request.`,
    };
  }
  let number: number;
  try {
    number = await openPullRequest(target, { branch, base: run.base, title: wording.title, body: wording.body });
  } catch (error) {
    if (error instanceof HarvestPrError && /not permitted to create or approve pull requests/i.test(error.message)) {
      throw new HarvestPrError(`${error.message} ${ACTIONS_MAY_NOT_OPEN}`, error.status);
    }
    throw error;
  }
  return {
    organisation: id,
    action: 'opened',
    pullRequest: number,
    message: `${id}: opened pull request #${number} on ${branch} (${filesInWords(files.length)}).`,
  };
}
