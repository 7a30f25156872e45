/**
 * The weekly freshness check: for each organisation, the roadmap items past their `review_by` date,
 * (when links are checked) the records whose web addresses no longer work, and new similar work (other
 * organisations' roadmap items like its own, where either changed in the last 7 days:
 * src/lib/new-similar-work.ts), kept in ONE open issue per organisation that mentions its maintainers.
 *
 * Decisions:
 * - One issue per organisation, found by a hidden marker at the start of its body
 *   (`<!-- council-commons-freshness: <id> -->`) among open issues labelled `freshness` and written by a
 *   bot (or by --bot-login), so nobody else's issue is ever taken over. Duplicates (say from two runs at
 *   once) are closed as duplicates of the oldest.
 * - When nothing is left to check, the issue is closed as completed, with a comment saying so. If
 *   something needs checking again later, a new issue is opened (closed issues are history).
 * - Bodies hold no dates or counts of days that move on by themselves, so an unchanged situation writes
 *   nothing. (New similar work shows the day an item changed, which stays the same; the entry goes when
 *   the change is more than 7 days old.)
 * - New similar work is told to both organisations, each in its own issue, so an organisation with
 *   nothing else to check still gets one. The other organisation's maintainers are not mentioned there:
 *   they hear about it in their own issue.
 * - Organisations without maintainers: the hub maintainers team is mentioned instead.
 * - Demonstration organisations are skipped unless --include-demonstration; their issues then say so and
 *   mention nobody (their maintainers are fictional, and a fictional handle may be a real person's).
 * - A run without --check-links keeps the link findings of the last run that checked them, and never
 *   closes an issue that still lists broken links.
 */
import type { Octokit } from 'octokit';
import type { ContentRecord, HubContent } from '../content-files/types.ts';
import { isPastReview } from '../freshness.ts';
import type { NewSimilarWork } from '../new-similar-work.ts';
import { explainError } from './client.ts';
import { type LinkResult, needsAttention } from './link-check.ts';
import { code, link, text } from './markdown.ts';
import { plural } from '../format.ts';
import { mentionsOf } from './ownership.ts';

export const FRESHNESS_LABEL = 'freshness';
export const freshnessMarker = (organisation: string) => `<!-- council-commons-freshness: ${organisation} -->`;
const MARKER = /^<!-- council-commons-freshness: ([a-z0-9]+(?:-[a-z0-9]+)*) -->/;
const LINKS_START = /<!-- links:start (\d+) -->\n([\s\S]*?)<!-- links:end -->/;

export interface OverdueItem {
  id: string;
  title: string;
  file: string;
  reviewBy: string;
}

export interface LinkUse {
  organisation: string;
  /** The record id, or organisations/<id> for an organisation's own website. */
  id: string;
  title: string;
  file: string;
  /** The field, as the validator names fields: links[1].url. */
  field: string;
  url: string;
}

export interface BrokenLink extends LinkUse {
  result: LinkResult;
}

export interface OrganisationCheck {
  id: string;
  name: string;
  file: string;
  demonstration: boolean;
  maintainers: string[];
  overdue: OverdueItem[];
  /** Undefined when links were not checked in this run. */
  links?: BrokenLink[];
  /** Other organisations' roadmap items like its own, where either changed in the last 7 days. */
  similar: NewSimilarWork[];
}

export function hasSomethingToCheck(check: OrganisationCheck): boolean {
  return check.overdue.length > 0 || (check.links?.length ?? 0) > 0 || check.similar.length > 0;
}

/** Most entries of new similar work in one issue: GitHub refuses bodies over 65,536 characters. */
export const MAX_SIMILAR_ENTRIES = 50;

