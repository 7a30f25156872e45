/**
 * The pull-request report in Markdown: the job summary that pr-report writes (summary.md) and the
 * comment that pr-comment keeps on the pull request. Both are built from a report that passed the
 * schema in report.ts, and every string from it goes through markdown.ts: nothing in a report can add
 * HTML, a link, an image, a mention or a reference. Links are built here, only to the hub's own pages
 * and to the repository's files, from ids and paths checked against strict patterns. Mentions are made
 * only from `trusted` maintainers (the comment reads them from the default branch on disk): of the
 * organisations whose records change, and of those with similar work, so they can be asked to review.
 */
import { RECORD_COLLECTIONS } from '../../../schemas/collections.ts';
import { code, inline, link, takeWithin, text } from './markdown.ts';
import { plural } from '../format.ts';
import { authorStatus, mentionsOf } from './ownership.ts';
import type { Ownership, PrReport, RecordEntry, ReportProblem } from './report.ts';

export const COMMENT_MARKER = '<!-- council-commons-pr-report -->';
/** GitHub refuses comments longer than 65,536 characters; stay well inside. */
export const MAX_COMMENT_CHARS = 60_000;

export interface TrustedOrganisation {
  maintainers: string[];
  demonstration: boolean;
}

export interface RenderOptions {
  /** owner/name: file paths link to the files in the repository. */
  repository?: string;
  /** https://github.com, or GITHUB_SERVER_URL. */
  serverUrl?: string;
  /** The hub's address (with its base path): record titles link to their pages. Without it they link to their files. */
  siteUrl?: string;
  /** A first line, such as the hidden comment marker. */
  marker?: string;
  /**
   * The maintainers to mention, from a trusted source (the default branch's content on disk). Without
   * it nobody is mentioned and handles are shown as code.
   */
  trusted?: (organisation: string) => TrustedOrganisation | undefined;
  /** The author's login from a trusted source (GitHub's API); the report's is used otherwise. */
  author?: string | null;
  /**
   * Mention the maintainers of at most this many organisations whose records change, and of at most this
   * many with similar work (a report naming many is suspect). Default 10.
   */
  mentionLimit?: number;
  /** At most this many items of each list (records, problems, similar items). */
  listLimit?: number;
  maxChars?: number;
}

const SINGULAR: Record<string, string> = {
  organisations: 'Organisation',
  ...Object.fromEntries(
    RECORD_COLLECTIONS.map((collection) => [collection.name, collection.singular.charAt(0).toUpperCase() + collection.singular.slice(1)]),
  ),
};

const SAFE_PATH = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
const REPOSITORY = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

function normaliseUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    if (parsed.username || parsed.password || parsed.search || parsed.hash) return undefined;
    return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
  } catch {
    return undefined;
  }
}

class Links {
  readonly repository?: string;
  readonly server: string;
  readonly site?: string;
  constructor(options: RenderOptions) {
    if (options.repository && REPOSITORY.test(options.repository) && !options.repository.includes('..'))
      this.repository = options.repository;
    this.server = (normaliseUrl(options.serverUrl) ?? 'https://github.com/').replace(/\/$/, '');
    this.site = normaliseUrl(options.siteUrl);
  }

  /** A file in the repository at a commit, if the path is a plain one. */
  file(path: string, commit: string): string | undefined {
    if (!this.repository || !SAFE_PATH.test(path) || path.split('/').some((part) => part === '..' || part === '.')) return undefined;
    return `${this.server}/${this.repository}/blob/${commit}/${path}`;
  }

  /** A record's page on the hub (ids are checked against RECORD_ID by the schema). */
  page(id: string): string | undefined {
    return this.site ? `${this.site}${id}/` : undefined;
  }

  repoFile(path: string): string | undefined {
    return this.repository ? `${this.server}/${this.repository}/blob/HEAD/${path}` : undefined;
  }
}

function fileRef(links: Links, path: string, commit: string): string {
  const href = links.file(path, commit);
  return href ? `[${code(path, 400)}](${href})` : code(path, 400);
}

