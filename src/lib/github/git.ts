/**
 * The little git a pull-request report needs: which content files changed between two commits (with
 * renames), and a file's bytes at a commit. Arguments are passed as a list, never through a shell, and
 * revisions are checked first so that none can be read as an option.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import type { FileStatus } from './report.ts';

export class GitError extends Error {}

/** A commit id or a plain branch or tag name; never something git could take for an option. */
export function isRevision(value: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}(?:[~^]\d{0,4})*$/.test(value) &&
    !value.includes('..') &&
    !value.endsWith('.lock') &&
    !value.endsWith('/')
  );
}

function run(cwd: string, args: string[], what: string): Buffer {
  const result = spawnSync('git', args, {
    cwd,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) throw new GitError(`git could not be run (${result.error.message}); is git installed?`);
  if (result.status !== 0)
    throw new GitError(`git could not ${what}: ${result.stderr.toString('utf8').trim() || `exit code ${result.status}`}`);
  return result.stdout;
}

export interface Repository {
  /** The repository's top folder. */
  top: string;
  /** The content folder relative to `top`, with forward slashes, e.g. `content`. */
  contentPath: string;
}

export function findRepository(contentDir: string): Repository {
  const absolute = resolve(contentDir);
  const top = run(absolute, ['rev-parse', '--show-toplevel'], `find the repository that holds ${contentDir}`).toString('utf8').trim();
  const contentPath = relative(top, absolute).split('\\').join('/');
  if (contentPath === '' || contentPath.startsWith('..'))
    throw new GitError(`the content folder ${contentDir} must be a folder inside the repository, not its top.`);
  return { top, contentPath };
}

export function resolveCommit(repository: Repository, revision: string): string {
  if (!isRevision(revision)) throw new GitError(`"${revision}" is not a commit id or branch name.`);
  return run(
    repository.top,
    ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`],
    `find the commit ${revision} (is the history fetched? actions/checkout needs fetch-depth: 0)`,
  )
    .toString('utf8')
    .trim();
}

export function mergeBase(repository: Repository, base: string, head: string): string {
  return run(
    repository.top,
    ['merge-base', base, head],
    `find where ${head} branched from ${base} (is the history fetched? actions/checkout needs fetch-depth: 0)`,
  )
    .toString('utf8')
    .trim();
}

export interface ChangedFile {
  status: FileStatus;
  /** Path relative to the repository's top. */
  file: string;
  /** For renames and copies: the path before. */
  previous?: string;
}

const STATUS: Record<string, FileStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/** Parses `git diff --name-status -z` output. Unmerged and unknown entries are skipped. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const files: ChangedFile[] = [];
  for (let index = 0; index < fields.length;) {
    const code = fields[index++];
    if (!code) continue;
    const status = STATUS[code[0]];
    if (code[0] === 'R' || code[0] === 'C') {
      const previous = fields[index++];
      const file = fields[index++];
      if (status && previous !== undefined && file !== undefined) files.push({ status, file, previous });
    } else {
      const file = fields[index++];
      if (status && file !== undefined) files.push({ status, file });
    }
  }
  return files;
}

/** The content files that changed from the merge base of `base` and `head` to `head` (`git diff base...head`). */
export function changedContentFiles(repository: Repository, base: string, head: string): ChangedFile[] {
  const output = run(
    repository.top,
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--name-status',
      '-z',
      '-M',
      '--no-ext-diff',
      '--no-textconv',
      `${base}...${head}`,
      '--',
      `${repository.contentPath}/`,
    ],
    `compare ${base} with ${head}`,
  );
  return parseNameStatus(output.toString('utf8'));
}

/** A file's bytes at a commit, or undefined when it did not exist there (or is larger than `maxBytes`). */
export function fileAt(repository: Repository, commit: string, path: string, maxBytes = 256 * 1024): Uint8Array | undefined {
  const spec = `${commit}:${path}`;
  const size = spawnSync('git', ['cat-file', '-s', spec], { cwd: repository.top, encoding: 'utf8' });
  if (size.status !== 0 || Number(size.stdout.trim()) > maxBytes) return undefined;
  const result = spawnSync('git', ['cat-file', 'blob', spec], { cwd: repository.top, maxBuffer: maxBytes + 1024 });
  return result.status === 0 ? result.stdout : undefined;
}
