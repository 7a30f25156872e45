/**
 * A component record from what GitHub itself says about a repository: for the many council
 * repositories without a publiccode.yml (in 2026, all of them in the UK). Pure: it takes GitHub's
 * answer, already checked against the schema below, and the README's text.
 *
 * Also here: whether a repository looks reusable at all (public, not archived, not a fork, an open
 * licence, a description, pushed within 24 months), in words, so that what is passed over says why.
 *
 * What changes every week without the software changing (the last push, stars, the size) never goes
 * into the record, so that a record's file changes only when what it says changes.
 */
import { z } from 'zod';
import type { Licence } from '../../../schemas/reference.ts';
import { isPrivateHost } from '../github/link-check.ts';
import { spdxLicence } from '../import/licence.ts';
import { listInWords } from '../format.ts';
import { oneLine, quote, shorten, toPlainText } from '../import/text.ts';
import { KEYWORD_THEMES, matchThemes } from '../import/themes.ts';
import { check, type PlannedRecord, type ThemeTerm } from '../import/types.ts';
import { webAddress } from '../import/values.ts';
import { slugify } from '../slug.ts';
import { firstParagraph } from './readme.ts';

/** GitHub's repository and owner names: letters, digits, `.`, `_` and `-` (owners: no `.` or `_`). */
const REPOSITORY_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The fields of a repository the harvest reads, from GET /orgs/{org}/repos, /users/{user}/repos and
 * /repos/{owner}/{repo}, in GitHub's own shape. Other fields are dropped. Anything from GitHub is still
 * bounded: a description of a megabyte is not a description.
 */
export const githubRepositorySchema = z.object({
  id: z.int(),
  name: z.string().regex(REPOSITORY_NAME),
  full_name: z.string().max(200),
  html_url: z.string().max(300),
  owner: z.object({ login: z.string().max(100) }),
  description: z.string().max(10_000).nullable().optional(),
  fork: z.boolean(),
  archived: z.boolean().optional().default(false),
  disabled: z.boolean().optional().default(false),
  private: z.boolean(),
  visibility: z.string().optional(),
  license: z
    .object({ key: z.string().max(100), name: z.string().max(300), spdx_id: z.string().max(100).nullable() })
    .nullable()
    .optional(),
  topics: z.array(z.string().max(100)).max(100).optional().default([]),
  homepage: z.string().max(2000).nullable().optional(),
  language: z.string().max(100).nullable().optional(),
  pushed_at: z.string().max(40).nullable().optional(),
  default_branch: z.string().max(300).optional(),
});

export type GitHubRepository = z.infer<typeof githubRepositorySchema>;

/** How long since the last push a repository still counts as alive. */
export const PUSHED_WITHIN_MONTHS = 24;

export interface RepositoryOptions {
  licences: ReadonlyMap<string, Licence>;
  themes: readonly ThemeTerm[];
}

const SUMMARY_MAX = 500;
const LANGUAGE_MAX = 60;

