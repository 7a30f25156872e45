/**
 * node scripts/pr-comment.ts --report <dir>/report.json --repo <owner/name> [--site-url URL] [--content content]
 *   [--expected-head SHA] [--bot-login LOGIN] [--dry-run]
 *
 * Environment: GITHUB_TOKEN (pull-requests: write), GITHUB_API_URL (default https://api.github.com),
 * GITHUB_SERVER_URL (default https://github.com). In a workflow_run job the commit the run was for is
 * read from GITHUB_EVENT_PATH, and a report for any other commit is refused.
 *
 * Runs in a trusted job on the default branch. The report was made by the pull request's own code, so
 * it is read as untrusted data: at most 1 MB, checked against the schema, and shown only as plain text.
 * Keeps ONE comment on the pull request (found by a hidden marker) up to date, and writes nothing when
 * the pull request has moved on to a newer commit.
 *
 * Exit codes: 0 commented, updated, unchanged or skipped; 1 the report was refused or GitHub failed;
 * 2 wrong usage.
 */
import { checkOption, parseOptions, requireOptions, runScript, Usage } from './lib/cli.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { clientOptionsFromEnv, createClient } from '../src/lib/github/client.ts';
import { CommentError, syncComment, splitRepository, trustedMaintainers } from '../src/lib/github/pr-comment.ts';
import { COMMENT_MARKER, renderReport } from '../src/lib/github/render.ts';
import { LOGIN, MAX_REPORT_BYTES, parseReport, ReportRefused, SHA } from '../src/lib/github/report.ts';

const USAGE = `Usage: node scripts/pr-comment.ts --report <dir>/report.json --repo <owner/name> [options]

  --report FILE        the report.json that scripts/pr-report.ts wrote (untrusted: it is checked)
  --repo OWNER/NAME    the repository the pull request is in
  --site-url URL       the hub's address: record titles then link to their pages (otherwise to their files)
  --content DIR        the trusted content folder, for maintainers to mention (default: content)
  --expected-head SHA  refuse a report for any other commit (default: the workflow_run event's head_sha)
  --bot-login LOGIN    also take this account's comments as ours (when the token is a user's)
  --dry-run            print the comment instead of writing it; GitHub is not contacted

Environment: GITHUB_TOKEN, GITHUB_API_URL (default https://api.github.com), GITHUB_SERVER_URL.`;

/** The head commit of the workflow run that made the report, from the event GitHub gave this job. */
export function eventHeadSha(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_EVENT_NAME !== 'workflow_run' || !env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { workflow_run?: { head_sha?: unknown } };
    const sha = event.workflow_run?.head_sha;
    return typeof sha === 'string' && SHA.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const values = parseOptions(argv, {
    report: { type: 'string' },
    repo: { type: 'string' },
    'site-url': { type: 'string' },
    content: { type: 'string' },
    'expected-head': { type: 'string' },
    'bot-login': { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const { report: reportFile, repo: repository } = requireOptions(values, ['report', 'repo']);
  checkOption(() => splitRepository(repository));
  const siteUrl = values['site-url'] as string | undefined;
  if (siteUrl !== undefined && !/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/.test(siteUrl))
    throw new Usage(`--site-url must be the hub's web address, e.g. https://council-commons.github.io/council-commons/, not "${siteUrl}".`);
  const expectedHead = (values['expected-head'] as string | undefined) ?? eventHeadSha(env);
  if (expectedHead !== undefined && !SHA.test(expectedHead))
    throw new Usage(`--expected-head must be a full commit id, not "${expectedHead}".`);
  const botLogin = values['bot-login'] as string | undefined;
  if (botLogin !== undefined && !LOGIN.test(botLogin)) throw new Usage(`--bot-login must be a GitHub login, not "${botLogin}".`);
  const contentDir = (values.content as string | undefined) ?? 'content';

  // The report: untrusted. Size before reading, then JSON, then the schema.
  if (!existsSync(reportFile) || !statSync(reportFile).isFile())
    throw new CommentError(`there is no report at ${reportFile}: did the pull request's checks upload one?`);
  const size = statSync(reportFile).size;
  if (size > MAX_REPORT_BYTES)
    throw new CommentError(
      `the report was refused: ${reportFile} is ${(size / 1024 / 1024).toFixed(1)} MB, ` +
        `more than the ${MAX_REPORT_BYTES / 1024 / 1024} MB a report may be. It was not read.`,
    );
  let report;
  try {
    report = parseReport(readFileSync(reportFile));
  } catch (error) {
    if (error instanceof ReportRefused) throw new CommentError(`the report was refused: ${error.message}`);
    throw error;
  }

  if (values['dry-run']) {
    out(
      renderReport(report, {
        marker: COMMENT_MARKER,
        repository,
        ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
        ...(siteUrl ? { siteUrl } : {}),
        trusted: trustedMaintainers(contentDir),
      }),
    );
    return 0;
  }
  const clientOptions = clientOptionsFromEnv(env);
  if (!clientOptions.token) throw new CommentError('GITHUB_TOKEN is not set: the job needs a token that may write pull-request comments.');
  const result = await syncComment({
    octokit: createClient(clientOptions),
    repository,
    report,
    contentDir,
    ...(siteUrl ? { siteUrl } : {}),
    ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
    ...(expectedHead ? { expectedHead } : {}),
    ...(botLogin ? { botLogin } : {}),
    log: out,
  });
  out(result.message);
  return 0;
}

if (import.meta.main)
  await runScript({ name: 'pr-comment', usage: USAGE, main: () => main(process.argv.slice(2)), failures: [CommentError] });