/** A record in a list: its kind, title (linked to its page, or file), organisation and file. */
function recordLine(links: Links, report: PrReport, entry: RecordEntry, removed: boolean): string {
  const kind = SINGULAR[entry.collection] ?? 'Record';
  const commit = removed ? report.base : report.head;
  const page = removed ? undefined : links.page(entry.id);
  const href = page ?? links.file(entry.file, commit);
  const title = href ? link(entry.title || entry.id, href, 200) : text(entry.title || entry.id, 200);
  const owner = entry.collection === 'organisations' ? '' : ` — ${text(entry.organisation.name || entry.organisation.id, 150)}`;
  const demo = entry.demonstration ? ' (demonstration)' : '';
  const moved = entry.previous ? `, moved from ${code(entry.previous.id, 250)}: its old address and id stop working` : '';
  return `- ${kind}: ${title}${owner}${demo} (${fileRef(links, entry.file, commit)}${moved})`;
}

function listSection(lines: string[], title: string, items: string[], leftOut: number, limit: number, budget: number): void {
  if (items.length === 0 && leftOut === 0) return;
  const { kept, left } = takeWithin(items.slice(0, limit), budget);
  const more = left + Math.max(0, items.length - limit) + leftOut;
  lines.push(`**${title}**`, '', ...kept);
  if (more > 0) lines.push(`- …and ${more.toLocaleString('en-GB')} more.`);
  lines.push('');
}

