/**
 * The one comment the workflow keeps on the issue: the problems to fix, why the issue could not be read,
 * the pull request opened, or that it was closed. Separate because this is what the person reads, and
 * it is bounded here to stay under GitHub's comment limit.
 */
import { issueFieldById, type IssueFormDefinition } from '../issue-form.ts';
import { inline, takeWithin, text } from '../markdown.ts';
import { plural } from '../../format.ts';
import type { ContributionPlan } from './contribution-plan.ts';
import { ISSUE_COMMENT_MARKER } from './issue-markers.ts';
import type { IssueProblem } from './issue-problem.ts';
import { sentenceCase } from '../../labels.ts';
import { sentence } from './message-text.ts';
import { PULL_REQUEST_CHECKS_NOTE } from './pull-request-text.ts';

/** Problems listed in one comment; the rest are counted. */
const MAX_LISTED = 40;
/** Comments are cut well under GitHub's 65,536 characters. */
const MAX_COMMENT = 60_000;

function problemLine(problem: IssueProblem, definition: IssueFormDefinition): string {
  const field = problem.field ? issueFieldById(definition, problem.field) : undefined;
  const where =
    problem.item !== undefined
      ? ` (${field?.kind === 'groups' || field?.kind === 'variants' ? 'line' : 'item'} ` +
        `${problem.item}${problem.part ? `, ${problem.part.toLowerCase()}` : ''})`
      : '';
  const message = sentenceCase(problem.message);
  return field ? `- **${text(field.label)}**${where}: ${inline(message, 1200)}` : `- ${inline(message, 1200)}`;
}

function problemList(problems: readonly IssueProblem[], definition: IssueFormDefinition): string[] {
  const lines = problems.slice(0, MAX_LISTED).map((problem) => problemLine(problem, definition));
  const { kept, left } = takeWithin(lines, MAX_COMMENT - 3000);
  const more = left + Math.max(0, problems.length - MAX_LISTED);
  return more > 0 ? [...kept, `- …and ${plural(more, 'more problem')}, shown once these are fixed.`] : kept;
}

const EDIT_HELP =
  'To change an answer, edit this issue: open the **···** menu at the top of the issue, choose **Edit**, ' +
  'change the text under its heading and save. The check runs again by itself within a few minutes and updates this comment.';

export function problemsComment(plan: { definition: IssueFormDefinition; problems: IssueProblem[] }, pullRequest?: number): string {
  const { definition, problems } = plan;
  const count = problems.length;
  return [
    ISSUE_COMMENT_MARKER,
    `## ${count === 1 ? 'One answer needs' : 'Some answers need'} changing`,
    '',
    definition.kind === 'organisation'
      ? `Thank you for these changes. Before they can become a pull request, please fix ${count === 1 ? 'this' : `these ${count} things`}:`
      : `Thank you for sharing this ${definition.singular}. ` +
        `Before it can become a pull request, please fix ${count === 1 ? 'this' : `these ${count} things`}:`,
    '',
    ...problemList(problems, definition),
    '',
    EDIT_HELP,
    ...(pullRequest !== undefined
      ? ['', `Pull request #${pullRequest} keeps the last version that passed the checks until these are fixed.`]
      : []),
  ].join('\n');
}

/** When the issue is not one of the hub's forms, or cannot be read at all. */
export function unreadableComment(reason: string, serverUrl: string, repository: string): string {
  return [
    ISSUE_COMMENT_MARKER,
    '## This issue could not be read',
    '',
    inline(sentenceCase(sentence(reason)), 2000),
    '',
    `To share a record, open a new issue from one of the hub’s forms: ${serverUrl}/${repository}/issues/new/choose`,
  ].join('\n');
}

export function openedComment(plan: ContributionPlan, pullRequest: number, updated: boolean): string {
  const { definition } = plan;
  const lines = [
    ISSUE_COMMENT_MARKER,
    `## ✅ ${updated ? 'Pull request updated' : 'Pull request opened'}`,
    '',
    updated
      ? `Thank you: pull request #${pullRequest} now has this issue’s latest answers.`
      : definition.kind === 'organisation'
        ? `Thank you: your changes are now pull request #${pullRequest}. ` +
          `The hub’s maintainers will review it, and the organisation’s page shows them once they merge it.`
        : `Thank you: your ${definition.singular} is now pull request #${pullRequest}. ` +
          `The hub’s maintainers will review it, and it appears on the hub once they merge it.`,
  ];
  if (plan.warnings.length > 0) lines.push('', 'Worth checking (these do not stop it):', '', ...problemList(plan.warnings, definition));
  lines.push(
    '',
    'To change something before it is merged, edit this issue: the pull request is updated within a few minutes.',
    '',
    `<sub>For maintainers: ${PULL_REQUEST_CHECKS_NOTE}</sub>`,
  );
  return lines.join('\n');
}

export function closedPullRequestComment(pullRequest: number): string {
  return [
    ISSUE_COMMENT_MARKER,
    '## The pull request for this issue was closed',
    '',
    `Pull request #${pullRequest} was closed without being merged, so this issue’s changes were not applied. ` +
      `If that was a mistake, a maintainer can reopen it; the next edit of this issue then updates it.`,
  ].join('\n');
}
