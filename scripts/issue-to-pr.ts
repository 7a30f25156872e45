/**
 * node scripts/issue-to-pr.ts --repo <owner/name> [--content content] [--bot-login LOGIN] [--dry-run]
 *
 * Turns an issue made from one of the hub's issue forms (.github/ISSUE_TEMPLATE/<collection>.yml) into a
 * pull request adding the record, or one from the organisation form (organisation.yml) into a pull
 * request changing the organisation's file (only the fields answered), or comments on the issue with
 * what to change first (src/lib/github/issue-to-pr.ts). Run by the issue-to-pr workflow on `issues` events.
 *
 * The issue is named by the event GitHub wrote for the job, read from the file at $GITHUB_EVENT_PATH:
 * never from the command line, so no issue text ever passes through a shell. Its current text is then
 * read from the API. Both are untrusted: parsed as data, bounded in size, and shown only escaped.
 *
 * Environment: GITHUB_EVENT_PATH (required), GITHUB_EVENT_NAME (must be `issues` when set), GITHUB_TOKEN
 * (contents, pull requests and issues: write), GITHUB_API_URL (default https://api.github.com),
 * GITHUB_SERVER_URL (default https://github.com).
 *
 *   --dry-run   read the event's issue text, and print the file or the comment it would write; GitHub is
 *               not contacted.
 *
 * Exit codes: 0 done (a pull request opened or updated, the problems commented, or nothing to do);
 * 1 GitHub failed, or the issue or repository was not found; 2 wrong usage.
 */
import { checkOption, parseOptions, runScript, Usage } from './lib/cli.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { clientOptionsFromEnv, createClient } from '../src/lib/github/client.ts';
import { identifyIssueForm } from '../src/lib/github/issue-form.ts';
import { formLanguages } from '../src/lib/contribute/form-model.ts';
import {
  IssueToPrError,
  loadIssueHub,
  MAX_EVENT_BYTES,
  openedComment,
  parseIssueEvent,
  planContribution,
  problemsComment,
  skipReason,
  splitRepository,
  syncIssue,
  type IssueEvent,
} from '../src/lib/github/issue-to-pr.ts';
import { LOGIN } from '../src/lib/github/report.ts';

const USAGE = `Usage: node scripts/issue-to-pr.ts --repo <owner/name> [options]

  --repo OWNER/NAME    the repository the issue is in
  --content DIR        the default branch's content folder, to check against (default: content)
  --bot-login LOGIN    also take this account's comments as ours (when the token is a user's)
  --dry-run            print what would be written; GitHub is not contacted

The issue comes from the event file at $GITHUB_EVENT_PATH (as in a GitHub Actions job).
Environment: GITHUB_EVENT_PATH, GITHUB_TOKEN, GITHUB_API_URL, GITHUB_SERVER_URL.`;

/** The event of this job, from the file GitHub wrote: bounded, then parsed as data. */
export function readEvent(env: Record<string, string | undefined>): IssueEvent {
  const path = env.GITHUB_EVENT_PATH;
  if (!path)
    throw new Usage('GITHUB_EVENT_PATH is not set: this script reads the issue from the event file GitHub Actions writes for the job.');
  if (env.GITHUB_EVENT_NAME && env.GITHUB_EVENT_NAME !== 'issues')
    throw new Usage(`this script runs on issues events, not ${env.GITHUB_EVENT_NAME}.`);
  if (!existsSync(path) || !statSync(path).isFile()) throw new IssueToPrError(`there is no event file at ${path}.`);
  const size = statSync(path).size;
  if (size > MAX_EVENT_BYTES)
    throw new IssueToPrError(`the event file is ${(size / 1024 / 1024).toFixed(1)} MB, more than GitHub's 25 MB: it was not read.`);
  return parseIssueEvent(readFileSync(path, 'utf8'));
}

export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const values = parseOptions(argv, {
    repo: { type: 'string' },
    content: { type: 'string' },
    'bot-login': { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const repository = values.repo as string | undefined;
  if (!repository) throw new Usage('give --repo owner/name.');
  checkOption(() => splitRepository(repository));
  const botLogin = values['bot-login'] as string | undefined;
  if (botLogin !== undefined && !LOGIN.test(botLogin)) throw new Usage(`--bot-login must be a GitHub login, not "${botLogin}".`);
  const contentDir = (values.content as string | undefined) ?? 'content';
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) throw new Usage(`the content folder ${contentDir} does not exist.`);
  const event = readEvent(env);

  if (values['dry-run']) {
    const skip = skipReason(event);
    if (skip) {
      out(skip);
      return 0;
    }
    const hub = loadIssueHub(contentDir);
    const definition = identifyIssueForm(event.issue.body, event.issue.labels, formLanguages(hub.context.languages));
    if (!definition) {
      out(`Issue #${event.issue.number} is not from one of the hub's forms.`);
      return 0;
    }
    const plan = planContribution(event.issue.body, definition, contentDir, hub);
    if (plan.file) {
      out(
        `Would commit ${plan.file.path} on contribution/issue-${event.issue.number}:\n\n` +
          `${plan.file.text}\nand comment:\n\n${openedComment(plan, 0, false)}`,
      );
    } else {
      out(`Would comment:\n\n${problemsComment(plan)}`);
    }
    return 0;
  }

  const clientOptions = clientOptionsFromEnv(env);
  if (!clientOptions.token)
    throw new IssueToPrError('GITHUB_TOKEN is not set: the job needs a token that may write contents, pull requests and issues.');
  const result = await syncIssue({
    octokit: createClient(clientOptions),
    repository,
    event,
    contentDir,
    ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
    ...(botLogin ? { botLogin } : {}),
    log: out,
  });
  out(result.message);
  return 0;
}

if (import.meta.main)
  await runScript({ name: 'issue-to-pr', usage: USAGE, main: () => main(process.argv.slice(2)), failures: [IssueToPrError] });
