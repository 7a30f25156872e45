/**
 * Keeps one comment on a pull request up to date with its report. Runs in a trusted job (a
 * `workflow_run` job on the default branch, with a write token); the report was made by the pull
 * request's code, so it is untrusted data: it has passed the schema (report.ts) and is only ever shown
 * through render.ts. The maintainers mentioned come from the default branch's content on disk, and the
 * author from GitHub's own answer, never from the report.
 */
import type { Octokit } from 'octokit';
import { explainError, statusOf } from './client.ts';
import { readOrganisation, type OrganisationFacts } from './ownership.ts';
import { COMMENT_MARKER, renderReport } from './render.ts';
import type { PrReport } from './report.ts';

export interface CommentOptions {
  octokit: Octokit;
  /** owner/name. */
  repository: string;
  report: PrReport;
  /** The trusted content folder (the default branch's checkout), for the maintainers to mention. */
  contentDir: string;
  siteUrl?: string;
  serverUrl?: string;
  /** The commit the workflow ran on, from the workflow_run event: the report must be for it. */
  expectedHead?: string;
  /** Also treat comments by this login as ours (when the token is a user's, not a bot's). */
  botLogin?: string;
  log?: (line: string) => void;
}

export interface CommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  message: string;
  commentId?: number;
  body?: string;
}

/** A failure to explain and stop on (exit code 1). */
export class CommentError extends Error {}

export const REPOSITORY_NAME = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

export function splitRepository(repository: string): { owner: string; repo: string } {
  if (!REPOSITORY_NAME.test(repository) || repository.includes('..'))
    throw new CommentError(`--repo must be owner/name, e.g. council-commons/council-commons, not "${repository}".`);
  const [owner, repo] = repository.split('/');
  return { owner, repo };
}

export function trustedMaintainers(contentDir: string): (organisation: string) => OrganisationFacts | undefined {
  const cache = new Map<string, OrganisationFacts | undefined>();
  return (organisation) => {
    if (!cache.has(organisation)) cache.set(organisation, readOrganisation(contentDir, organisation));
    return cache.get(organisation);
  };
}

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

/** Our earlier comment: one that starts with the marker and was written by a bot (or by botLogin). */
export function isOurComment(comment: IssueComment, botLogin?: string): boolean {
  if (!comment.body?.startsWith(COMMENT_MARKER)) return false;
  return comment.user?.type === 'Bot' || (botLogin !== undefined && comment.user?.login?.toLowerCase() === botLogin.toLowerCase());
}

export async function syncComment(options: CommentOptions): Promise<CommentResult> {
  const { octokit, report } = options;
  const { owner, repo } = splitRepository(options.repository);
  const log = options.log ?? (() => {});
  if (options.expectedHead && options.expectedHead !== report.head) {
    throw new CommentError(
      `the report is for commit ${report.head}, but the workflow run that made it was for ${options.expectedHead}: the report was refused.`,
    );
  }

  let pull: Awaited<ReturnType<Octokit['rest']['pulls']['get']>>['data'];
  try {
    pull = (await octokit.rest.pulls.get({ owner, repo, pull_number: report.pr })).data;
  } catch (error) {
    if (statusOf(error) === 404)
      throw new CommentError(`the pull request #${report.pr} was not found in ${owner}/${repo}: was it deleted?`);
    throw new CommentError(explainError(error, `read pull request #${report.pr} in ${owner}/${repo}`));
  }
  if (pull.head.sha !== report.head) {
    return {
      action: 'skipped',
      message:
        `Pull request #${report.pr} has moved on to commit ${pull.head.sha.slice(0, 12)}; this report is ` +
        `for ${report.head.slice(0, 12)}. Nothing was written: the newer commit's checks will make a newer report.`,
    };
  }
  if (pull.state !== 'open') {
    return { action: 'skipped', message: `Pull request #${report.pr} is ${pull.merged_at ? 'merged' : 'closed'}; nothing was written.` };
  }

  const body = renderReport(report, {
    marker: COMMENT_MARKER,
    repository: `${owner}/${repo}`,
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    trusted: trustedMaintainers(options.contentDir),
    author: pull.user?.login ?? null,
  });

  let existing: IssueComment | undefined;
  try {
    let pages = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: report.pr,
      per_page: 100,
    })) {
      pages++;
      existing = page.data.find((comment) => isOurComment(comment, options.botLogin));
      if (existing) break;
    }
    log(
      `Read ${pages} page${pages === 1 ? '' : 's'} of comments on ` +
        `#${report.pr}${existing ? `; found the report comment ${existing.id}` : '; no report comment yet'}.`,
    );
  } catch (error) {
    throw new CommentError(explainError(error, `read the comments on pull request #${report.pr}`));
  }

  try {
    if (existing) {
      if (existing.body === body)
        return { action: 'unchanged', commentId: existing.id, body, message: `The report comment on #${report.pr} is already up to date.` };
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { action: 'updated', commentId: existing.id, body, message: `Updated the report comment on #${report.pr}.` };
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: report.pr, body });
    return { action: 'created', commentId: created.data.id, body, message: `Commented on #${report.pr}.` };
  } catch (error) {
    throw new CommentError(explainError(error, `${existing ? 'update' : 'write'} the comment on pull request #${report.pr}`));
  }
}
