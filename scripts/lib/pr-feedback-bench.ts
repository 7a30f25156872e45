/**
 * Pull-request feedback at scale, for npm run bench: how long check.yml takes from the checkout to the
 * report that pr-comment posts, for a one-file pull request on a hub of N synthetic records.
 *
 * It makes a git repository in a temporary folder with the synthetic content
 * (scripts/lib/synthetic-content.ts), committed on main as the base; adds one roadmap item on a branch
 * (a copy of an existing item under a new name, so that the report finds similar work, as it would for
 * real); lets main move on by one record meanwhile; makes GitHub's test merge of the branch into main;
 * and clones that merge with --depth 2, as actions/checkout does in check.yml. Then it times, as
 * separate processes with the arguments check.yml passes, `node scripts/validate.ts --format github`
 * (with a job summary file, as on GitHub) and `node scripts/pr-report.ts --merge HEAD ...`, R times,
 * and reports each step and the sum. Setting the repository up is not timed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticContent } from './synthetic-content.ts';

export interface PrFeedbackRun {
  validateSeconds: number;
  reportSeconds: number;
  totalSeconds: number;
}

export interface PrFeedbackBench {
  records: number;
  organisations: number;
  /** Seconds to write the content, commit it, branch, merge and clone (not part of the figure). */
  setupSeconds: number;
  runs: PrFeedbackRun[];
  /** Medians over the runs. */
  validateSeconds: number;
  reportSeconds: number;
  totalSeconds: number;
  /** What the report found, to show it did the real work: the item added and its similar work. */
  added: number;
  similar: number;
  /** The one-minute load average before and after the timed runs: other work on the machine slows them. */
  loadBefore: number;
  loadAfter: number;
}

export interface PrFeedbackOptions {
  records: number;
  runs: number;
  /** The repository's root: the scripts, and content/ whose organisations the synthetic records use. */
  root: string;
  log?: (line: string) => void;
  /** Keep the temporary folder (its path is logged). */
  keep?: boolean;
}

/** The issue's goal (#14), at 25,000 records on the development machine. */
export const PR_FEEDBACK_GOAL_SECONDS = 15;

/** The pull request's author, as check.yml passes it: not a maintainer of any synthetic organisation. */
const AUTHOR = 'bench-contributor';

const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/** A copy of the first roadmap item (sorted) under a new name, in the same organisation's folder. */
function newRoadmapItem(content: string, slug: string, title: string): string {
  const organisation = readdirSync(join(content, 'roadmap')).sort()[0];
  const folder = join(content, 'roadmap', organisation);
  const first = readdirSync(folder).sort()[0];
  const text = readFileSync(join(folder, first), 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
  const file = join(folder, `${slug}.md`);
  writeFileSync(file, text);
  return file;
}

/** The environment of a CI step: without the HUB_ and GITHUB_ settings this process may have. */
function stepEnv(summary: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^(HUB_|GITHUB_)/.test(name)) env[name] = value;
  return { ...env, GITHUB_STEP_SUMMARY: summary };
}