/** Every web address in the content, with where it is written. */
export function linksInContent(content: HubContent, includeDemonstration: boolean): LinkUse[] {
  const demonstration = new Set(
    content.organisations.filter((organisation) => organisation.data.demonstration === true).map((organisation) => organisation.id),
  );
  const uses: LinkUse[] = [];
  for (const organisation of content.organisations) {
    if (!includeDemonstration && demonstration.has(organisation.id)) continue;
    if (organisation.data.website)
      uses.push({
        organisation: organisation.id,
        id: `organisations/${organisation.id}`,
        title: organisation.data.name,
        file: organisation.file,
        field: 'website',
        url: organisation.data.website,
      });
    if (organisation.data.contact?.startsWith('http'))
      uses.push({
        organisation: organisation.id,
        id: `organisations/${organisation.id}`,
        title: organisation.data.name,
        file: organisation.file,
        field: 'contact',
        url: organisation.data.contact,
      });
  }
  for (const record of content.records) {
    if (!includeDemonstration && demonstration.has(record.organisation)) continue;
    for (const [field, url] of recordUrls(record))
      uses.push({ organisation: record.organisation, id: record.id, title: record.data.title, file: record.file, field, url });
  }
  return uses;
}

function recordUrls(record: ContentRecord): [string, string][] {
  const urls: [string, string][] = [];
  const data = record.data as Record<string, unknown>;
  for (const field of ['landing_url', 'repository_url', 'url', 'source_url'])
    if (typeof data[field] === 'string') urls.push([field, data[field] as string]);
  if (typeof data.contact === 'string' && data.contact.startsWith('http')) urls.push(['contact', data.contact]);
  for (const list of ['links', 'distributions']) {
    const items = data[list];
    if (Array.isArray(items))
      items.forEach((item, index) => typeof item?.url === 'string' && urls.push([`${list}[${index}].url`, item.url]));
  }
  return urls;
}

/**
 * Each organisation in scope, with its overdue roadmap items, (when results are given) its broken links,
 * and (when given: src/lib/new-similar-work.ts) its new similar work.
 */
export function gatherChecks(
  content: HubContent,
  options: {
    today: string;
    includeDemonstration: boolean;
    linkResults?: Map<string, LinkResult>;
    links?: LinkUse[];
    similar?: ReadonlyMap<string, NewSimilarWork[]>;
  },
): OrganisationCheck[] {
  const checks = new Map<string, OrganisationCheck>();
  for (const organisation of content.organisations) {
    const demonstration = organisation.data.demonstration === true;
    if (demonstration && !options.includeDemonstration) continue;
    checks.set(organisation.id, {
      id: organisation.id,
      name: organisation.data.name,
      file: organisation.file,
      demonstration,
      maintainers: mentionsOf(organisation.data.maintainers ?? []),
      overdue: [],
      ...(options.linkResults ? { links: [] } : {}),
      similar: [...(options.similar?.get(organisation.id) ?? [])],
    });
  }
  for (const record of content.records) {
    if (record.collection !== 'roadmap') continue;
    const check = checks.get(record.organisation);
    if (check && isPastReview(record.data.review_by, options.today))
      check.overdue.push({ id: record.id, title: record.data.title, file: record.file, reviewBy: record.data.review_by! });
  }
  if (options.linkResults && options.links) {
    for (const use of options.links) {
      const result = options.linkResults.get(use.url);
      const check = checks.get(use.organisation);
      if (check?.links && result && needsAttention(result)) check.links.push({ ...use, result });
    }
  }
  for (const check of checks.values()) {
    check.overdue.sort((a, b) => (a.reviewBy < b.reviewBy ? -1 : a.reviewBy > b.reviewBy ? 1 : a.id < b.id ? -1 : 1));
    check.links?.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.field < b.field ? -1 : 1));
  }
  return [...checks.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export interface IssueContext {
  /** The hub's name (hub.config.yaml). */
  hubName: string;
  /** owner/name. */
  repository: string;
  /** The branch files are linked on. */
  branch: string;
  serverUrl: string;
  hubTeam: string;
  /** YYYY-MM-DD: the suggested next review date is six months on. */
  today: string;
}

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

function fileLinks(context: IssueContext, file: string): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  const base = `${context.serverUrl.replace(/\/+$/, '')}/${context.repository}`;
  return `[${code(file, 400)}](${base}/blob/${context.branch}/${path}) · [edit it](${base}/edit/${context.branch}/${path})`;
}