/** "bin-day-finder" → "Bin day finder"; "LBH_API-gateway" → "LBH API gateway"; "binDayFinder" → "Bin day finder". */
export function titleFromName(name: string): string {
  const words = name
    .replace(/\.git$/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[-_.\s]+/)
    .filter(Boolean)
    // Acronyms (API, LBH, GDS) stay as they are; other words read as a sentence.
    .map((word) => (/^[A-Z0-9]{2,}$/.test(word) && /[A-Z]/.test(word) ? word : word.toLowerCase()));
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The repository's description as a summary: plain text, on one line, at most 500 characters. Empty when there is nothing to read. */
export function summaryFrom(description: string | null | undefined): string {
  if (!description) return '';
  return shorten(toPlainText(description.slice(0, 4 * SUMMARY_MAX)), SUMMARY_MAX);
}

type LicenceVerdict = { value: string; note?: string } | { problem: string };

/**
 * The repository's licence as GitHub detected it, when the hub can take it for code: known to the hub
 * (data/reference/licences.csv), open and approved by the Open Source Initiative, as the validator
 * requires of code. GitHub's older ids (GPL-3.0) are written as the SPDX id they stand for.
 */
export function repositoryLicence(repository: GitHubRepository, licences: ReadonlyMap<string, Licence>): LicenceVerdict {
  const detected = repository.license;
  if (!detected) return { problem: 'GitHub finds no licence in it (add a LICENSE file, e.g. the MIT licence)' };
  const spdx = detected.spdx_id;
  if (!spdx || spdx === 'NOASSERTION') {
    return {
      problem:
        `GitHub cannot tell which licence its LICENSE file is (it says ${quote(oneLine(detected.name))}, ` +
        'SPDX NOASSERTION): use the unchanged text of a standard open-source licence',
    };
  }
  const known = spdxLicence(spdx, licences);
  if ('problem' in known) return { problem: `${known.problem}, so it cannot be shared as open source on the hub` };
  const licence = licences.get(known.value)!;
  if (!licence.open) return { problem: `its licence, ${licence.name} (${licence.id}), is not an open licence` };
  if (!licence.osiApproved)
    return {
      problem: `its licence, ${licence.name} (${licence.id}), is not one the Open Source Initiative approves, which code on the hub needs`,
    };
  return known;
}

/**
 * The problem with a licence the hub knows but cannot take for code (CC BY-NC, say): such a repository is
 * refused, with the reason, rather than quietly passed over like one with no licence at all, because its
 * publisher chose a licence and can be told what to change.
 */
export function closedLicence(repository: GitHubRepository, licences: ReadonlyMap<string, Licence>): string | undefined {
  const spdx = repository.license?.spdx_id;
  if (!spdx || spdx === 'NOASSERTION') return undefined;
  const known = spdxLicence(spdx, licences);
  if ('problem' in known) return undefined;
  const verdict = repositoryLicence(repository, licences);
  return 'problem' in verdict ? verdict.problem : undefined;
}

/** The day `months` calendar months before `now`, at the same time of day (UTC). */
function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now.getTime());
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/**
 * Why a repository does not look reusable, each reason in words; none when it does. A fork is not
 * judged here: a fork is evidence of reuse or nothing, never a component of its own.
 */
export function reusabilityProblems(repository: GitHubRepository, licences: ReadonlyMap<string, Licence>, now: Date): string[] {
  if (repository.private || (repository.visibility !== undefined && repository.visibility !== 'public')) return ['it is not public'];
  if (repository.archived) return ['it is archived'];
  if (repository.disabled) return ['GitHub has disabled it'];
  const problems: string[] = [];
  if (slugify(repository.name) === '') problems.push(`its name, ${quote(repository.name)}, has no letters or digits to name a record by`);
  if (summaryFrom(repository.description) === '')
    problems.push('it has no description on GitHub (add one in the repository’s About settings)');
  const licence = repositoryLicence(repository, licences);
  if ('problem' in licence) problems.push(licence.problem);
  const pushed = repository.pushed_at ? Date.parse(repository.pushed_at) : Number.NaN;
  if (Number.isNaN(pushed)) problems.push('GitHub gives no date of its last push');
  else if (pushed < monthsBefore(now, PUSHED_WITHIN_MONTHS).getTime()) {
    problems.push(`it was last pushed to on ${repository.pushed_at!.slice(0, 10)}, more than ${PUSHED_WITHIN_MONTHS} months ago`);
  }
  return problems;
}

