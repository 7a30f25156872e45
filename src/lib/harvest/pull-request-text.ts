/**
 * The text of a harvest pull request: its title, its body and its commit messages, from one
 * organisation's part of the harvest's report. Pure: the same report gives the same text, so a second
 * run with nothing new edits nothing.
 *
 * Everything in the report that came from outside (titles, addresses, reasons, source names) is
 * untrusted: it goes through markdown.ts (text, inline, code) and only https addresses become links, so
 * no upstream text can open HTML, a link, a mention or a reference. Mentions are made here, from
 * maintainers that parse as GitHub handles. The body stays under GitHub's 65,536 characters whatever the
 * report holds: long lists are shortened, saying how many more there are.
 */
import { clean, code, inline, link, takeWithin, text, BREAK } from '../github/markdown.ts';
import { plural } from '../format.ts';
import { sentenceCase } from '../labels.ts';
import { mentionsOf } from '../github/ownership.ts';
import type { OrganisationOutcome } from './pull-requests.ts';
import type { OrganisationReport, WrittenFile } from './report.ts';

/** GitHub refuses a pull request body over 65,536 characters; this leaves room to spare. */
export const MAX_PULL_REQUEST_BODY = 60_000;
/** Reasons shown for one refused item; the rest are counted. */
const MAX_REASONS = 10;

export const harvestMarker = (organisation: string) => `<!-- council-commons:harvest ${organisation} -->`;

export const HARVEST_CHECKS_NOTE =
  'When the harvest workflow runs with its own GITHUB_TOKEN (no GitHub App set up), GitHub does ' +
  'not start the hub’s checks (the check and ci workflows) on this pull request by itself: ' +
  'press **Approve workflows to run** in the merge box, or, where GitHub does not offer ' +
  'it, close the pull request and reopen it. Do it again after each weekly update.';

export interface PullRequestTextContext {
  /** The day of the harvest (YYYY-MM-DD), from the report. */
  date: string;
  /** The hub maintainers' team (@organisation/team), asked to review when the organisation lists no maintainers. */
  hubTeam: string;
  /** The shard of the run that made it, e.g. { index: 2, count: 4 }. */
  shard?: { index: number; count: number };
}

export interface HarvestPullRequestText {
  title: string;
  body: string;
}

/** An upstream address as a link when it is a plain https address; otherwise the words, with the address as code. */
function upstreamLink(words: unknown, address: string, max = 200): string {
  const href = httpsAddress(address);
  return href ? link(words, href, max) : `${text(words, max)} (${code(withoutCredentials(address), 300) || 'no address'})`;
}

/** An address as shown: a user name or password in it is left out, so a pull request never publishes one. */
function withoutCredentials(address: string): string {
  try {
    const url = new URL(address);
    if (!url.username && !url.password) return address;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return address.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
  }
}

