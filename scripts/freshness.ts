/**
 * node scripts/freshness.ts --repo <owner/name> [--check-links] [--dry-run] [--today YYYY-MM-DD] [--content content]
 *   [--include-demonstration] [--branch main] [--hub-team @org/team] [--bot-login LOGIN] [--link-budget SECONDS]
 *
 * Environment: GITHUB_TOKEN (issues: write), GITHUB_API_URL (default https://api.github.com),
 * GITHUB_SERVER_URL (default https://github.com), HUB_MAINTAINERS_TEAM, HUB_BRANCH.
 *
 * Weekly: for each organisation, the roadmap items past their review_by date, (with --check-links)
 * the records whose web addresses no longer work, and new similar work (other organisations' roadmap
 * items like its own, where either changed in git in the last 7 days), in ONE open issue per
 * organisation (label `freshness`), mentioning its maintainers; closes the issue when nothing is left.
 * See src/lib/github/freshness-issues.ts and src/lib/new-similar-work.ts for the decisions.
 *
 * --dry-run writes nothing: with a token it reads the open issues and says what it would open, update
 * and close; without one it prints the issues as they would be opened.
 *
 * Exit codes: 0 done (broken links never fail the run), 1 GitHub failed, 2 wrong usage.
 */
import { dirname, resolve } from 'node:path';
import { checkOption, parseOptions, runScript, Usage } from './lib/cli.ts';
import { clientOptionsFromEnv, createClient } from '../src/lib/github/client.ts';
import {
  FreshnessError,
  gatherChecks,
  hasSomethingToCheck,
  linksInContent,
  renderIssue,
  syncIssues,
  type IssueContext,
} from '../src/lib/github/freshness-issues.ts';
import { checkLinks, type LinkCheckOptions, type LinkResult } from '../src/lib/github/link-check.ts';
import { plural } from '../src/lib/format.ts';
import { hubTeam } from '../src/lib/github/ownership.ts';
import { REPOSITORY_NAME } from '../src/lib/github/pr-comment.ts';
import { LOGIN } from '../src/lib/github/report.ts';
import { contentOverlaps } from '../src/lib/content-overlaps.ts';
import { today as todayDate } from '../src/lib/freshness.ts';
import { lastUpdatedDates } from '../src/lib/git-dates.ts';
import { NEW_WORK_DAYS, newSimilarWork, windowStart } from '../src/lib/new-similar-work.ts';
import { UsageError, validateContent } from '../src/lib/validation/validate.ts';

const USAGE =
  `Usage: node scripts/freshness.ts --repo <owner/name> [options]

  --repo OWNER/NAME          the repository to open issues in
  --check-links              also check every web address in the content
  --dry-run                  write nothing; say what would be done
  --today DATE               the date to check review_by and new similar work against, YYYY-MM-DD (default: today)
  --content DIR              the content folder (default: content, or $HUB_CONTENT_DIR)
  --include-demonstration    also check the fictional demonstration organisations (nobody is mentioned)
  --branch NAME              the branch files are linked on (default: $HUB_BRANCH or main)
  --hub-team @ORG/TEAM       who is mentioned for organisations without maintainers ` +
  `(default: $HUB_MAINTAINERS_TEAM or @council-commons/maintainers)
  --bot-login LOGIN          also take this account's issues as ours (when the token is a user's)
  --link-budget SECONDS      stop starting new link checks after this long (default 300)

Environment: GITHUB_TOKEN, GITHUB_API_URL (default https://api.github.com), GITHUB_SERVER_URL.`;

export interface Dependencies {
  /** Options for the link checker (tests use a local fetch and short delays). */
  linkCheck?: LinkCheckOptions;
  out?: (line: string) => void;
}

