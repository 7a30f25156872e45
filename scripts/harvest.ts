/**
 * npm run harvest -- [--organisation ID]... [--shard I/N] [--content DIR] [--dry-run] [--format text|json]
 *                    [--cache DIR] [--minutes N] [--max-per-organisation N] [--today YYYY-MM-DD]
 *
 * Goes and gets what councils already publish, for every organisation whose file names a GitHub account
 * (github) or an open-data source (open_data): reusable repositories (with their publiccode.yml, or from
 * GitHub's own metadata) become components, and CKAN and DCAT datasets become datasets, written into the
 * content folder with harvested_from and harvested_on. What it decides, and why, is in
 * src/lib/harvest/plan.ts; the weekly workflow (.github/workflows/harvest.yml) turns the JSON report into
 * one pull request per organisation.
 *
 * Environment: GITHUB_TOKEN (read-only is enough), GITHUB_API_URL (default https://api.github.com),
 * HUB_HARVEST_HOSTS (a JSON object mapping an origin to another for every fetch outside the GitHub API,
 * for tests: {"https://data.gov.uk":"http://127.0.0.1:8123"}).
 *
 * Progress goes to standard error, a line per organisation; the report to standard output.
 * Exit codes: 0 the harvest ran (sources that failed are in the report); 2 wrong usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runScript, Usage } from './lib/cli.ts';
import { clientOptionsFromEnv, createClient } from '../src/lib/github/client.ts';
import { today as todayDate } from '../src/lib/freshness.ts';
import { harvestCkan } from '../src/lib/harvest/ckan-source.ts';
import { harvestDataJson } from '../src/lib/harvest/data-json-source.ts';
import { harvestGitHub } from '../src/lib/harvest/github-source.ts';
import { createPoliteFetch, harvestHostsFromEnv } from '../src/lib/harvest/http.ts';
import type { HarvestReport } from '../src/lib/harvest/report.ts';
import { FileResponseCache } from '../src/lib/harvest/response-cache.ts';
import { HarvestUsageError, runHarvest } from '../src/lib/harvest/run.ts';

const USAGE = `Usage: npm run harvest -- [options]

  --organisation ID          harvest only this organisation (repeat for several; default: every
                             organisation whose file names github or open_data)
  --shard I/N                harvest only the I-th of N equal shares of the organisations (for a matrix of jobs)
  --content DIR              the content folder (default: content, or $HUB_CONTENT_DIR)
  --dry-run                  write nothing; report what would be written
  --format text|json         the report on standard output (default text)
  --cache DIR                where answers are kept for conditional requests (default .cache/harvest)
  --minutes N                the run's time budget: no source starts after it (default 45)
  --max-per-organisation N   the most items read from one organisation's sources (default 500)
  --today YYYY-MM-DD         the date written into harvested_on (default: today)

Environment: GITHUB_TOKEN, GITHUB_API_URL (default https://api.github.com), HUB_HARVEST_HOSTS.
Example: npm run harvest -- --organisation hackney --dry-run`;

/** The most a file read from outside may be (a publiccode.yml is bounded more tightly by the importer). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Usage(`--${name} must be a number above 0, not "${value}".`);
  return number;
}

/** The report in words: what changed and what a person should look at. */
export function reportText(report: HarvestReport): string {
  const lines: string[] = [];
  for (const organisation of report.organisations) {
    lines.push(`${organisation.name} (${organisation.organisation})`);
    for (const source of organisation.sources) if (source.failure) lines.push(`  Could not read ${source.label}: ${source.failure}`);
    for (const item of organisation.written)
      lines.push(`  ${report.dry_run ? 'Would write' : item.change === 'added' ? 'Added' : 'Updated'} ${item.path}: ${item.title}`);
    for (const item of organisation.gone) lines.push(`  Gone upstream (not deleted; a person decides): ${item.path}: ${item.reason}`);
    for (const item of organisation.refused)
      lines.push(
        `  Refused ${item.title ?? item.upstream} (${item.upstream}):${item.reasons.map((reason) => `\n    - ${reason}`).join('')}`,
      );
    for (const item of organisation.hand_owned)
      lines.push(`  Left alone (looked after by people): ${item.path}, which matches ${item.upstream}`);
    if (organisation.unchanged.length) lines.push(`  ${organisation.unchanged.length} unchanged`);
  }
  const count = (pick: (organisation: HarvestReport['organisations'][number]) => readonly unknown[]) =>
    report.organisations.reduce((sum, organisation) => sum + pick(organisation).length, 0);
  lines.push(
    `${report.organisations.length} organisations: ${count((o) => o.written)} files ` +
      `${report.dry_run ? 'would be written' : 'written'}, ${count((o) => o.unchanged)} unchanged, ${count((o) => o.gone)} gone, ` +
      `${count((o) => o.refused)} refused.`,
  );
  return lines.join('\n');
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        organisation: { type: 'string', multiple: true },
        shard: { type: 'string' },
        content: { type: 'string' },
        'dry-run': { type: 'boolean' },
        format: { type: 'string' },
        cache: { type: 'string' },
        minutes: { type: 'string' },
        'max-per-organisation': { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new Usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new Usage(`--format must be text or json, not "${format}".`);
  let shard: { index: number; count: number } | undefined;
  if (values.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values.shard as string);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count)
      throw new Usage(`--shard must be I/N with 1 ≤ I ≤ N, e.g. 2/4, not "${values.shard}".`);
    shard = { index, count };
  }
  const today = (values.today as string | undefined) ?? todayDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
    throw new Usage(`--today must be a date written YYYY-MM-DD, not "${today}".`);
  const minutes = positiveNumber('minutes', values.minutes as string | undefined, 45);
  const maxItems = positiveNumber('max-per-organisation', values['max-per-organisation'] as string | undefined, 500);
  let hosts: Record<string, string>;
  try {
    hosts = harvestHostsFromEnv(env);
  } catch (error) {
    throw new Usage((error as Error).message);
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const deadline = Date.now() + minutes * 60_000;
  const cache = new FileResponseCache(resolve((values.cache as string | undefined) ?? '.cache/harvest'));
  const http = createPoliteFetch({ hosts, cache, deadline, log });
  const octokit = createClient({ ...clientOptionsFromEnv(env), log });
  const report = await runHarvest({
    contentDir: resolve((values.content as string | undefined) ?? env.HUB_CONTENT_DIR ?? 'content'),
    ...(values.organisation ? { only: values.organisation as string[] } : {}),
    ...(shard ? { shard } : {}),
    dryRun: values['dry-run'] === true,
    date: today,
    now: new Date(),
    octokit,
    http,
    cache,
    limits: { maxFileBytes: MAX_FILE_BYTES, maxItemsPerOrganisation: maxItems, deadline },
    readers: { github: harvestGitHub, ckan: harvestCkan, data_json: harvestDataJson },
    log,
  });
  process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${reportText(report)}\n`);
  return 0;
}

if (import.meta.main) {
  await runScript({
    name: 'harvest',
    usage: USAGE,
    main: () => main(process.argv.slice(2)),
    usageErrors: [HarvestUsageError],
    failures: [],
  });
}
