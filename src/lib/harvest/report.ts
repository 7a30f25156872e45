/**
 * The harvest's report (`npm run harvest -- --format json`): per organisation, what was written,
 * unchanged, gone, refused (with reasons) and left to people. scripts/harvest-pr.ts reads it to open
 * one pull request per organisation, so it is checked with this schema before anything is trusted.
 */
import { z } from 'zod';
import { organisationId } from '../../../schemas/fields.ts';

export const HARVEST_REPORT_VERSION = 1;

/** A slug, as in a content file's path: lowercase letters a to z and digits, in words joined by single hyphens. */
const SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** A content file the harvest may write: a component, a dataset, or the organisation's own file (for `uses`). */
export const CONTENT_PATH = new RegExp(
  `^content\\/(?:components\\/${SLUG_PATTERN}\\/${SLUG_PATTERN}\\.(?:yaml|md)` +
    `|datasets\\/${SLUG_PATTERN}\\/${SLUG_PATTERN}\\.yaml|organisations\\/${SLUG_PATTERN}\\.yaml)$`,
);

const contentPath = z.string().regex(CONTENT_PATH);
const upstream = z.string().max(2000);
const words = z.string().max(4000);

export const writtenSchema = z.strictObject({
  path: contentPath,
  change: z.enum(['added', 'updated']),
  title: words,
  /** The upstream address; for the organisation's file, the forks that show reuse. */
  upstream,
});

export const sourceReportSchema = z.strictObject({
  kind: z.enum(['github', 'ckan', 'data_json']),
  label: words,
  address: upstream,
  complete: z.boolean(),
  failure: words.optional(),
  requests: z.int().nonnegative(),
  not_modified: z.int().nonnegative(),
});

export const organisationReportSchema = z.strictObject({
  organisation: organisationId,
  name: words,
  /** Its maintainers, as in its file, to mention on the pull request. */
  maintainers: z.array(z.string().max(140)).max(20),
  sources: z.array(sourceReportSchema).max(50),
  written: z.array(writtenSchema),
  unchanged: z.array(z.strictObject({ path: contentPath, upstream })),
  gone: z.array(z.strictObject({ path: contentPath, title: words, upstream, reason: words })),
  refused: z.array(z.strictObject({ upstream, title: words.optional(), reasons: z.array(words).min(1) })),
  /** Records that match an upstream item but belong to people (no harvested_from): never touched. */
  hand_owned: z.array(z.strictObject({ path: contentPath, upstream })),
  /** Components the organisation appears to reuse (its forks of them), proposed for its `uses`. */
  uses: z.array(z.strictObject({ component: z.string().max(300), fork: upstream })),
  skipped: z.int().nonnegative(),
  seconds: z.number().nonnegative(),
});

export const harvestReportSchema = z.strictObject({
  version: z.literal(HARVEST_REPORT_VERSION),
  /** When the run started (ISO 8601). */
  generated: z.string(),
  /** The day written into harvested_on (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dry_run: z.boolean(),
  shard: z.strictObject({ index: z.int().positive(), count: z.int().positive() }).optional(),
  organisations: z.array(organisationReportSchema),
});

export type HarvestReport = z.infer<typeof harvestReportSchema>;
export type OrganisationReport = z.infer<typeof organisationReportSchema>;
export type SourceReport = z.infer<typeof sourceReportSchema>;
export type WrittenFile = z.infer<typeof writtenSchema>;

/** An organisation's report has something a person should see: a change, something gone or refused, or reuse. */
export function hasNews(report: OrganisationReport): boolean {
  return report.written.length + report.gone.length + report.refused.length + report.uses.length > 0;
}
