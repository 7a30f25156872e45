/**
 * The pull request's title and body and the commit message, for a new record or an organisation's
 * changed details, with who sent it and whether they look after the organisation. Separate because
 * maintainers review from this text, and the record's own text appears in it only escaped.
 */
import { listInWords } from '../../format.ts';
import { issueFieldById } from '../issue-form.ts';
import { clean, code, text } from '../markdown.ts';
import { authorStatus, readOrganisation } from '../ownership.ts';
import type { ContributionPlan } from './contribution-plan.ts';
import type { IssueSnapshot } from './issue-event.ts';

export const PULL_REQUEST_CHECKS_NOTE =
  'GitHub does not start the hub’s checks (the check and ci workflows) by itself on a pull request that a workflow opened or updated. ' +
  'A maintainer starts them with **Approve workflows to run** in the pull request’s merge box; ' +
  'where GitHub does not offer that button, close the pull request and reopen it. Do it again after each update from the issue.';

export interface PullRequestText {
  title: string;
  body: string;
  commitMessage: string;
}

/** Whether the person who sent the issue looks after the organisation, said for the pull request. */
function ownershipLine(author: string | undefined, organisationName: string, maintainers: readonly string[]): string {
  const status = authorStatus(author, maintainers);
  const listed = maintainers.map((handle) => code(handle)).join(', ');
  const name = text(organisationName);
  const lines: Record<typeof status, string> = {
    listed: `@${author} is listed among ${name}’s maintainers.`,
    'maybe-in-team': `@${author} is not listed by name among ${name}’s maintainers (${listed}); they may be in one of its teams.`,
    'not-listed':
      `@${author} is not listed among ${name}’s maintainers (${listed}): ` +
      `ask them, or the organisation, whether this is theirs to share.`,
    'no-maintainers': `${name} has no maintainers listed yet: check with the organisation that @${author} may share its work.`,
    unknown: 'The issue’s author could not be read: check who shared this before merging.',
  };
  return lines[status];
}

/** The pull request's title and body and the commit message for a change to an organisation's details. */
function organisationPullRequestText(plan: ContributionPlan, issue: IssueSnapshot, contentDir: string): PullRequestText {
  const { definition } = plan;
  const organisationName = clean(plan.organisationName, 100);
  const path = plan.file!.path;
  const author = issue.author?.login;
  const before = readOrganisation(contentDir, plan.answers.organisation)?.maintainers ?? [];
  const label = (key: string) => issueFieldById(definition, key)?.label ?? key;
  const changed = (plan.changed ?? []).map((key) => `${text(label(key))}${plan.removed?.includes(key) ? ' (taken out)' : ''}`);
  const summary = listInWords(changed);
  const maintainersChange = plan.changed?.includes('maintainers')
    ? [
        '',
        `**Maintainers change:** this changes who is asked to review ${text(organisationName)}’s records` +
          `${before.length > 0 ? ` (today: ${before.map((handle) => code(handle)).join(', ')})` : ''}. ` +
          'Check with the organisation before merging.',
      ]
    : [];
  const body = [
    `Closes #${issue.number}`,
    '',
    `Changes ${text(organisationName)}’s details in ${code(path)}: ${summary}. ` +
      `Every other field, and the file’s comments, are as they were.`,
    '',
    `Sent by ${author ? `@${author}` : 'the author'} through the organisation form in #${issue.number}. This pull request was ` +
      `made by the issue-to-pr workflow from the issue’s answers, and the file passed the hub’s validator before it was opened. ` +
      `Editing the issue updates this pull request.`,
    '',
    `**Who sent it:** ${ownershipLine(author, organisationName, before)} The ownership flags in the bot comment are about this pull ` +
      `request’s author, which is the workflow, not the person who sent the changes: go by this line instead.`,
    ...maintainersChange,
    '',
    `**Checks:** ${PULL_REQUEST_CHECKS_NOTE}`,
  ].join('\n');
  const coAuthor = issue.author?.id
    ? `\n\nCo-authored-by: ${issue.author.login} <${issue.author.id}+${issue.author.login}@users.noreply.github.com>`
    : '';
  const fields = (plan.changed ?? []).map(label).join(', ');
  return {
    title: clean(`${organisationName}: organisation details (${fields})`, 200),
    body,
    commitMessage:
      `Update organisation ${clean(plan.answers.organisation, 80)} from issue #${issue.number}` + `\n\n${clean(fields, 400)}${coAuthor}`,
  };
}

/** The pull request's title and body and the commit message; the record's text is shown only escaped. */
export function pullRequestText(plan: ContributionPlan, issue: IssueSnapshot, contentDir: string): PullRequestText {
  if (plan.definition.kind === 'organisation') return organisationPullRequestText(plan, issue, contentDir);
  const { definition } = plan;
  const title = clean(plan.title, 150);
  const organisationName = clean(plan.organisationName, 100);
  const path = plan.file!.path;
  const author = issue.author?.login;
  const ownership = ownershipLine(author, organisationName, readOrganisation(contentDir, plan.answers.organisation)?.maintainers ?? []);
  const body = [
    `Closes #${issue.number}`,
    '',
    `Adds the ${definition.singular} “${text(title)}” for ${text(organisationName)}, in ${code(path)}.`,
    '',
    `Shared by ${author ? `@${author}` : 'the author'} through the issue form in #${issue.number}. This pull request was made ` +
      `by the issue-to-pr workflow from the issue’s answers, and the file passed the hub’s validator before it was opened. ` +
      `Editing the issue updates this pull request.`,
    '',
    `**Who shared it:** ${ownership} The ownership flags in the bot comment are about this pull request’s author, which is the workflow, ` +
      `not the person who shared the ${definition.singular}: go by this line instead.`,
    '',
    `**Checks:** ${PULL_REQUEST_CHECKS_NOTE}`,
  ].join('\n');
  const coAuthor = issue.author?.id
    ? `\n\nCo-authored-by: ${issue.author.login} <${issue.author.id}+${issue.author.login}@users.noreply.github.com>`
    : '';
  return {
    title: clean(`${organisationName}: ${title} (${definition.singular})`, 200),
    body,
    commitMessage:
      `Add ${definition.singular} ${clean(plan.answers.organisation, 80)}/${clean(plan.answers.slug, 80)} from issue ` +
      `#${issue.number}\n\n${title}${coAuthor}`,
  };
}