function problemLine(problem: ReportProblem): string {
  const where = [`line ${problem.line}`, `column ${problem.column}`, problem.field ? `field ${code(problem.field, 200)}` : '']
    .filter(Boolean)
    .join(', ');
  const label = problem.severity === 'error' ? '❌ **Error**' : '⚠️ Warning';
  const fix = problem.fix ? `\n  - Fix: ${inline(capitalise(problem.fix), 500)}` : '';
  return `- ${label} (${where}): ${inline(capitalise(problem.message), 1000)}${fix}`;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function problemsSection(lines: string[], links: Links, report: PrReport, limit: number, budget: number): void {
  const { problems } = report.validation;
  const total = report.validation.errors + report.validation.warnings;
  if (total === 0) return;
  lines.push(report.validation.errors > 0 ? '### Problems to fix' : '### Advice', '');
  const shown: string[] = [];
  let current = '';
  let changedHeading = false;
  let otherHeading = false;
  let listed = 0;
  for (const problem of problems) {
    if (listed >= limit) break;
    if (problem.inChangedFile && !changedHeading) changedHeading = true;
    if (!problem.inChangedFile && !otherHeading) {
      otherHeading = true;
      if (shown.length > 0) shown.push('');
      shown.push(
        '_In files this pull request does not change. It may still have caused ' +
          'them, for example by removing or renaming a record that they refer to._',
        '',
      );
      current = '';
    }
    if (problem.file !== current) {
      current = problem.file;
      shown.push(`${shown.length && shown.at(-1) !== '' ? '\n' : ''}${fileRef(links, problem.file, report.head)}`, '');
    }
    shown.push(problemLine(problem));
    listed++;
  }
  const { kept, left } = takeWithin(shown, budget);
  lines.push(...kept);
  const keptProblems = kept.filter((line) => line.startsWith('- ')).length;
  const more = total - keptProblems;
  if (more > 0 || left > 0) {
    lines.push(
      '',
      `…and ${plural(Math.max(more, 1), 'more problem')}: the job summary ` +
        'lists every one, and `npm run validate` shows them on your computer.',
    );
  }
  lines.push('');
}

function flagSentence(
  kind: string,
  name: string,
  author: string | null | undefined,
  added: string[],
  removed: string[],
  teams: string[],
): string {
  // The author's login is shown, never mentioned: they follow their own pull request anyway.
  const who = author ? text(`@${author}`, 60) : 'the author';
  const Who = author ? who : 'The author';
  const org = text(name, 150);
  switch (kind) {
    case 'not-maintainer':
      return `${Who} is not one of ${org}’s maintainers: check that they may change ${org}’s records.`;
    case 'maybe-in-team':
      return (
        `${Who} is not listed by name among ${org}’s maintainers; if they are ` +
        `in ${teams.length === 1 ? 'team ' : 'one of the teams '}${teams.map((team) => code(team, 140)).join(', ')}, ignore this.`
      );
    case 'no-maintainers':
      return `${org} lists no maintainers: check that ${who} works for or with ${org}.`;
    case 'author-unknown':
      return `The pull request’s author was not given, so the changes were not checked against ${org}’s maintainers.`;
    case 'maintainers-changed': {
      const parts = [
        added.length ? `adds ${added.map((handle) => code(handle, 140)).join(', ')}` : '',
        removed.length ? `removes ${removed.map((handle) => code(handle, 140)).join(', ')}` : '',
      ].filter(Boolean);
      return (
        `This pull request changes who maintains ${org}${parts.length ? ` (${parts.join('; ')})` : ''}. ` +
        'Only a hub maintainer should approve that; the change counts from when it is merged.'
      );
    }
    case 'new-organisation':
      return `${org} is new to the hub: check that it is a real body and that ${who} may speak for it.`;
    case 'organisation-removed':
      return `This pull request removes ${org}’s file: check that this is intended, and that nothing refers to it.`;
    default:
      return text(kind);
  }
}

/** Each handle is mentioned once in a comment (lowercase handles already mentioned are in `mentioned`); the rest are shown as code. */
function ownershipSection(
  lines: string[],
  report: PrReport,
  options: RenderOptions,
  mentioned: Set<string>,
  budget: number,
  limit: number,
): void {
  if (report.ownership.length === 0) return;
  lines.push('### Whose records these are', '');
  const author = options.author !== undefined ? options.author : report.author;
  const items: string[] = [];
  let flagged = 0;
  const mentionLimit = report.ownership.length <= (options.mentionLimit ?? 10);
  if (!mentionLimit && options.trusted)
    lines.push(
      `_This pull request touches ${plural(report.ownership.length, 'organisation')}' ` +
        'records, so no maintainers are mentioned: a hub maintainer should review it._',
      '',
    );
  for (const entry of report.ownership.slice(0, limit)) {
    items.push(...ownershipItem(entry, options, author, mentioned, mentionLimit));
    flagged += entry.flags.length > 0 ? 1 : 0;
  }
  const { kept, left } = takeWithin(items, budget);
  lines.push(...kept);
  const more = report.ownership.length - Math.min(limit, report.ownership.length) + (left > 0 ? 1 : 0);
  if (more > 0) lines.push(`- …and more organisations: see the job summary.`);
  if (flagged > 0) lines.push('', '_⚠️ marks something for a hub maintainer to check before merging._');
  lines.push('');
}

function ownershipItem(
  entry: Ownership,
  options: RenderOptions,
  author: string | null | undefined,
  mentioned: Set<string>,
  mayMentionAny: boolean,
): string[] {
  const trusted = options.trusted ? options.trusted(entry.organisation.id) : undefined;
  const demonstration = trusted ? trusted.demonstration : entry.demonstration;
  // With a trusted source, the report's own list of maintainers is never used: an organisation the
  // default branch does not have yet has none.
  const maintainers = options.trusted ? mentionsOf(trusted?.maintainers ?? []) : mentionsOf(entry.maintainers);
  // Mention only maintainers from a trusted source, never a demonstration body's (fictional handles may be real people), each once.
  const mayMention = mayMentionAny && options.trusted !== undefined && trusted !== undefined && !demonstration;
  const shown = showHandles(maintainers, mayMention, mentioned);
  const name = entry.organisation.name || entry.organisation.id;
  const head =
    `- **${text(name, 150)}**${demonstration ? ' (demonstration: its maintainers are fictional and are not notified)' : ''}: ` +
    `${plural(entry.records.length + entry.recordsLeftOut, 'record or file', 'records or files')} in this pull request; ` +
    `${maintainers.length ? `maintained by ${shown.join(', ')}` : 'no maintainers listed'}.`;
  const teams = maintainers.filter((handle) => handle.includes('/'));
  const status = authorStatus(author, maintainers);
  const kinds: string[] = [];
  if (status === 'unknown') kinds.push('author-unknown');
  else if (status === 'no-maintainers') kinds.push('no-maintainers');
  else if (status === 'not-listed') kinds.push('not-maintainer');
  else if (status === 'maybe-in-team') kinds.push('maybe-in-team');
  if (options.trusted && !trusted && !entry.flags.some((flag) => flag.kind === 'new-organisation' || flag.kind === 'organisation-removed'))
    kinds.push('new-organisation');
  const lines = [head];
  for (const kind of kinds) lines.push(`  - ⚠️ ${flagSentence(kind, name, author, [], [], teams)}`);
  for (const flag of entry.flags) {
    if (!['maintainers-changed', 'new-organisation', 'organisation-removed'].includes(flag.kind)) continue;
    lines.push(`  - ⚠️ ${flagSentence(flag.kind, name, author, flag.added ?? [], flag.removed ?? [], teams)}`);
  }
  return lines;
}

/**
 * Handles as the comment shows them: mentioned when `mayMention` and not yet mentioned in this comment,
 * otherwise as code (shown, nobody notified).
 */
function showHandles(handles: readonly string[], mayMention: boolean, mentioned: Set<string>): string[] {
  return handles.map((handle) => {
    if (mayMention && !mentioned.has(handle.toLowerCase())) {
      mentioned.add(handle.toLowerCase());
      return handle;
    }
    return code(handle, 140);
  });
}

/** Components and datasets are duplicates to catch; roadmap items are work to share. Read from the id, checked against RECORD_ID. */
const isThing = (id: string) => id.startsWith('components/') || id.startsWith('datasets/');

/** What each similar-work section says: its heading, its introduction and each match's line. */
interface SimilarWords {
  heading: string;
  intro: string;
  /** The line of the added or changed record, before its matches; none when each match says it all. */
  itemLine?: (title: string) => string;
  matchLine: (item: string, title: string, by: string, score: string, reasons: string, who: string) => string;
}

const ROADMAP_WORDS: SimilarWords = {
  heading: '### Similar work already in the hub',
  intro:
    'Other organisations’ roadmap items that look like the same work. Talking to them may save you both time. ' +
    'Their maintainers are named, so that they can be asked to review.',
  itemLine: (title) => `- **${title}** may overlap with:`,
  matchLine: (_item, title, by, score, reasons, who) => `  - ${title} by ${by} (score ${score}): ${reasons} ${who}`,
};

const DUPLICATE_WORDS: SimilarWords = {
  heading: '### Already on the hub?',
  intro:
    'Added components and datasets that look like one another organisation has already shared (a strong match). ' +
    'Before merging, check it is not the same thing twice: reusing or joining theirs may be better than a copy kept apart.',
  matchLine: (item, title, by, score, reasons, who) =>
    `- **${item}** looks like ${title} already on the hub (from ${by}; score ${score}): ${reasons} ${who}`,
};

function similarSection(
  lines: string[],
  report: PrReport,
  links: Links,
  options: RenderOptions,
  mentioned: Set<string>,
  limit: number,
  budget: number,
  words: SimilarWords,
): void {
  const withMatches = report.similar.filter((item) => item.matches.length > 0 && isThing(item.id) === (words === DUPLICATE_WORDS));
  const items = withMatches.slice(0, limit);
  if (items.length === 0) return;
  // The organisation is read from the matched record's id (checked against RECORD_ID), so the maintainers
  // mentioned are those of the record's own organisation, whatever name the report gives it.
  const organisationOf = (id: string) => id.split('/')[1];
  const organisations = new Set(items.flatMap((item) => item.matches.map((match) => organisationOf(match.id))));
  const mayMentionAny = options.trusted !== undefined && organisations.size <= (options.mentionLimit ?? 10);
  lines.push(words.heading, '', words.intro, '');
  if (options.trusted && !mayMentionAny) {
    const many = plural(organisations.size, 'organisation');
    lines.push(`_Similar work by ${many} is listed, so no maintainers are mentioned: a hub maintainer can ask the right ones to review._`);
    lines.push('');
  }
  const out: string[] = [];
  for (const item of items) {
    const itemTitle = text(item.title || item.id, 200);
    if (words.itemLine) out.push(words.itemLine(itemTitle));
    for (const match of item.matches) {
      const href = links.page(match.id);
      const title = href ? link(match.title || match.id, href, 200) : `${text(match.title || match.id, 200)} (${code(match.id, 250)})`;
      // As in ownership: with a trusted source the report's maintainers count for nothing, and a
      // demonstration body's (fictional, maybe a real person's handle) are never mentioned.
      const trusted = options.trusted ? options.trusted(organisationOf(match.id)) : undefined;
      const demonstration = options.trusted ? trusted?.demonstration === true : match.demonstration;
      const maintainers = options.trusted ? mentionsOf(trusted?.maintainers ?? []) : mentionsOf(match.maintainers);
      const shown = showHandles(maintainers, mayMentionAny && trusted !== undefined && !demonstration, mentioned);
      const who = maintainers.length
        ? `Maintained by ${shown.join(', ')}${demonstration ? ' (demonstration: fictional, not notified)' : ''}.`
        : 'No maintainers listed.';
      const by = text(match.organisation.name || match.organisation.id, 150);
      out.push(words.matchLine(itemTitle, title, by, match.score.toFixed(2), text(match.reasons, 500), who));
    }
  }
  const { kept, left } = takeWithin(out, budget);
  lines.push(...kept);
  if (left > 0 || withMatches.length > limit) lines.push('- …and more: see the job summary.');
  lines.push('');
}

/** The report as Markdown, for the job summary or (with a marker and trusted maintainers) the pull-request comment. */
export function renderReport(report: PrReport, options: RenderOptions = {}): string {
  const links = new Links(options);
  const limit = options.listLimit ?? 50;
  const maxChars = options.maxChars ?? MAX_COMMENT_CHARS;
  const { errors, warnings } = report.validation;
  const lines: string[] = [];
  if (options.marker) lines.push(options.marker);
  lines.push(errors > 0 ? `## ❌ ${plural(errors, 'problem')} to fix` : '## ✅ Ready for review', '');

  const { added, changed, removed, leftOut } = report.records;
  const counts = [
    `${plural(added.length + leftOut.added, 'record')} added`,
    `${(changed.length + leftOut.changed).toLocaleString('en-GB')} changed`,
    `${(removed.length + leftOut.removed).toLocaleString('en-GB')} removed`,
  ].join(', ');
  lines.push(`Checked commit ${code(report.head.slice(0, 12))} of pull request #${report.pr}: ${counts}.`, '');
  if (errors > 0) {
    const inChanged = report.validation.errorsInChangedFiles;
    lines.push(
      `The checks found ${plural(errors, 'error')}` +
        `${inChanged < errors ? ` (${inChanged.toLocaleString('en-GB')} in files this pull request changes)` : ''}` +
        `${warnings ? ` and ${plural(warnings, 'warning')}` : ''}. ` +
        `Fix the errors below and commit again${options.marker ? ': this comment updates itself' : ', and the checks run again'}. ` +
        'Warnings are advice and do not stop merging.',
      '',
    );
  } else {
    lines.push(
      'The content has no errors' +
        `${warnings ? `, and ${plural(warnings, 'warning')} (advice: ${warnings === 1 ? 'it does' : 'they do'} not stop merging)` : ''}. ` +
        'A maintainer will review the pull request.',
      '',
    );
  }

  const body = Math.max(10_000, maxChars - 4_000);
  if (added.length + changed.length + removed.length + leftOut.added + leftOut.changed + leftOut.removed > 0) {
    lines.push('### What changes', '');
    listSection(
      lines,
      'Added',
      added.map((entry) => recordLine(links, report, entry, false)),
      leftOut.added,
      limit,
      body * 0.1,
    );
    listSection(
      lines,
      'Changed',
      changed.map((entry) => recordLine(links, report, entry, false)),
      leftOut.changed,
      limit,
      body * 0.1,
    );
    listSection(
      lines,
      'Removed',
      removed.map((entry) => recordLine(links, report, entry, true)),
      leftOut.removed,
      limit,
      body * 0.1,
    );
  }
  problemsSection(lines, links, report, limit, body * 0.4);
  // One set across both sections, so that each handle is mentioned once in the comment.
  const mentioned = new Set<string>();
  ownershipSection(lines, report, options, mentioned, body * 0.15, limit);
  // Duplicates first: they decide whether the pull request should be merged at all.
  similarSection(lines, report, links, options, mentioned, limit, body * 0.05, DUPLICATE_WORDS);
  similarSection(lines, report, links, options, mentioned, limit, body * 0.1, ROADMAP_WORDS);

  const guide = links.repoFile('CONTRIBUTING.md');
  lines.push(
    '---',
    `<sub>Written by the hub’s checks for commit ${code(report.head.slice(0, 12))}` +
      `${guide ? ` · [What the checks look at](${guide}#what-the-checks-look-at)` : ''}. ` +
      'Titles and messages come from the pull request and are shown as plain text.</sub>',
    '',
  );
  let markdown = lines.join('\n');
  if (markdown.length > maxChars)
    markdown = `${markdown.slice(0, maxChars - 200).replace(/\n[^\n]*$/, '')}\n\n…cut short: the job summary has everything.\n`;
  return markdown;
}
