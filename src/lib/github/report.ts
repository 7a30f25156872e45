/**
 * report.json: what `scripts/pr-report.ts` found in a pull request, written by the pull request's own
 * checkout (so by code the pull request may have changed) and read by `scripts/pr-comment.ts` in a
 * trusted job. This schema is the border between the two: pr-comment parses the file with it and
 * refuses anything else, so every field has a type, a pattern where one is possible, and a bound.
 *
 * Version 2. A change that old readers cannot read raises `version`. Version 2 added the maintainers of
 * each similar item's organisation (and whether it is a demonstration), so that they can be asked to
 * review; version 1 reports are refused, as a version 1 reader refuses version 2 ones.
 */
import { z } from 'zod';
import { RECORD_COLLECTION_NAMES } from '../../../schemas/collections.ts';
import { SLUG_PATTERN } from '../slug.ts';

export const REPORT_VERSION = 2;
/** pr-comment refuses a larger report file unread. */
export const MAX_REPORT_BYTES = 1024 * 1024;

/** What pr-report keeps, so that an honest report always fits the schema (and well under 1 MB). */
export const LIMITS = {
  problems: 400,
  records: 300,
  files: 500,
  ownership: 100,
  similar: 50,
  matches: 3,
  maintainers: 20,
  recordsPerOrganisation: 300,
  title: 200,
  name: 150,
  message: 1000,
  fix: 500,
  field: 200,
  file: 400,
  rule: 60,
  reasons: 500,
} as const;

const slugText = `[a-z0-9]+(?:-[a-z0-9]+)*`;
const COLLECTIONS = ['organisations', ...RECORD_COLLECTION_NAMES] as const;
/** roadmap/fenmoor/blue-badge-renewals-online, or organisations/fenmoor for an organisation. */
export const RECORD_ID = new RegExp(`^(?:(?:${RECORD_COLLECTION_NAMES.join('|')})/${slugText}/${slugText}|organisations/${slugText})$`);
/** A GitHub login, as GitHub allows them (bots end in [bot]). */
export const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
/** A maintainer as organisation files write one: octocat, @octocat or @org/team (schemas/fields.ts githubHandle). */
export const HANDLE = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,99})?$/;
export const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

const slug = z.string().max(80).regex(SLUG_PATTERN);
const recordId = z.string().max(250).regex(RECORD_ID);
const handle = z.string().max(140).regex(HANDLE);
const words = (max: number) => z.string().max(max);
/** A path as git gives it: any characters but line breaks and NUL; pr-comment links it only if it is a plain content path. */
const filePath = z
  .string()
  .min(1)
  .max(LIMITS.file)
  .regex(/^[^\u0000\r\n]+$/);
const count = z.number().int().min(0).max(10_000_000);

const organisationRef = z.strictObject({ id: slug, name: words(LIMITS.name) });

export const problemSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  rule: words(LIMITS.rule),
  file: filePath,
  line: count,
  column: count,
  field: words(LIMITS.field),
  message: words(LIMITS.message),
  fix: words(LIMITS.fix).optional(),
  /** Whether the pull request added, changed or renamed this file. */
  inChangedFile: z.boolean(),
});

export const recordEntrySchema = z
  .strictObject({
    collection: z.enum(COLLECTIONS),
    /** `<collection>/<organisation>/<slug>`, or `organisations/<id>`: also the page's path on the hub. */
    id: recordId,
    title: words(LIMITS.title),
    organisation: organisationRef,
    /** The file, relative to the repository. */
    file: filePath,
    /** The page on the hub, relative to its base: `/<id>/`. */
    page: z
      .string()
      .max(260)
      .regex(/^\/[a-z0-9/-]+\/$/),
    demonstration: z.boolean(),
    /** For a renamed or moved record: where it was. Its old id stops working. */
    previous: z.strictObject({ id: recordId, file: filePath }).optional(),
  })
  .refine((entry) => entry.page === pagePath(entry.id), { message: 'the page must be /<id>/', path: ['page'] });

export const OWNERSHIP_FLAGS = [
  'not-maintainer',
  'maybe-in-team',
  'no-maintainers',
  'author-unknown',
  'maintainers-changed',
  'new-organisation',
  'organisation-removed',
] as const;
export type OwnershipFlagKind = (typeof OWNERSHIP_FLAGS)[number];