/** A file's page in the repository, for a link whose words are a title. */
function fileUrl(context: IssueContext, file: string): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${context.serverUrl.replace(/\/+$/, '')}/${context.repository}/blob/${context.branch}/${path}`;
}

function linkProblem(result: LinkResult): string {
  if (result.status === 'broken' && (result.httpStatus === 401 || result.httpStatus === 403 || result.httpStatus === 429)) {
    return (
      `${text(result.message, 200)}. Some sites turn away automated ` +
      'checks: open it in a browser, and if it works, nothing needs doing.'
    );
  }
  return `${text(result.message, 200)}.`;
}

export interface RenderedIssue {
  title: string;
  body: string;
}

/** One organisation's issue. `carriedLinks` is the previous run's link section, kept when links were not checked. */
export function renderIssue(
  check: OrganisationCheck,
  context: IssueContext,
  carriedLinks?: { count: number; section: string },
): RenderedIssue {
  const name = text(check.name, 150);
  const lines = [freshnessMarker(check.id)];
  const maintainers = check.maintainers;
  const linkCount = check.links ? check.links.length : (carriedLinks?.count ?? 0);
  // What the issue is about, in the first sentence: records to check, new similar work, or both.
  const toCheck = check.overdue.length > 0 || linkCount > 0;
  const about =
    toCheck && check.similar.length > 0
      ? `some of **${name}**’s records on ${context.hubName} need checking, and the hub has new work similar to theirs`
      : toCheck
        ? `some of **${name}**’s records on ${context.hubName} need checking`
        : `${context.hubName} has new work similar to **${name}**’s`;
  if (check.demonstration) {
    lines.push(
      `**${name}** is a fictional demonstration organisation: this issue shows how the weekly freshness check works. Its ` +
        `maintainers (${maintainers.map((handle) => code(handle, 140)).join(', ') || 'none'}) are fictional and are not notified.`,
    );
  } else if (maintainers.length > 0) {
    lines.push(`${maintainers.join(' ')}: ${about}. You are listed as ${name}’s maintainers in ${fileLinks(context, check.file)}.`);
  } else {
    lines.push(
      `${context.hubTeam}: ${about}, and ${name} lists no maintainers, so this is for the hub’s maintainers. ` +
        `(${name} can add its GitHub users or teams as \`maintainers\` in ${fileLinks(context, check.file)}.)`,
    );
  }
  lines.push('');
  if (check.overdue.length > 0) {
    const next = addMonths(context.today, 6);
    lines.push(
      `### Roadmap items past their review date (${check.overdue.length})`,
      '',
      'The hub shows these as out of date. For each, check that the status, dates, text and contact are still right, then ' +
        `set \`review_by\` to a later date, such as \`${next}\`. If the work has finished or stopped, say so in \`status\`.`,
      '',
    );
    for (const item of check.overdue)
      lines.push(`- **${text(item.title, 200)}**: to be reviewed by ${item.reviewBy}. ${fileLinks(context, item.file)}`);
    lines.push('');
  }
  if (check.links) {
    const section: string[] = [];
    if (linkCount > 0) {
      section.push(`### Links that do not work (${linkCount})`, '', 'Update each address, or remove it if the page has gone for good.', '');
      for (const broken of check.links) {
        section.push(
          `- **${text(broken.title, 200)}**, ${code(broken.field, 100)}: ${code(broken.url, 500)} ` +
            `${linkProblem(broken.result)} ${fileLinks(context, broken.file)}`,
        );
      }
      section.push('');
    }
    lines.push(`<!-- links:start ${linkCount} -->`, ...section, '<!-- links:end -->');
  } else if (carriedLinks) {
    lines.push(
      `<!-- links:start ${carriedLinks.count} -->`,
      ...(carriedLinks.section ? [carriedLinks.section.replace(/\n$/, '')] : []),
      '<!-- links:end -->',
    );
  }
  if (lines.at(-1) !== '') lines.push('');
  if (check.similar.length > 0) similarSection(lines, check.similar, context);
  lines.push(
    '---',
    '<sub>Kept up to date by the weekly freshness check (`scripts/freshness.ts`): it updates this issue while ' +
      'something is left to check and closes it when nothing is. The hub’s pages show the same review dates.</sub>',
    '',
  );
  const parts = [
    check.overdue.length ? `${plural(check.overdue.length, 'roadmap item')} to review` : '',
    linkCount ? `${plural(linkCount, 'link')} that ${linkCount === 1 ? 'does' : 'do'} not work` : '',
    check.similar.length ? `${plural(check.similar.length, 'item')} of new similar work` : '',
  ].filter(Boolean);
  return { title: `Freshness: ${check.name.slice(0, 120)} has ${parts.join(' and ') || 'nothing left to check'}`, body: lines.join('\n') };
}

