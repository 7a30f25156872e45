/**
 * "Last updated" for every content file, from git history in one pass (one `git log` for the whole
 * folder, not one per file: 25,000 calls would take minutes). Without history (not a git checkout,
 * or a shallow clone where every file would seem changed by the last commit) it returns nothing, and
 * pages then say nothing rather than something wrong.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

/**
 * Reads `git log --format=%x00%cI --name-only` output, newest commit first, into the date each path
 * last changed (the first time it appears).
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const block of output.split('\0')) {
    const [date, ...paths] = block.split('\n');
    if (!date) continue;
    for (const path of paths) if (path && !dates.has(path)) dates.set(path, date.trim());
  }
  return dates;
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** Dates (ISO 8601 with offset) keyed by path relative to `cwd`, for the files under `folder`. */
export function lastUpdatedDates(folder: string, cwd = process.cwd()): Map<string, string> {
  const absolute = resolve(cwd, folder);
  const top = git(absolute, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top || git(absolute, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'false') return new Map();
  const log = git(top, ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', relative(top, absolute) || '.']);
  if (log === undefined) return new Map();
  const dates = new Map<string, string>();
  for (const [path, date] of parseGitLog(log)) dates.set(relative(cwd, resolve(top, path)).split('\\').join('/'), date);
  return dates;
}