export function measurePrFeedback(options: PrFeedbackOptions): PrFeedbackBench {
  const log = options.log ?? (() => {});
  const folder = mkdtempSync(join(tmpdir(), 'council-commons-pr-feedback-'));
  try {
    const origin = join(folder, 'origin');
    const content = join(origin, 'content');
    log(`Making a repository of ${options.records.toLocaleString('en-GB')} synthetic records with a one-file pull request (not timed) …`);
    let start = process.hrtime.bigint();
    const written = writeSyntheticContent({ records: options.records, target: content, source: join(options.root, 'content') });
    git(origin, 'init', '--quiet', '--initial-branch=main');
    git(origin, 'add', '--all');
    git(origin, 'commit', '--quiet', '--message', 'The hub');
    git(origin, 'checkout', '--quiet', '-b', 'pull-request');
    newRoadmapItem(content, 'garden-waste-renewals-online', 'Garden waste renewals online');
    git(origin, 'add', '--all');
    git(origin, 'commit', '--quiet', '--message', 'One roadmap item');
    const head = git(origin, 'rev-parse', 'HEAD');
    // Main moves on meanwhile, so the merge is a real one, as it usually is.
    git(origin, 'checkout', '--quiet', 'main');
    newRoadmapItem(content, 'merged-meanwhile', 'Merged meanwhile');
    git(origin, 'add', '--all');
    git(origin, 'commit', '--quiet', '--message', 'Another pull request');
    git(origin, 'checkout', '--quiet', '--detach', 'main');
    git(origin, 'merge', '--quiet', '--no-ff', '--no-edit', 'pull-request');
    git(origin, 'branch', 'pull-1-merge');
    // What actions/checkout fetches in check.yml: the merge and its two parents.
    const checkout = join(folder, 'checkout');
    git(folder, 'clone', '--quiet', '--depth', '2', '--branch', 'pull-1-merge', `file://${origin}`, checkout);
    const setupSeconds = elapsed(start);
    log(`Ready in ${setupSeconds.toFixed(1)} s: ${checkout}, a clone of the merge and its two parents.`);

    const summary = join(folder, 'step-summary.md');
    const env = stepEnv(summary);
    const step = (name: string, args: string[], expected: number) => {
      start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { cwd: checkout, env, encoding: 'utf8', maxBuffer: 1 << 30 });
      const seconds = elapsed(start);
      if (result.status !== expected)
        throw new Error(
          `${name} exited ${result.status ?? result.signal}, not ${expected}:\n${result.stderr}${result.stdout.slice(0, 2000)}`,
        );
      return seconds;
    };
    const runs: PrFeedbackRun[] = [];
    const [loadBefore] = loadavg();
    let report: { records: { added: unknown[] }; similar: unknown[] } | undefined;
    for (let run = 1; run <= options.runs; run++) {
      writeFileSync(summary, '');
      const out = join(folder, `report-${run}`);
      const validateSeconds = step('validate', [join(options.root, 'scripts/validate.ts'), '--format', 'github'], 0);
      const reportSeconds = step(
        'pr-report',
        [join(options.root, 'scripts/pr-report.ts'), '--merge', 'HEAD', '--head', head, '--pr', '1', '--author', AUTHOR, '--out', out],
        0,
      );
      report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as typeof report;
      runs.push({ validateSeconds, reportSeconds, totalSeconds: validateSeconds + reportSeconds });
      log(
        `  Run ${run} of ${options.runs}: validate ${validateSeconds.toFixed(2)} s + report ` +
          `${reportSeconds.toFixed(2)} s = ${(validateSeconds + reportSeconds).toFixed(2)} s`,
      );
    }
    return {
      records: written.records,
      organisations: written.organisations,
      setupSeconds,
      runs,
      validateSeconds: median(runs.map((run) => run.validateSeconds)),
      reportSeconds: median(runs.map((run) => run.reportSeconds)),
      totalSeconds: median(runs.map((run) => run.totalSeconds)),
      added: report?.records.added.length ?? 0,
      similar: report?.similar.length ?? 0,
      loadBefore,
      loadAfter: loadavg()[0],
    };
  } finally {
    if (options.keep) log(`Kept ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/** The figures in words, for the benchmark's report. */
export function describePrFeedback(result: PrFeedbackBench): string[] {
  const runs = result.runs.length;
  const goal =
    result.records === 25000
      ? ` (goal under ${PR_FEEDBACK_GOAL_SECONDS} s: ${result.totalSeconds < PR_FEEDBACK_GOAL_SECONDS ? 'met' : 'NOT met'})`
      : '';
  const busyNote = result.loadBefore > 0.7 ? ': other work was running, so times are longer than on an idle machine' : '';
  return [
    `Pull-request feedback (check.yml: validate, then the report) for a one-file pull request, ` +
      `${result.records.toLocaleString('en-GB')} records (+ ${result.organisations} organisations), ` +
      `${runs > 1 ? `median of ${runs} runs` : 'one run'}:`,
    `  validate  ${result.validateSeconds.toFixed(2)} s   node scripts/validate.ts --format github`,
    `  report    ${result.reportSeconds.toFixed(2)} s   node scripts/pr-report.ts ` +
      `--merge HEAD … (${result.added} added, similar work for ${result.similar})`,
    `  total     ${result.totalSeconds.toFixed(2)} s${goal}`,
    `  load average ${result.loadBefore.toFixed(2)} before, ${result.loadAfter.toFixed(2)} after, ` +
      `on ${availableParallelism()} cores${busyNote}`,
  ];
}
