/**
 * node scripts/pr-report.ts --base <sha> --head <sha> --pr <number> --out <dir> [--author <login>] [--content content] [--today YYYY-MM-DD]
 * node scripts/pr-report.ts --merge <sha> --head <sha> --pr <number> --out <dir> [...]
 *
 * Runs in the pull request's CI job (read-only token, no secrets; it never talks to GitHub). Writes
 * <dir>/report.json (src/lib/github/report.ts defines it) for the trusted job that comments on the pull
 * request, and <dir>/summary.md for the job summary.
 *
 * With --base it lists what the head changes since its branch left the base (which needs the history
 * back to there); with --merge, given GitHub's merge of the pull request (the commit actions/checkout
 * checks out on pull_request), what merging would change in the base, its first parent: the three
 * commits of a checkout with fetch-depth: 2 are enough. The check workflow uses --merge.
 *
 * Exit codes: 0 the report was written (even when the content has errors: the validate step fails the
 * job for those), 1 it could not be made (git could not compare the commits, say), 2 wrong usage.
 */
import { parseOptions, requireOptions, runScript, Usage } from './lib/cli.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitError, isRevision } from '../src/lib/github/git.ts';
import { buildReport } from '../src/lib/github/pr-report.ts';
import { renderReport } from '../src/lib/github/render.ts';
import { LOGIN, reportSchema } from '../src/lib/github/report.ts';
import { UsageError } from '../src/lib/validation/validate.ts';

const USAGE =
  `Usage: node scripts/pr-report.ts (--base <sha> | --merge <sha>) --head <sha> --pr <number> --out <dir> ` +
  `[--author <login>] [--content DIR] [--today YYYY-MM-DD]

  --base SHA      the commit the pull request would merge into (its base)
  --merge SHA     instead of --base: GitHub's merge of the pull request into its base (HEAD of the
                  pull_request checkout); its first parent is the base, its second must be --head
  --head SHA      the pull request's latest commit
  --pr N          the pull request's number
  --out DIR       where to write report.json and summary.md (made if missing)
  --author LOGIN  the pull request author's GitHub login, to check against the maintainers
  --content DIR   the content folder (default: content, or $HUB_CONTENT_DIR)
  --today DATE    the date to check review_by against (default: today)`;

export function main(argv: string[], env: Record<string, string | undefined> = process.env): number {
  const values = parseOptions(argv, {
    base: { type: 'string' },
    merge: { type: 'string' },
    head: { type: 'string' },
    pr: { type: 'string' },
    out: { type: 'string' },
    author: { type: 'string' },
    content: { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.base && !values.merge)
    throw new Usage("give --base (the commit the pull request would merge into) or --merge (GitHub's merge commit of the pull request).");
  const { head, pr, out } = requireOptions(values, ['head', 'pr', 'out']);
  const { base, merge, author, content, today } = values as Record<string, string | undefined>;
  for (const [name, value] of [
    ['--base', base],
    ['--merge', merge],
    ['--head', head],
  ] as const) {
    if (value !== undefined && !isRevision(value)) throw new Usage(`${name} must be a commit id or branch name, not "${value}".`);
  }
  if (!/^[1-9]\d{0,8}$/.test(pr)) throw new Usage(`--pr must be the pull request's number, not "${pr}".`);
  if (author !== undefined && author !== '' && !LOGIN.test(author)) throw new Usage(`--author must be a GitHub login, not "${author}".`);
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new Usage(`--today must be a date written YYYY-MM-DD, not "${today}".`);

  const report = buildReport({
    contentDir: content ?? env.HUB_CONTENT_DIR ?? 'content',
    ...(base ? { base } : {}),
    ...(merge ? { merge } : {}),
    head,
    pr: Number(pr),
    author: author || null,
    ...(today ? { today } : {}),
  });
  // The report must be one that pr-comment will accept.
  reportSchema.parse(report);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const repository = env.GITHUB_REPOSITORY;
  writeFileSync(
    join(out, 'summary.md'),
    renderReport(report, {
      ...(repository ? { repository } : {}),
      ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
      listLimit: 400,
      maxChars: 900_000,
    }),
  );
  const { added, changed, removed } = report.records;
  process.stdout.write(
    `Pull request #${report.pr}: ${added.length} added, ${changed.length} changed, ${removed.length} removed; ` +
      `${report.validation.errors} errors and ${report.validation.warnings} warnings in the content; ` +
      `${report.ownership.reduce((sum, entry) => sum + entry.flags.length, 0)} ownership flags; ` +
      `${report.similar.length} items with similar work. Wrote ${join(out, 'report.json')} and ${join(out, 'summary.md')}.\n`,
  );
  return 0;
}

if (import.meta.main)
  await runScript({
    name: 'pr-report',
    usage: USAGE,
    main: () => main(process.argv.slice(2)),
    usageErrors: [UsageError],
    failures: [GitError],
  });
