/**
 * node scripts/harvest-pr.ts --report FILE --repo <owner/name> [--content DIR] [--base BRANCH] [--hub-team @org/team]
 *
 * Turns the harvest's report (npm run harvest -- --format json) into pull requests: one per
 * organisation that had files written, on the branch harvest/<organisation>, updated rather than
 * duplicated (src/lib/harvest/pull-requests.ts; the text is src/lib/harvest/pull-request-text.ts). Run
 * by the harvest workflow after each shard's harvest.
 *
 * The report is checked with its schema before anything is trusted, and the files are read from the
 * content folder the harvest wrote (--content), only where the report names them.
 *
 * Environment: GITHUB_TOKEN (contents and pull requests: write), GITHUB_API_URL (default
 * https://api.github.com), GITHUB_SERVER_URL (default https://github.com), HUB_MAINTAINERS_TEAM, and
 * GITHUB_STEP_SUMMARY (a table of what happened is added to it, when set).
 *
 * Exit codes: 0 done (pull requests opened or updated, or nothing to do); 1 something failed (the
 * report, a file, GitHub), said on standard error; 2 wrong usage.
 */
import { appendFileSync } from 'node:fs';
import { checkOption, parseOptions, requireOptions, runScript, Usage } from './lib/cli.ts';
import { clientOptionsFromEnv, createClient } from '../src/lib/github/client.ts';
import { isRevision } from '../src/lib/github/git.ts';
import { plural } from '../src/lib/format.ts';
import { hubTeam } from '../src/lib/github/ownership.ts';
import { runSummary } from '../src/lib/harvest/pull-request-text.ts';
import { HarvestPrError, readHarvestReport, splitRepository, syncHarvestPullRequests } from '../src/lib/harvest/pull-requests.ts';

const USAGE = `Usage: node scripts/harvest-pr.ts --report FILE --repo OWNER/NAME [options]

  --report FILE          the JSON report of "npm run harvest -- --format json" (checked before use)
  --repo OWNER/NAME      the repository to open the pull requests in
  --content DIR          the content folder the harvest wrote (default: content)
  --base BRANCH          the branch the pull requests go to (default: the repository's default branch)
  --hub-team @ORG/TEAM   who is asked to review for organisations without maintainers
                         (default: $HUB_MAINTAINERS_TEAM or @council-commons/maintainers)

Environment: GITHUB_TOKEN, GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_STEP_SUMMARY.`;

export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const values = parseOptions(argv, {
    report: { type: 'string' },
    repo: { type: 'string' },
    content: { type: 'string' },
    base: { type: 'string' },
    'hub-team': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const { report: reportFile, repo: repository } = requireOptions(values, ['report', 'repo']);
  checkOption(() => splitRepository(repository));
  const base = values.base as string | undefined;
  if (base !== undefined && (!isRevision(base) || /[~^]/.test(base)))
    throw new Usage(`--base must be a branch name, e.g. main, not "${base}".`);
  const team = checkOption(() => hubTeam(values['hub-team'] as string | undefined, env));
  const contentDir = (values.content as string | undefined) ?? 'content';

  const report = readHarvestReport(reportFile);
  const clientOptions = clientOptionsFromEnv(env);
  if (!clientOptions.token && !report.dry_run)
    throw new HarvestPrError('GITHUB_TOKEN is not set: the job needs a token that may write contents and pull requests.');
  const result = await syncHarvestPullRequests({
    octokit: createClient(clientOptions),
    repository,
    report,
    contentDir,
    ...(base ? { base } : {}),
    hubTeam: team,
    log: out,
  });

  const count = (action: string) => result.outcomes.filter((outcome) => outcome.action === action).length;
  const failed = result.outcomes.filter((outcome) => outcome.action === 'failed');
  out(
    `${plural(result.outcomes.length, 'organisation')} in the report: ` +
      `${plural(count('opened'), 'pull request')} opened, ${count('updated')} updated, ` +
      `${count('unchanged')} unchanged, ${count('nothing-written')} with nothing written, ${failed.length} failed.`,
  );
  if (env.GITHUB_STEP_SUMMARY) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      runSummary(result.outcomes, (number) => `${server}/${repository}/pull/${number}`),
    );
  }
  if (failed.length > 0) {
    process.stderr.write(
      `harvest-pr: ${plural(failed.length, 'organisation')} could not be proposed:\n` +
        `${failed.map((outcome) => `  ${outcome.message}`).join('\n')}\n`,
    );
    return 1;
  }
  return 0;
}

if (import.meta.main)
  await runScript({ name: 'harvest-pr', usage: USAGE, main: () => main(process.argv.slice(2)), failures: [HarvestPrError] });
