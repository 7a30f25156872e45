/**
 * Keeping GitHub in step with the issue: the issue read again, its one comment and its labels, and the
 * decision of what to do. It is the one module that drives a run; the repository's side (branch, file,
 * pull request) is in branch-and-pull-request.ts, and everything said comes from the text modules.
 */
import type { Octokit } from 'octokit';
import { explainError, statusOf } from '../client.ts';
import { identifyIssueForm, MAX_ISSUE_BODY } from '../issue-form.ts';
import { formLanguages } from '../../contribute/form-model.ts';
import { plural } from '../../format.ts';
import { REPOSITORY_NAME } from '../pr-comment.ts';
import { writePullRequest, type PullSummary } from './branch-and-pull-request.ts';
import { IssueToPrError } from './error.ts';
import { callGitHub, findOnGitHub } from './github-requests.ts';
import { closedPullRequestComment, openedComment, problemsComment, unreadableComment } from './issue-comments.ts';
import { issueSnapshot, skipReason, type IssueEvent, type IssueSnapshot } from './issue-event.ts';
import { loadIssueHub, type IssueHub } from './issue-hub.ts';
import { branchFor, isOurIssueComment, NEEDS_CHANGES_LABEL, PULL_REQUEST_LABEL, type Comment } from './issue-markers.ts';
import type { IssueProblem } from './issue-problem.ts';
import { pullRequestText } from './pull-request-text.ts';
import { planContribution } from './record-plan.ts';

export interface SyncOptions {
  octokit: Octokit;
  /** owner/name. */
  repository: string;
  event: IssueEvent;
  /** The default branch's content folder (the job's checkout). */
  contentDir: string;
  /** https://github.com, or GITHUB_SERVER_URL. */
  serverUrl?: string;
  /** Also treat comments by this login as ours (when the token is a user's, not a bot's). */
  botLogin?: string;
  hub?: IssueHub;
  log?: (line: string) => void;
}

export type SyncAction = 'skipped' | 'needs-changes' | 'unreadable' | 'opened' | 'updated' | 'unchanged' | 'pull-request-closed' | 'merged';

export interface SyncResult {
  action: SyncAction;
  message: string;
  pullRequest?: number;
  commentId?: number;
  problems?: IssueProblem[];
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  if (!REPOSITORY_NAME.test(repository) || repository.includes('..'))
    throw new IssueToPrError(`--repo must be owner/name, e.g. council-commons/council-commons, not "${repository}".`);
  const [owner, repo] = repository.split('/') as [string, string];
  return { owner, repo };
}