/** The address, normalised, when it is https with no credentials and nothing that could end a Markdown link. */
function httpsAddress(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  return /^https:\/\/[^\s()<>[\]"'`\\]+$/.test(url.href) && url.href.length <= 2000 ? url.href : undefined;
}

/** A title for a list item: the record's title, or its address when it has none. */
const titleOf = (title: string | undefined, fallback: string) => (clean(title, 200) ? title : withoutCredentials(fallback));

/** A plain line for a title: clean, with no mention or reference GitHub would act on. */
function plainLine(value: string, max: number): string {
  return clean(value, max).replace(/([@#])/g, `$1${BREAK}`);
}

function count(written: readonly WrittenFile[], change: WrittenFile['change']): number {
  return written.filter((file) => file.change === change).length;
}

export function pullRequestTitle(report: OrganisationReport): string {
  const added = count(report.written, 'added');
  const updated = count(report.written, 'updated');
  const parts = [...(added ? [`${plural(added, 'record')} added`] : []), ...(updated ? [`${plural(updated, 'file')} updated`] : [])];
  return plainLine(`Harvest for ${report.name}: ${parts.join(', ') || 'no changes'}`, 200);
}

/** The commit message for one file: what and where from, on plain lines (no trailer can be slipped in). */
export function commitMessage(report: OrganisationReport, file: WrittenFile): string {
  const verb = file.change === 'added' ? 'Add' : 'Update';
  return (
    `Harvest ${report.organisation}: ${verb} ${file.path.replace(/^content\//, '')}\n\n${clean(file.title, 200) || 'Harvested'}, ` +
    `harvested from ${clean(withoutCredentials(file.upstream), 500)}`
  );
}

/** The commit message that puts back the base branch's version of a file this run no longer proposes. */
export function revertMessage(report: OrganisationReport, path: string): string {
  return (
    `Harvest ${report.organisation}: leave ${path.replace(/^content\//, '')} ` +
    'as it is\n\nThe latest harvest no longer proposes a change to it.'
  );
}

interface ListSection {
  heading: string;
  lead: string;
  items: string[];
  /** "refused item", for "…and 3 more refused items". */
  noun: [string, string];
}

function writtenItem(file: WrittenFile): string {
  return `- ${upstreamLink(titleOf(file.title, file.path), file.upstream)}, in ${code(file.path)}`;
}

function sections(report: OrganisationReport): ListSection[] {
  const name = text(report.name, 150);
  const organisationFile = `content/organisations/${report.organisation}.yaml`;
  const added = report.written.filter((file) => file.change === 'added');
  const updated = report.written.filter((file) => file.change === 'updated');
  const list: ListSection[] = [];
  if (added.length > 0) {
    list.push({
      heading: 'Added',
      lead: `New records from what ${name} publishes. Check each is ${name}’s to share and useful to other councils.`,
      items: added.map(writtenItem),
      noun: ['added record', 'added records'],
    });
  }
  if (updated.length > 0) {
    list.push({
      heading: 'Updated',
      lead:
        'Files the harvest already looks after, changed because their source changed (or, for ' +
        'the organisation file, because of reuse found below). The diff shows what changed.',
      items: updated.map(writtenItem),
      noun: ['updated file', 'updated files'],
    });
  }
  if (report.uses.length > 0) {
    list.push({
      heading: 'Reuse found',
      lead:
        `${name} has forks of these components, which are already on the hub: the harvest ` +
        `proposes them for \`uses\` in ${code(organisationFile)} rather than as new components.`,
      items: report.uses.map((use) => `- ${code(use.component, 300)}: ${upstreamLink('the fork', use.fork)}`),
      noun: ['component', 'components'],
    });
  }
  if (report.gone.length > 0) {
    list.push({
      heading: 'Gone from their source',
      lead:
        'These records came from the harvest, but their source no longer lists them. The harvest never deletes anything: delete ' +
        'each file in a pull request of its own, or keep it and look after it by hand (delete its `harvested_from` line).',
      items: report.gone.map(
        (gone) =>
          `- ${upstreamLink(titleOf(gone.title, gone.path), gone.upstream)}, ` +
          `in ${code(gone.path)}: ${inline(sentenceCase(gone.reason), 600)}`,
      ),
      noun: ['gone record', 'gone records'],
    });
  }
  if (report.refused.length > 0) {
    list.push({
      heading: 'Refused',
      lead:
        'Nothing was written for these. Each reason says what is wrong and where: the fix belongs where the item ' +
        'is published (its repository’s `publiccode.yml` or README, or the dataset on its portal), not in this ' +
        `pull request, and the next weekly run picks it up. ${name}’s maintainers are best placed to pass it on.`,
      items: report.refused.map((refusal) => {
        const reasons = refusal.reasons.slice(0, MAX_REASONS).map((reason) => `  - ${inline(sentenceCase(reason), 800)}`);
        const more = refusal.reasons.length - MAX_REASONS;
        if (more > 0) reasons.push(`  - …and ${plural(more, 'more reason')}.`);
        return [`- ${upstreamLink(titleOf(refusal.title, refusal.upstream), refusal.upstream)}:`, ...reasons].join('\n');
      }),
      noun: ['refused item', 'refused items'],
    });
  }
  if (report.hand_owned.length > 0) {
    list.push({
      heading: 'Looked after by hand',
      lead:
        'These records match something the harvest found, but they have no ' +
        '`harvested_from`, so they belong to people: the harvest left them alone.',
      items: report.hand_owned.map((owned) => `- ${code(owned.path)}, matching ${upstreamLink('its source', owned.upstream)}`),
      noun: ['record', 'records'],
    });
  }
  if (report.sources.length > 0) {
    list.push({
      heading: 'Where the harvest looked',
      lead: 'A source read only in part cannot say that a record has gone; the next run tries again.',
      items: report.sources.map((source) => {
        const status = source.complete ? 'read in full' : `read only in part${source.failure ? `: ${inline(source.failure, 600)}` : ''}`;
        return `- ${upstreamLink(source.label, source.address)}: ${status}`;
      }),
      noun: ['source', 'sources'],
    });
  }
  return list;
}

function renderSection(section: ListSection, items: string[], left: number): string {
  const more =
    left > 0
      ? [`- …and ${left.toLocaleString('en-GB')} more ${left === 1 ? section.noun[0] : section.noun[1]}, in the harvest run’s report.`]
      : [];
  return [`### ${section.heading} (${section.items.length.toLocaleString('en-GB')})`, '', section.lead, '', ...items, ...more].join('\n');
}

/**
 * Each list gets an equal share of what the fixed text leaves, smallest first, so that what a short list
 * does not use goes to the longer ones.
 */
function fitSections(list: ListSection[], budget: number): string[] {
  const out = new Map<ListSection, string>();
  let remaining = budget;
  const whole = new Map(list.map((section) => [section, renderSection(section, section.items, 0)]));
  const bySize = [...list].sort((a, b) => whole.get(a)!.length - whole.get(b)!.length);
  bySize.forEach((section, index) => {
    const share = Math.floor(remaining / (bySize.length - index));
    let rendered = whole.get(section)!;
    if (rendered.length + 2 > share) {
      const frame = renderSection(section, [], section.items.length).length + 2;
      const { kept, left } = takeWithin(section.items, Math.max(0, share - frame));
      rendered = renderSection(section, kept, left);
    }
    out.set(section, rendered);
    remaining -= rendered.length + 2;
  });
  return list.map((section) => out.get(section)!);
}

export function pullRequestText(report: OrganisationReport, context: PullRequestTextContext): HarvestPullRequestText {
  const name = text(report.name, 150);
  const organisationFile = code(`content/organisations/${report.organisation}.yaml`);
  const mentions = mentionsOf(report.maintainers);
  const review =
    mentions.length > 0
      ? `${mentions.join(' ')}: please review what the harvest proposes for ` +
        `**${name}**; you are listed as its maintainers in ${organisationFile}.`
      : `${context.hubTeam}: **${name}** lists no maintainers in ${organisationFile}, so this is for the hub’s maintainers to review.`;
  const totals = [
    plural(report.written.length, 'file') + ' written',
    `${report.unchanged.length.toLocaleString('en-GB')} unchanged`,
    `${report.gone.length.toLocaleString('en-GB')} gone`,
    `${report.refused.length.toLocaleString('en-GB')} refused`,
    `${report.hand_owned.length.toLocaleString('en-GB')} looked after by hand`,
    `${report.skipped.toLocaleString('en-GB')} passed over (not reusable, or left out by ${name})`,
  ].join(', ');
  const head = [
    harvestMarker(report.organisation),
    `## Harvest for ${name}`,
    '',
    `The weekly harvest read what **${name}** publishes (its GitHub repositories and open data, ` +
      `as listed in ${organisationFile}) and proposes the changes below. This run: ${totals}.`,
    '',
    review,
  ].join('\n');
  const foot = [
    '### How the harvest works',
    '',
    '- **Who looks after a record.** A record with `harvested_from` belongs to the harvest, which updates ' +
      'it each week from its source. To look after a record by hand instead, delete its `harvested_from` ' +
      'and `harvested_on` lines (here, or in any later pull request): the harvest never touches it again.',
    '- **Not wanted?** Closing this pull request is not enough: the next run proposes the same again. Add ' +
      'the repository or dataset to `harvest: leave_out`, or harvest only repositories with some GitHub ' +
      `topics with \`harvest: topics\`, or stop it with \`harvest: off: true\`, all in ${organisationFile}.`,
    `- **Checks.** ${HARVEST_CHECKS_NOTE}`,
    '',
    `<sub>Made by the harvest workflow from its run of ${context.date}` +
      `${context.shard ? ` (shard ${context.shard.index} of ${context.shard.count})` : ''}. ` +
      'Each weekly run updates this pull request rather than opening another.</sub>',
  ].join('\n');
  const list = sections(report);
  const budget = MAX_PULL_REQUEST_BODY - head.length - foot.length - 4;
  const body = [head, ...fitSections(list, budget), foot].join('\n\n') + '\n';
  return { title: pullRequestTitle(report), body: body.length <= MAX_PULL_REQUEST_BODY ? body : cutAtLine(body) };
}

/** A last resort that the budgets above leave unreachable: whole lines only, so no code span or escape is cut in two. */
function cutAtLine(body: string): string {
  const { kept } = takeWithin(body.split('\n'), MAX_PULL_REQUEST_BODY - 100);
  return `${kept.join('\n')}\n\n…(shortened to fit GitHub’s limit)\n`;
}

/** The job summary ($GITHUB_STEP_SUMMARY): a table of what happened to each organisation with files written, and the rest counted. */
export function runSummary(outcomes: readonly OrganisationOutcome[], pullUrl: (number: number) => string): string {
  const withFiles = outcomes.filter((outcome) => outcome.action !== 'nothing-written');
  const quiet = outcomes.length - withFiles.length;
  const lines = ['### Harvest pull requests', ''];
  if (withFiles.length > 0) {
    lines.push('| Organisation | What happened | Pull request |', '| --- | --- | --- |');
    for (const outcome of withFiles) {
      const said = outcome.message.startsWith(`${outcome.organisation}: `)
        ? outcome.message.slice(outcome.organisation.length + 2)
        : outcome.message;
      lines.push(
        `| ${code(outcome.organisation, 100)} | ${text(said, 600)} ` +
          `| ${outcome.pullRequest ? `[#${outcome.pullRequest}](${pullUrl(outcome.pullRequest)})` : '–'} |`,
      );
    }
    lines.push('');
  }
  lines.push(`${plural(quiet, 'organisation')} had nothing written, so no pull request.`, '');
  return lines.join('\n');
}