/**
 * "New similar work": each pair from this organisation's side, with the reasons in words and links to
 * both items' files. It names the day the new item changed, which stays the same from week to week.
 */
function similarSection(lines: string[], similar: readonly NewSimilarWork[], context: IssueContext): void {
  lines.push(
    `### New similar work (${similar.length})`,
    '',
    'Other organisations have roadmap items that look like the same work as yours. ' +
      'In each pair, one or both items were added or changed in the last 7 days. ' +
      'Talking to them may save you both time. The other organisation hears about it in its own issue.',
    '',
  );
  for (const entry of similar.slice(0, MAX_SIMILAR_ENTRIES)) {
    const theirs = `**${link(entry.other.title, fileUrl(context, entry.other.file), 200)}**`;
    const yours = `**${link(entry.own.title, fileUrl(context, entry.own.file), 200)}**`;
    const when =
      entry.other.changed && entry.own.changed
        ? entry.other.changed === entry.own.changed
          ? `Both were added or changed on ${entry.own.changed}.`
          : `Theirs was added or changed on ${entry.other.changed}, yours on ${entry.own.changed}.`
        : entry.other.changed
          ? `Theirs was added or changed on ${entry.other.changed}.`
          : `Yours was added or changed on ${entry.own.changed}.`;
    lines.push(`- ${theirs} by ${text(entry.other.organisationName, 150)} looks like your ${yours}. ${text(entry.reasons, 500)} ${when}`);
  }
  const more = similar.length - MAX_SIMILAR_ENTRIES;
  if (more > 0) lines.push(`- …and ${more.toLocaleString('en-GB')} more: each roadmap item’s page on the hub lists its similar work.`);
  lines.push('');
}

/** The link section of an earlier issue body, if it had one. */
export function carriedLinksOf(body: string | null | undefined): { count: number; section: string } | undefined {
  const match = body ? LINKS_START.exec(body) : null;
  return match ? { count: Number(match[1]), section: match[2] } : undefined;
}

interface IssueLike {
  number: number;
  title: string;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
  pull_request?: unknown;
}

export function organisationOfIssue(issue: IssueLike, botLogin?: string): string | undefined {
  if (issue.pull_request) return undefined;
  const ours = issue.user?.type === 'Bot' || (botLogin !== undefined && issue.user?.login?.toLowerCase() === botLogin.toLowerCase());
  if (!ours) return undefined;
  return MARKER.exec(issue.body ?? '')?.[1];
}

export interface SyncOptions {
  octokit: Octokit;
  repository: string;
  checks: OrganisationCheck[];
  context: IssueContext;
  /** Whether links were checked in this run. */
  linksChecked: boolean;
  /** Organisations that exist in the content at all (in scope or not): issues for others are closed. */
  knownOrganisations: Set<string>;
  dryRun?: boolean;
  botLogin?: string;
  log?: (line: string) => void;
}

