/** Helpers for the GitHub scripts' tests: content with real (non-demonstration) organisations, git repositories, and running scripts. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASELINE, ROOT } from '../helpers/content.ts';

export { ROOT };
export const GITHUB_FIXTURE = join(ROOT, 'tests/fixtures/github/content');

const made: string[] = [];

/** A fresh folder holding content/: the baseline with the GitHub fixture's organisations and records over it. */
export function githubContent(): { dir: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'council-commons-github-'));
  made.push(dir);
  const content = join(dir, 'content');
  cpSync(BASELINE, content, { recursive: true });
  cpSync(GITHUB_FIXTURE, content, { recursive: true });
  return { dir, content };
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'council-commons-github-'));
  made.push(dir);
  return dir;
}

export function removeTemp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function git(cwd: string, ...args: string[]): string {
  return gitWith({}, cwd, ...args);
}

function gitWith(env: Record<string, string>, cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      ...env,
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Makes dir a git repository with everything in it committed on main; returns that commit. With a date
 * (ISO 8601), the commit is dated then, for tests of what changed when (git dates).
 */
export function commitAsBase(dir: string, date?: string): string {
  git(dir, 'init', '--quiet', '--initial-branch=main');
  return commitAll(dir, 'base', date);
}

/** Commits every change in dir (added, changed and removed files), dated `date` (ISO 8601) if given; returns the commit. */
export function commitAll(dir: string, message: string, date?: string): string {
  const env: Record<string, string> = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  gitWith(env, dir, 'add', '-A');
  gitWith(env, dir, 'commit', '--quiet', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** The environment without anything a CI runner sets that the scripts read (GITHUB_*, HUB_*). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !/^(GITHUB_|HUB_)/.test(name)) env[name] = value;
  return { ...env, ...extra };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script as the workflows do, without blocking this process (so a fake server in it can answer). */
export function runScript(script: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, script), ...args], { cwd, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A new roadmap item like Harbourside's garden waste work: what the pull requests in these tests add. */
export const NEW_ITEM = `---
title: Garden waste renewals online
summary: Residents renew their garden waste subscription online and pay by card, with reminder emails before the season.
status: discovery
services: [530]
themes: [waste-and-recycling, payments]
start: 2026-02
end: 2026-10
review_by: 2099-01-31
---

Garden waste subscriptions and renewals online, with payments and reminders.
`;