export const ownershipSchema = z.strictObject({
  organisation: organisationRef,
  demonstration: z.boolean(),
  /** Its maintainers as the base branch lists them: the trusted version. */
  maintainers: z.array(handle).max(LIMITS.maintainers),
  /** Ids of the records and organisation file this pull request touches. */
  records: z.array(recordId).max(LIMITS.recordsPerOrganisation),
  recordsLeftOut: count,
  flags: z
    .array(
      z.strictObject({
        kind: z.enum(OWNERSHIP_FLAGS),
        message: words(LIMITS.message),
        added: z.array(handle).max(LIMITS.maintainers).optional(),
        removed: z.array(handle).max(LIMITS.maintainers).optional(),
      }),
    )
    .max(10),
});

export const similarSchema = z.strictObject({
  /** The added or changed roadmap item, or the added component or dataset (with strong matches only). */
  id: recordId,
  title: words(LIMITS.title),
  matches: z
    .array(
      z.strictObject({
        id: recordId,
        title: words(LIMITS.title),
        organisation: organisationRef,
        score: z.number().min(0).max(1),
        reasons: words(LIMITS.reasons),
        /**
         * The organisation's maintainers at the base commit, like ownership's: for the job summary only.
         * The comment mentions maintainers read from the default branch, never these.
         */
        maintainers: z.array(handle).max(LIMITS.maintainers),
        demonstration: z.boolean(),
      }),
    )
    .max(LIMITS.matches),
});

export const FILE_STATUSES = ['added', 'modified', 'deleted', 'renamed', 'copied', 'type-changed'] as const;

export const reportSchema = z.strictObject({
  version: z.literal(REPORT_VERSION),
  pr: z.number().int().min(1).max(100_000_000),
  base: z.string().regex(SHA),
  head: z.string().regex(SHA),
  /** The pull request author's login, as the workflow passed it; null when it was not given. */
  author: z.string().regex(LOGIN).nullable(),
  generated: z.iso.datetime(),
  validation: z.strictObject({
    /** Totals over the whole content, which the pull request may have broken anywhere. */
    errors: count,
    warnings: count,
    errorsInChangedFiles: count,
    warningsInChangedFiles: count,
    records: count,
    /** Problems in changed files first, then the rest; at most LIMITS.problems. */
    problems: z.array(problemSchema).max(LIMITS.problems),
  }),
  records: z.strictObject({
    added: z.array(recordEntrySchema).max(LIMITS.records),
    changed: z.array(recordEntrySchema).max(LIMITS.records),
    removed: z.array(recordEntrySchema).max(LIMITS.records),
    /** How many were left out of each list to keep the report small. */
    leftOut: z.strictObject({ added: count, changed: count, removed: count }),
  }),
  /** Every changed file under the content folder, as git reports it. */
  files: z.array(z.strictObject({ status: z.enum(FILE_STATUSES), file: filePath, previous: filePath.optional() })).max(LIMITS.files),
  filesLeftOut: count,
  ownership: z.array(ownershipSchema).max(LIMITS.ownership),
  similar: z.array(similarSchema).max(LIMITS.similar),
});

export type PrReport = z.infer<typeof reportSchema>;
export type ReportProblem = z.infer<typeof problemSchema>;
export type RecordEntry = z.infer<typeof recordEntrySchema>;
export type Ownership = z.infer<typeof ownershipSchema>;
export type Similar = z.infer<typeof similarSchema>;
export type FileStatus = (typeof FILE_STATUSES)[number];

export class ReportRefused extends Error {}

/**
 * Reads a report from its bytes as untrusted data: size first, then JSON, then the schema. Throws
 * ReportRefused with a message a maintainer can act on.
 */
export function parseReport(bytes: Uint8Array | string): PrReport {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > MAX_REPORT_BYTES) {
    throw new ReportRefused(
      `the report is ${(size / 1024 / 1024).toFixed(1)} MB, more than ` +
        `the ${MAX_REPORT_BYTES / 1024 / 1024} MB a report may be; it was not read.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new ReportRefused(`the report is not JSON (${(error as Error).message}).`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.map(String).join('.') || '(the whole report)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    throw new ReportRefused(`the report does not match report.json version ${REPORT_VERSION}: ${issues.join('; ')}${more}.`);
  }
  return parsed.data;
}

/** A record's page on the hub, relative to the site's base: /roadmap/fenmoor/x/. */
export function pagePath(id: string): string {
  return `/${id}/`;
}