export async function syncIssue(options: SyncOptions): Promise<SyncResult> {
  const { octokit, event } = options;
  const { owner, repo } = splitRepository(options.repository);
  const log = options.log ?? (() => {});
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const number = event.issue.number;
  const where = `issue #${number} in ${owner}/${repo}`;

  const early = skipReason(event);
  if (early) return { action: 'skipped', message: early };

  // The issue as it is now: a run that waited in the queue must not write older answers.
  let issue: IssueSnapshot;
  try {
    issue = issueSnapshot((await octokit.rest.issues.get({ owner, repo, issue_number: number })).data);
  } catch (error) {
    if (error instanceof IssueToPrError) throw error;
    if (statusOf(error) === 404) {
      throw new IssueToPrError(
        `GitHub found no ${where} (404): the issue may have been deleted or transferred, the repository renamed, ` +
          `or the token may not see it. Nothing was done.`,
      );
    }
    throw new IssueToPrError(explainError(error, `read ${where}`));
  }
  const later = skipReason({ ...event, issue });
  if (later) return { action: 'skipped', message: later };

  // Our comment, if there is one.
  let existing: Comment | undefined;
  await callGitHub(`read the comments on ${where}`, async () => {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 100,
    })) {
      existing = page.data.find((comment) => isOurIssueComment(comment, options.botLogin));
      if (existing) break;
    }
  });
  const comment = async (body: string): Promise<number> => {
    if (existing) {
      if (existing.body !== body)
        await callGitHub(`update the comment on ${where}`, () =>
          octokit.rest.issues.updateComment({ owner, repo, comment_id: existing!.id, body }),
        );
      return existing.id;
    }
    const created = await callGitHub(`comment on ${where}`, () =>
      octokit.rest.issues.createComment({ owner, repo, issue_number: number, body }),
    );
    existing = { id: created.data.id, body };
    return created.data.id;
  };
  const labelled = new Set(issue.labels);
  const addLabel = async (name: string) => {
    if (labelled.has(name)) return;
    await callGitHub(`label ${where}`, () => octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: [name] }));
    labelled.add(name);
  };
  const removeLabel = async (name: string) => {
    if (!labelled.has(name)) return;
    await findOnGitHub(`remove the label ${name} from ${where}`, () =>
      octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name }),
    );
    labelled.delete(name);
  };

  // Which form, and the answers.
  if (issue.body.length > MAX_ISSUE_BODY) {
    const reason =
      `the issue is ${issue.body.length.toLocaleString('en-GB')} characters long, ` +
      `more than the ${MAX_ISSUE_BODY.toLocaleString('en-GB')} GitHub allows in an issue, so it was not read. Shorten the text`;
    const commentId = await comment(unreadableComment(reason, serverUrl, `${owner}/${repo}`));
    await addLabel(NEEDS_CHANGES_LABEL);
    return {
      action: 'unreadable',
      commentId,
      message: `Issue #${number} is too long to read (${issue.body.length} characters); said so in a comment.`,
    };
  }
  const hub = options.hub ?? loadIssueHub(options.contentDir);
  const definition = identifyIssueForm(issue.body, issue.labels, formLanguages(hub.context.languages));
  if (!definition) {
    const reason =
      'this issue has the new-record label, but it is not one of the hub’s forms for sharing a record (or it has the labels of several), ' +
      'so no pull request can be made from it';
    const commentId = await comment(unreadableComment(reason, serverUrl, `${owner}/${repo}`));
    await addLabel(NEEDS_CHANGES_LABEL);
    return { action: 'unreadable', commentId, message: `Issue #${number} is not from one of the hub's forms; said so in a comment.` };
  }
  const plan = planContribution(issue.body, definition, options.contentDir, hub);

  // The pull request this issue already has, if any.
  const branch = branchFor(number);
  const pulls = (
    await callGitHub(`look for the pull request of ${where}`, () =>
      octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state: 'all', per_page: 100 }),
    )
  ).data as PullSummary[];
  const open = pulls.find((pull) => pull.state === 'open');
  const merged = pulls.find((pull) => pull.merged_at);
  if (!open && merged)
    return {
      action: 'merged',
      pullRequest: merged.number,
      message: `Issue #${number}'s pull request #${merged.number} is already merged: nothing to do.`,
    };
  if (!open && pulls.length > 0) {
    const closed = pulls[0]!.number;
    const commentId = await comment(closedPullRequestComment(closed));
    return {
      action: 'pull-request-closed',
      pullRequest: closed,
      commentId,
      message: `Issue #${number}'s pull request #${closed} was closed without merging; nothing was changed.`,
    };
  }

  if (!plan.file) {
    const commentId = await comment(problemsComment(plan, open?.number));
    await addLabel(NEEDS_CHANGES_LABEL);
    log(`Issue #${number}: ${plural(plan.problems.length, 'problem')} to fix.`);
    return {
      action: 'needs-changes',
      commentId,
      problems: plan.problems,
      ...(open ? { pullRequest: open.number } : {}),
      message: `Listed ${plural(plan.problems.length, 'problem')} on issue #${number}.`,
    };
  }

  const text = pullRequestText(plan, issue, options.contentDir);
  const file = plan.file;

  const { pullRequest, action } = await writePullRequest(
    { octokit, owner, repo, number, where, branch, defaultBranch: options.event.defaultBranch },
    plan,
    file,
    text,
    open,
  );

  // "Updated" after a change; an unchanged run keeps whatever the comment said, so nothing is written.
  const updated = action === 'updated' || (action === 'unchanged' && existing?.body?.includes('## ✅ Pull request updated') === true);
  const body = openedComment(plan, pullRequest, updated);
  const commentId = await comment(body);
  await removeLabel(NEEDS_CHANGES_LABEL);
  await addLabel(PULL_REQUEST_LABEL);
  const said: Record<string, string> = {
    opened: `Opened pull request #${pullRequest} for issue #${number} (${file.path}).`,
    updated: `Updated ${file.path} on pull request #${pullRequest} from issue #${number}.`,
    unchanged: `Pull request #${pullRequest} already has issue #${number}'s answers.`,
  };
  return { action, pullRequest, commentId, message: said[action] ?? '' };
}
