/**
 * The repository's side of an issue: the record's file on the issue's branch, and its one pull request,
 * opened, or kept and updated when the issue is edited. Separate from sync-issue.ts, which looks after
 * the issue itself (its comment and labels), because this is the part that changes the repository.
 */
import type { Octokit } from 'octokit';
import { explainError, statusOf } from '../client.ts';
import type { ContributionPlan } from './contribution-plan.ts';
import { IssueToPrError } from './error.ts';
import { callGitHub, findOnGitHub } from './github-requests.ts';
import type { PullRequestText } from './pull-request-text.ts';

export interface PullSummary {
  number: number;
  state: string;
  merged_at?: string | null;
  title?: string;
  body?: string | null;
}

/** Where the issue's pull request goes, and how messages name the issue. */
export interface PullRequestTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The issue's number, and `issue #<n> in <owner>/<name>` for messages. */
  number: number;
  where: string;
  branch: string;
  /** The repository's default branch, when the event gave it. */
  defaultBranch: string | undefined;
}

const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

/**
 * Writes the plan's file on the issue's branch and opens its pull request, or updates the one that is
 * open: the pull request's number, and whether anything changed.
 */
export async function writePullRequest(
  target: PullRequestTarget,
  plan: ContributionPlan,
  file: NonNullable<ContributionPlan['file']>,
  text: PullRequestText,
  open: PullSummary | undefined,
): Promise<{ pullRequest: number; action: 'opened' | 'updated' | 'unchanged' }> {
  const { octokit, owner, repo, number, where, branch } = target;

  /** Writes the file on the branch (with the file's sha when it is there); false when it was already the same. */
  const putFile = async (): Promise<boolean> => {
    const current = await findOnGitHub(`read ${file.path} on ${branch}`, () =>
      octokit.rest.repos.getContent({ owner, repo, path: file.path, ref: branch }),
    );
    const data = current?.data as { type?: string; sha?: string; content?: string; encoding?: string } | undefined;
    if (data && data.type === 'file' && data.sha) {
      const decoded =
        data.encoding === 'base64' && typeof data.content === 'string' ? Buffer.from(data.content, 'base64').toString('utf8') : undefined;
      if (decoded === file.text) return false;
    }
    await callGitHub(`commit ${file.path} to ${branch}`, () =>
      octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: file.path,
        branch,
        message: text.commitMessage,
        content: base64(file.text),
        ...(data?.sha ? { sha: data.sha } : {}),
      }),
    );
    return true;
  };

  /** The default branch, and the branch pointed at its head (made, or reset if a run stopped half way). */
  const branchFromBase = async (): Promise<string> => {
    let base = target.defaultBranch;
    if (!base) base = (await callGitHub(`read ${owner}/${repo}`, () => octokit.rest.repos.get({ owner, repo }))).data.default_branch;
    const baseRef = await callGitHub(`read the ${base} branch`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${base}` }));
    const baseSha = baseRef.data.object.sha;
    const branchRef = await findOnGitHub(`read the ${branch} branch`, () =>
      octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }),
    );
    if (branchRef)
      await callGitHub(`reset the ${branch} branch`, () =>
        octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: baseSha, force: true }),
      );
    else
      await callGitHub(`create the ${branch} branch`, () =>
        octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: baseSha }),
      );
    return base;
  };

  let pullRequest: number;
  let action: 'opened' | 'updated' | 'unchanged';
  if (open) {
    // Keep the one pull request: remove the file it added under an old name, then write the new one.
    pullRequest = open.number;
    let changed = false;
    const files = (await callGitHub(`list the files of pull request #${open.number}`, () =>
      octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: open.number, per_page: 100 }),
    )) as { filename: string; status: string }[];
    if (plan.definition.kind === 'organisation') {
      // Another organisation named in the edited issue: the branch starts again from the default branch,
      // so that the pull request changes that organisation's file alone.
      if (files.some((old) => old.filename !== file.path)) {
        await branchFromBase();
        changed = true;
      }
    } else {
      for (const old of files) {
        if (
          old.filename === file.path ||
          old.status !== 'added' ||
          !/^content\/[a-z]+\/[a-z0-9-]+\/[a-z0-9-]+\.(?:md|yaml)$/.test(old.filename)
        )
          continue;
        const current = await findOnGitHub(`read ${old.filename} on ${branch}`, () =>
          octokit.rest.repos.getContent({ owner, repo, path: old.filename, ref: branch }),
        );
        const sha = (current?.data as { sha?: string } | undefined)?.sha;
        if (!sha) continue;
        await callGitHub(`remove ${old.filename} from ${branch}`, () =>
          octokit.rest.repos.deleteFile({
            owner,
            repo,
            path: old.filename,
            branch,
            sha,
            message: `Move the record to ${file.path} (issue #${number})`,
          }),
        );
        changed = true;
      }
    }
    changed = (await putFile()) || changed;
    if (open.title !== text.title || (open.body ?? '') !== text.body) {
      await callGitHub(`update pull request #${open.number}`, () =>
        octokit.rest.pulls.update({ owner, repo, pull_number: open.number, title: text.title, body: text.body }),
      );
    }
    action = changed ? 'updated' : 'unchanged';
  } else {
    // A new branch from the default branch (or the old one reset to it, if a run stopped half way).
    const base = await branchFromBase();
    await putFile();
    try {
      pullRequest = (await octokit.rest.pulls.create({ owner, repo, title: text.title, head: branch, base, body: text.body })).data.number;
    } catch (error) {
      // A retried request whose first try reached GitHub: the pull request is there already.
      const again =
        statusOf(error) === 422
          ? (
              await findOnGitHub(`look for the pull request of ${where}`, () =>
                octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state: 'open' }),
              )
            )?.data[0]
          : undefined;
      if (!again) throw new IssueToPrError(explainError(error, `open the pull request for ${where}`));
      pullRequest = again.number;
    }
    action = 'opened';
  }

  return { pullRequest, action };
}