export interface SyncSummary {
  opened: number[];
  updated: number[];
  unchanged: number[];
  closed: number[];
  /** What would have been done, in a dry run. */
  planned: string[];
}

export class FreshnessError extends Error {}

export async function syncIssues(options: SyncOptions): Promise<SyncSummary> {
  const { octokit, context } = options;
  const [owner, repo] = options.repository.split('/');
  const log = options.log ?? (() => {});
  const summary: SyncSummary = { opened: [], updated: [], unchanged: [], closed: [], planned: [] };
  const call = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      throw new FreshnessError(explainError(error, what));
    }
  };

  // Our open issues, by organisation.
  const existing = new Map<string, IssueLike[]>();
  await call(`list the open ${FRESHNESS_LABEL} issues in ${options.repository}`, async () => {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      state: 'open',
      labels: FRESHNESS_LABEL,
      per_page: 100,
      sort: 'created',
      direction: 'asc',
    })) {
      for (const issue of page.data) {
        const organisation = organisationOfIssue(issue, options.botLogin);
        if (organisation) existing.set(organisation, [...(existing.get(organisation) ?? []), issue]);
      }
    }
  });
  for (const list of existing.values()) list.sort((a, b) => a.number - b.number);

  const write = async (description: string, action: () => Promise<unknown>) => {
    if (options.dryRun) {
      summary.planned.push(description);
      log(`Would ${description}.`);
      return;
    }
    await call(description, action);
    log(`${description.charAt(0).toUpperCase()}${description.slice(1)}.`);
  };
  const close = async (issue: IssueLike, organisation: string, comment: string, reason: 'completed' | 'not_planned') => {
    await write(`close #${issue.number} (${organisation})`, async () => {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: comment });
      await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: reason });
    });
    if (!options.dryRun) summary.closed.push(issue.number);
  };

  const inScope = new Set(options.checks.map((check) => check.id));
  for (const check of options.checks) {
    const [current, ...duplicates] = existing.get(check.id) ?? [];
    for (const duplicate of duplicates) {
      await close(
        duplicate,
        check.id,
        `Closing: this duplicates #${current.number}, which the freshness check keeps up to date for ${check.name}.`,
        'not_planned',
      );
    }
    const carried = !options.linksChecked && current ? carriedLinksOf(current.body) : undefined;
    const somethingLeft = hasSomethingToCheck(check) || (carried?.count ?? 0) > 0;
    if (!somethingLeft) {
      if (current) {
        await close(
          current,
          check.id,
          `Nothing is left to check for ${check.name}: every roadmap item is within its review date` +
            `${options.linksChecked ? ', every link works' : ''} and there is no new similar work. Thank you! ` +
            'Closing this issue; the weekly check opens a new one if something needs checking again.',
          'completed',
        );
      }
      continue;
    }
    const issue = renderIssue(check, context, carried);
    if (!current) {
      await write(`open an issue for ${check.id}: ${issue.title}`, async () => {
        const created = await octokit.rest.issues.create({ owner, repo, title: issue.title, body: issue.body, labels: [FRESHNESS_LABEL] });
        summary.opened.push(created.data.number);
      });
    } else if (current.title === issue.title && current.body === issue.body) {
      summary.unchanged.push(current.number);
      log(`#${current.number} (${check.id}) is up to date.`);
    } else {
      await write(`update #${current.number} (${check.id}): ${issue.title}`, () =>
        octokit.rest.issues.update({ owner, repo, issue_number: current.number, title: issue.title, body: issue.body }),
      );
      if (!options.dryRun) summary.updated.push(current.number);
    }
  }

  // Issues for organisations that have left the hub are closed; those out of scope (demonstration) are left alone.
  for (const [organisation, issues] of existing) {
    if (inScope.has(organisation) || options.knownOrganisations.has(organisation)) continue;
    for (const issue of issues)
      await close(
        issue,
        organisation,
        `The organisation \`${organisation}\` is no longer on the hub, so there is nothing to check. Closing.`,
        'not_planned',
      );
  }
  return summary;
}