export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  dependencies: Dependencies = {},
): Promise<number> {
  const out = dependencies.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const values = parseOptions(argv, {
    repo: { type: 'string' },
    'check-links': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    today: { type: 'string' },
    content: { type: 'string' },
    'include-demonstration': { type: 'boolean' },
    branch: { type: 'string' },
    'hub-team': { type: 'string' },
    'bot-login': { type: 'string' },
    'link-budget': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const repository = values.repo as string | undefined;
  if (!repository) throw new Usage('give --repo owner/name.');
  if (!REPOSITORY_NAME.test(repository) || repository.includes('..')) throw new Usage(`--repo must be owner/name, not "${repository}".`);
  const today = (values.today as string | undefined) ?? todayDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Usage(`--today must be a date written YYYY-MM-DD, not "${today}".`);
  const branch = (values.branch as string | undefined) ?? (env.HUB_BRANCH || 'main');
  if (!/^[A-Za-z0-9._/-]{1,200}$/.test(branch) || branch.includes('..'))
    throw new Usage(`--branch must be a branch name, not "${branch}".`);
  const botLogin = values['bot-login'] as string | undefined;
  if (botLogin !== undefined && !LOGIN.test(botLogin)) throw new Usage(`--bot-login must be a GitHub login, not "${botLogin}".`);
  const budget = values['link-budget'] === undefined ? 300 : Number(values['link-budget']);
  if (!Number.isFinite(budget) || budget <= 0)
    throw new Usage(`--link-budget must be a number of seconds, not "${values['link-budget']}".`);
  const team = checkOption(() => hubTeam(values['hub-team'] as string | undefined, env));
  const includeDemonstration = values['include-demonstration'] === true;
  const dryRun = values['dry-run'] === true;
  const contentDir = (values.content as string | undefined) ?? env.HUB_CONTENT_DIR ?? 'content';

  const validation = validateContent({ contentDir, today });
  if (validation.errors.length > 0)
    out(
      `The content has ${validation.errors.length} errors; records with errors are left out of this check (npm run validate lists them).`,
    );
  const { content } = validation;

  let linkResults: Map<string, LinkResult> | undefined;
  const links = values['check-links'] ? linksInContent(content, includeDemonstration) : undefined;
  if (links) {
    const unique = new Set(links.map((use) => use.url)).size;
    out(`Checking ${unique} web addresses…`);
    const step = Math.max(10, Math.ceil(unique / 10));
    linkResults = await checkLinks(
      links.map((use) => use.url),
      {
        budgetMs: budget * 1000,
        userAgent: `CouncilCommonsLinkCheck/1.0 (+${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${repository})`,
        onProgress: (done, total) => {
          if (done % step === 0 || done === total) out(`checked ${done} of ${total} links…`);
        },
        ...dependencies.linkCheck,
      },
    );
    const counts = new Map<string, number>();
    for (const result of linkResults.values()) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
    out(`Links: ${[...counts].map(([status, count]) => `${count} ${status}`).join(', ') || 'none'}.`);
  }

  // Git dates keyed as record.file is (relative to the content folder's parent). Without history, no work counts as new.
  const lastChanged = lastUpdatedDates(resolve(contentDir), dirname(resolve(contentDir)));
  if (lastChanged.size === 0) out('No git history for the content (not a git checkout, or a shallow clone): new similar work is left out.');
  const overlaps = contentOverlaps(content, validation.reference, today);
  const similar = newSimilarWork({ content, overlaps, lastChanged, today, includeDemonstration });
  const pairs = [...similar.values()].reduce((sum, list) => sum + list.length, 0) / 2;
  out(
    `New similar work: ${plural(pairs, 'pair')} of similar roadmap items, one or both changed from ${windowStart(today)} to ${today} ` +
      `(the last ${NEW_WORK_DAYS} days).`,
  );

  const checks = gatherChecks(content, { today, includeDemonstration, similar, ...(linkResults && links ? { linkResults, links } : {}) });
  const withWork = checks.filter(hasSomethingToCheck);
  out(
    `${withWork.length} of ${checks.length} organisations ` +
      `have something to check${includeDemonstration ? '' : ' (demonstration organisations left out)'}.`,
  );
  for (const check of withWork) {
    const links = check.links ? `, ${check.links.length} links not working` : '';
    const similarWork = check.similar.length ? `, ${check.similar.length} new similar work` : '';
    out(`  ${check.id}: ${check.overdue.length} past review${links}${similarWork}`);
  }

  const context: IssueContext = {
    // The configuration's name, or a plain word when the configuration is broken (validate says how).
    hubName: validation.config?.name ?? 'the hub',
    repository,
    branch,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    hubTeam: team,
    today,
  };
  const clientOptions = clientOptionsFromEnv(env);
  if (dryRun && !clientOptions.token) {
    out('Dry run without GITHUB_TOKEN: GitHub was not read. Each issue as it would be opened:');
    for (const check of withWork) {
      const issue = renderIssue(check, context);
      out(`\n=== ${issue.title}\n${issue.body}`);
    }
    return 0;
  }
  if (!clientOptions.token)
    throw new FreshnessError('GITHUB_TOKEN is not set: the job needs a token that may write issues (or use --dry-run).');
  const summary = await syncIssues({
    octokit: createClient(clientOptions),
    repository,
    checks,
    context,
    linksChecked: linkResults !== undefined,
    knownOrganisations: new Set(content.organisations.map((organisation) => organisation.id)),
    dryRun,
    ...(botLogin ? { botLogin } : {}),
    log: out,
  });
  out(
    dryRun
      ? `Dry run: ${summary.planned.length} changes planned, nothing written.`
      : `Opened ${summary.opened.length}, updated ${summary.updated.length}, ` +
          `closed ${summary.closed.length}; ${summary.unchanged.length} already up to date.`,
  );
  return 0;
}

if (import.meta.main)
  await runScript({
    name: 'freshness',
    usage: USAGE,
    main: () => main(process.argv.slice(2)),
    usageErrors: [UsageError],
    failures: [FreshnessError],
  });
