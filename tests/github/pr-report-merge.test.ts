/**
 * scripts/pr-report.ts --merge, as the check workflow runs it: in a shallow clone holding only GitHub's
 * merge of the pull request and its two parents (actions/checkout with fetch-depth: 2). The base moved
 * on after the branch began (another pull request removed a lesson and changed another body's
 * maintainers); the report lists only what merging this pull request would change, and judges
 * ownership by the maintainers at the base as it is now.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type PrReport } from '../../src/lib/github/report.ts';
import { commitAsBase, git, githubContent, NEW_ITEM, removeTemp, runScript, tempDir, type Run } from './helpers.ts';

let clone: string;
let branchPoint: string;
let base: string;
let head: string;
let run: Run;
let report: PrReport;

/** The script as the check workflow runs it, in the clone; returns its run and where it wrote. */
async function pullRequestReport(args: string[]): Promise<Run & { out: string }> {
  const out = join(tempDir(), 'out');
  const result = await runScript(
    'scripts/pr-report.ts',
    [...args, '--pr', '7', '--out', out, '--author', 'kay-dev', '--today', '2026-11-27'],
    {},
    clone,
  );
  return { ...result, out };
}

beforeAll(async () => {
  const { dir: origin, content } = githubContent();
  branchPoint = commitAsBase(origin);

  // The pull request: a new roadmap item, and Westmere's maintainers with the author added.
  git(origin, 'checkout', '--quiet', '-b', 'feature');
  writeFileSync(join(content, 'roadmap/westmere-digital/garden-waste-renewals.md'), NEW_ITEM);
  const westmere = join(content, 'organisations/westmere-digital.yaml');
  writeFileSync(westmere, readFileSync(westmere, 'utf8').replace('maintainers: [westmere-lead]', 'maintainers: [westmere-lead, kay-dev]'));
  git(origin, 'add', '-A');
  git(origin, 'commit', '--quiet', '-m', 'feature');
  head = git(origin, 'rev-parse', 'HEAD');

  // Meanwhile on main: another pull request removes a lesson and changes Harbourside's maintainers.
  git(origin, 'checkout', '--quiet', 'main');
  rmSync(join(content, 'lessons/harbourside-civic-tech/paper-forms-first.md'));
  const harbourside = join(content, 'organisations/harbourside-civic-tech.yaml');
  writeFileSync(harbourside, readFileSync(harbourside, 'utf8').replace('  - kay-dev\n', '  - kay-dev\n  - mallory\n'));
  git(origin, 'add', '-A');
  git(origin, 'commit', '--quiet', '-m', 'another pull request');
  base = git(origin, 'rev-parse', 'HEAD');

  // GitHub's test merge (refs/pull/7/merge), fetched as actions/checkout does on pull_request with fetch-depth: 2.
  git(origin, 'checkout', '--quiet', '--detach', 'main');
  git(origin, 'merge', '--quiet', '--no-ff', '--no-edit', 'feature');
  git(origin, 'branch', 'pull-7-merge');
  clone = join(tempDir(), 'checkout');
  git(origin, 'clone', '--quiet', '--depth', '2', '--branch', 'pull-7-merge', `file://${origin}`, clone);

  const result = await pullRequestReport(['--merge', 'HEAD', '--head', head]);
  run = result;
  report = parseReport(readFileSync(join(result.out, 'report.json')));
}, 60_000);

afterAll(removeTemp);

describe('pr-report --merge, in a clone of the merge commit and its two parents (fetch-depth: 2)', () => {
  it('runs where the history back to the branch point is missing', () => {
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(git(clone, 'rev-list', '--count', 'HEAD')).toBe('3');
    expect(git(clone, 'rev-list', 'HEAD')).not.toContain(branchPoint);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('names the base as it is now (the merge’s first parent) and the pull request’s head', () => {
    expect(report).toMatchObject({ pr: 7, base, head, author: 'kay-dev' });
  });

  it('lists only what merging the pull request changes, not what the base changed meanwhile', () => {
    expect(report.records.added.map((entry) => entry.id)).toEqual(['roadmap/westmere-digital/garden-waste-renewals']);
    expect(report.records.changed.map((entry) => entry.id)).toEqual(['organisations/westmere-digital']);
    expect(report.records.removed).toEqual([]);
    expect(report.files.map((file) => [file.status, file.file]).sort()).toEqual([
      ['added', 'content/roadmap/westmere-digital/garden-waste-renewals.md'],
      ['modified', 'content/organisations/westmere-digital.yaml'],
    ]);
  });

  it('judges ownership by the maintainers at the base, and flags the pull request adding its own author', () => {
    expect(report.ownership.map((entry) => entry.organisation.id)).toEqual(['westmere-digital']);
    const [westmere] = report.ownership;
    expect(westmere.maintainers).toEqual(['@westmere-lead']);
    expect(westmere.flags.map((flag) => flag.kind).sort()).toEqual(['maintainers-changed', 'not-maintainer']);
    expect(westmere.flags.find((flag) => flag.kind === 'maintainers-changed')?.added).toEqual(['@kay-dev']);
  });

  it('finds similar work for the new item, and validates the merged content', () => {
    expect(report.similar.map((entry) => entry.id)).toEqual(['roadmap/westmere-digital/garden-waste-renewals']);
    // Harbourside's maintainers as the base lists them now, with the one another pull request added.
    expect(report.similar[0].matches[0]).toMatchObject({
      id: 'roadmap/harbourside-civic-tech/garden-waste-online',
      maintainers: ['@harbourside/digital', '@kay-dev', '@mallory'],
    });
    expect(report.validation.errors).toBe(0);
  });

  it('without --merge cannot compare the head with where it branched in such a clone, and says why (exit 1)', async () => {
    const threeDot = await pullRequestReport(['--base', base, '--head', head]);
    expect(threeDot.status).toBe(1);
    expect(threeDot.stderr).toContain('is the history fetched?');
  });

  it('refuses a merge that does not join the base and the given head (exit 1), or a --base that is not its first parent', async () => {
    const wrongHead = await pullRequestReport(['--merge', 'HEAD', '--head', base]);
    expect(wrongHead.status).toBe(1);
    expect(wrongHead.stderr).toContain(`is not a merge of the pull request's head ${base}`);
    expect(wrongHead.stderr).toContain('fetch-depth: 2');
    const notMerge = await pullRequestReport(['--merge', 'HEAD^1', '--head', head]);
    expect(notMerge.status).toBe(1);
    expect(notMerge.stderr).toMatch(/is not a merge of the pull request's head .*: it has no parent here/);
    const otherBase = await pullRequestReport(['--merge', 'HEAD', '--base', head, '--head', head]);
    expect(otherBase.status).toBe(1);
    expect(otherBase.stderr).toContain('is not the first parent of the merge');
  });

  it('needs --base or --merge (exit 2)', async () => {
    const neither = await pullRequestReport(['--head', head]);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('give --base');
  });
});