/** An address compared loosely: no scheme, `www.`, `.git`, query, fragment or trailing slash; lower case. */
function looseAddress(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** The repository's homepage, when it is a web address the hub accepts and not just the repository again. */
export function homepageOf(repository: GitHubRepository): string | undefined {
  const homepage = webAddress(repository.homepage ?? undefined);
  if (!homepage) return undefined;
  if (isPrivateHost(new URL(homepage).hostname)) return undefined;
  if (looseAddress(homepage) === looseAddress(repository.html_url)) return undefined;
  return homepage;
}

/**
 * Plain text as inert Markdown: it reads as written and nothing in it makes a link, an image, emphasis,
 * code or HTML. Only the marks that can start something are escaped, so the file stays readable for
 * the person who may take the record over.
 */
export function markdownText(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]~|]/g, (mark) => `\\${mark}`)
      // Only an ampersand that would start an entity (&lt;, &#60;) needs escaping.
      .replace(/&(?=#?[a-z0-9]{1,32};)/gi, '\\&')
      // No < at all, so not even the validator's look for tags and event handlers finds one.
      .replace(/</g, '&lt;')
      .replace(/^(\s*)([#=+>-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}

/** The same text, for comparing a README's paragraph with the summary. */
function sameText(a: string, b: string): boolean {
  const loose = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return loose(a) === loose(b);
}

/**
 * A code component from a repository's own metadata: description → summary, detected licence →
 * licence, topics → themes, homepage → url, the repository → repository_url; the README's first
 * paragraph and the language in the Markdown text. Call it only for a repository without
 * reusabilityProblems: it assumes a description and a licence the hub accepts.
 */
export function componentFromRepository(
  repository: GitHubRepository,
  readme: string | undefined,
  options: RepositoryOptions,
): PlannedRecord {
  const notes: PlannedRecord['notes'] = [];
  const title = titleFromName(repository.name);
  const description = repository.description ?? '';
  const summary = summaryFrom(description);
  if (toPlainText(description.slice(0, 4 * SUMMARY_MAX)).length > SUMMARY_MAX)
    notes.push(
      check(
        'The repository’s description is longer than a summary may be ' +
          `(${SUMMARY_MAX} characters), so it was shortened: shorten it on GitHub.`,
        'summary',
      ),
    );
  const licence = repositoryLicence(repository, options.licences);
  if ('problem' in licence)
    throw new Error(
      `componentFromRepository was called for ${repository.full_name}, whose licence the hub cannot take: ${licence.problem}.`,
    );
  if (licence.note)
    notes.push(
      check(
        `Licence: GitHub detected ${repository.license?.spdx_id}, ` +
          `and ${licence.note}: check that the repository’s LICENSE file says the same.`,
        'licence',
      ),
    );
  // Sorted, so that the order GitHub happens to list topics in never changes the file.
  const topics = [...repository.topics].sort();
  const themes = matchThemes(topics, options.themes, KEYWORD_THEMES).themes;
  const homepage = homepageOf(repository);

  const fields: Record<string, unknown> = {
    title,
    summary,
    kind: 'code',
    licence: licence.value,
    repository_url: repository.html_url,
    ...(homepage ? { url: homepage } : {}),
    ...(themes.length > 0 ? { themes } : {}),
  };

  const sections: string[] = [];
  const paragraph = readme === undefined ? undefined : firstParagraph(readme);
  if (paragraph && !sameText(paragraph, summary)) sections.push(markdownText(paragraph));
  const language = repository.language ? shorten(toPlainText(repository.language), LANGUAGE_MAX) : '';
  if (language) sections.push(markdownText(`Written in ${language}.`));
  const body = sections.join('\n\n');

  return {
    collection: 'components',
    slug: slugify(repository.name),
    format: body ? 'markdown' : 'yaml',
    fields,
    ...(body ? { body: `\n${body}\n` } : {}),
    source: repository.full_name,
    origin: `the GitHub repository ${repository.full_name} (its description, licence, topics${paragraph ? ' and README' : ''})`,
    todo: [],
    notes,
    notMapped: [],
  };
}

/** The reasons a repository was passed over, as one sentence. */
export function reasonInWords(problems: readonly string[]): string {
  return `not harvested: ${listInWords([...problems])}`;
}
