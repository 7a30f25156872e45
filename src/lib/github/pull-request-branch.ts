/**
 * Keeping one branch and its one pull request in step through GitHub's REST API, for the scripts that
 * propose files (the harvest's pull requests; the same steps as issue-to-pr's): read a file on a branch,
 * commit it through the contents API only when it differs, remove one, make the branch from the base
 * (or reset it there), find the branch's pull requests, open one without ever opening two, and update
 * its title and text only when they changed.
 *
 * Every request goes through a caller's GitHubCalls, so each failure becomes the caller's own error
 * class with a sentence saying what was being done (explainError); a 404 is an answer where "not there"
 * is a possible answer.
 */
import type { Octokit } from 'octokit';
import { explainError, statusOf } from './client.ts';

export interface GitHubCalls {
  /** Runs one request; a failure becomes the caller's error, naming what was being done. */
  call<T>(what: string, request: () => Promise<T>): Promise<T>;
  /** Like call, but a 404 is an answer (undefined), not a failure. */
  find<T>(what: string, request: () => Promise<T>): Promise<T | undefined>;
}

/** GitHubCalls that throw `fail(message, error)`; errors already of the caller's kind pass through. */
export function githubCalls(fail: (message: string, error: unknown) => Error, isOwn: (error: unknown) => boolean): GitHubCalls {
  return {
    async call(what, request) {
      try {
        return await request();
      } catch (error) {
        if (isOwn(error)) throw error;
        throw fail(explainError(error, what), error);
      }
    },
    async find(what, request) {
      try {
        return await request();
      } catch (error) {
        if (isOwn(error)) throw error;
        if (statusOf(error) === 404) return undefined;
        throw fail(explainError(error, what), error);
      }
    },
  };
}

export interface BranchTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  calls: GitHubCalls;
}

export interface FileOnBranch {
  /** The blob sha, which GitHub asks for to change or remove the file. */
  sha: string;
  /** The text, when GitHub sent it as base64 UTF-8 (files up to 1 MB); undefined otherwise. */
  text: string | undefined;
}

const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

/** A file at a branch or commit, or undefined when there is none (a folder there counts as none). */
export async function readFileOn(target: BranchTarget, path: string, ref: string): Promise<FileOnBranch | undefined> {
  const { octokit, owner, repo, calls } = target;
  const found = await calls.find(`read ${path} on ${ref}`, () => octokit.rest.repos.getContent({ owner, repo, path, ref }));
  const data = found?.data as { type?: string; sha?: string; content?: string; encoding?: string } | undefined;
  if (!data || Array.isArray(data) || data.type !== 'file' || typeof data.sha !== 'string') return undefined;
  const text =
    data.encoding === 'base64' && typeof data.content === 'string' ? Buffer.from(data.content, 'base64').toString('utf8') : undefined;
  return { sha: data.sha, text };
}

export interface FileWrite {
  path: string;
  text: string;
  branch: string;
  message: string;
  /**
   * When the file on the branch may stay as it is although its text differs (the harvest's date alone,
   * say). Default: only when it is the same text.
   */
  alreadyRight?: (current: string) => boolean;
}

/** Commits the file to the branch unless it is already right there; true when a commit was made. */
export async function writeFileOn(target: BranchTarget, write: FileWrite): Promise<boolean> {
  const { octokit, owner, repo, calls } = target;
  const current = await readFileOn(target, write.path, write.branch);
  if (current?.text !== undefined && (current.text === write.text || write.alreadyRight?.(current.text) === true)) return false;
  await calls.call(`commit ${write.path} to ${write.branch}`, () =>
    octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: write.path,
      branch: write.branch,
      message: write.message,
      content: base64(write.text),
      ...(current ? { sha: current.sha } : {}),
    }),
  );
  return true;
}

/** Removes the file from the branch; false when it was not there. */
export async function removeFileOn(target: BranchTarget, path: string, branch: string, message: string): Promise<boolean> {
  const { octokit, owner, repo, calls } = target;
  const current = await readFileOn(target, path, branch);
  if (!current) return false;
  await calls.call(`remove ${path} from ${branch}`, () =>
    octokit.rest.repos.deleteFile({ owner, repo, path, branch, sha: current.sha, message }),
  );
  return true;
}

/** The commit a branch points at, or undefined when there is no such branch. */
export async function branchHead(target: BranchTarget, branch: string): Promise<string | undefined> {
  const { octokit, owner, repo, calls } = target;
  const ref = await calls.find(`read the ${branch} branch`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }));
  return ref?.data.object.sha;
}

/** Makes `branch` point at `sha`: created if missing, reset (forced) if it is there from an earlier run. */
export async function branchAt(target: BranchTarget, branch: string, sha: string): Promise<void> {
  const { octokit, owner, repo, calls } = target;
  if (await branchHead(target, branch)) {
    await calls.call(`reset the ${branch} branch`, () =>
      octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true }),
    );
  } else {
    await calls.call(`create the ${branch} branch`, () => octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha }));
  }
}

export interface PullSummary {
  number: number;
  state: string;
  merged_at?: string | null;
  title?: string;
  body?: string | null;
}

/** The pull requests whose head is `branch` in this repository, newest first. */
export async function pullRequestsOf(target: BranchTarget, branch: string, state: 'open' | 'all' = 'all'): Promise<PullSummary[]> {
  const { octokit, owner, repo, calls } = target;
  const pulls = await calls.call(`look for the pull request of ${branch}`, () =>
    octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state, per_page: 100 }),
  );
  return pulls.data as PullSummary[];
}

/** The files a pull request changes, as GitHub lists them (path and status: added, modified, removed, renamed…). */
export async function pullRequestFiles(target: BranchTarget, pull: number): Promise<{ filename: string; status: string }[]> {
  const { octokit, owner, repo, calls } = target;
  return (await calls.call(`list the files of pull request #${pull}`, () =>
    octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pull, per_page: 100 }),
  )) as {
    filename: string;
    status: string;
  }[];
}

export interface NewPullRequest {
  branch: string;
  base: string;
  title: string;
  body: string;
}

/**
 * Opens the pull request. A 422 may mean that a retried request had already reached GitHub: then the
 * open pull request of the branch is the answer, and no second one is made.
 */
export async function openPullRequest(target: BranchTarget, pull: NewPullRequest): Promise<number> {
  const { octokit, owner, repo, calls } = target;
  try {
    return (await octokit.rest.pulls.create({ owner, repo, title: pull.title, head: pull.branch, base: pull.base, body: pull.body })).data
      .number;
  } catch (error) {
    const what = `open the pull request for ${pull.branch}`;
    const again =
      statusOf(error) === 422
        ? (await calls.find(what, () => octokit.rest.pulls.list({ owner, repo, head: `${owner}:${pull.branch}`, state: 'open' })))?.data[0]
        : undefined;
    if (!again) return calls.call(what, () => Promise.reject(error));
    return again.number;
  }
}

/** Sets the pull request's title and text when either differs; true when it was updated. */
export async function updatePullRequestText(target: BranchTarget, pull: PullSummary, title: string, body: string): Promise<boolean> {
  const { octokit, owner, repo, calls } = target;
  if (pull.title === title && (pull.body ?? '') === body) return false;
  await calls.call(`update pull request #${pull.number}`, () =>
    octokit.rest.pulls.update({ owner, repo, pull_number: pull.number, title, body }),
  );
  return true;
}
