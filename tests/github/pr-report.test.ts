/**
 * scripts/pr-report.ts against a real git repository: a base commit on main, then a branch that adds a
 * record, changes one, deletes one, renames one, breaks one and changes two organisations' maintainers
 * (one of them adding the pull request's own author). The real script runs with --base and --head.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type PrReport } from '../../src/lib/github/report.ts';
import { commitAsBase, git, githubContent, NEW_ITEM, removeTemp, runScript, tempDir, type Run } from './helpers.ts';

let run: Run;
let report: PrReport;
let summary: string;
let base: string;
let head: string;
let repository: string;

beforeAll(async () => {
  const { dir, content } = githubContent();
  repository = dir;
  base = commitAsBase(dir);
  git(dir, 'checkout', '--quiet', '-b', 'feature');

  // Added: a roadmap item like Harbourside's garden waste work.
  writeFileSync(join(content, 'roadmap/westmere-digital/garden-waste-renewals.md'), NEW_ITEM);
  // Changed: a valid record.
  const garden = join(content, 'roadmap/harbourside-civic-tech/garden-waste-online.md');
  writeFileSync(
    garden,
    readFileSync(garden, 'utf8').replace(
      'with reminders before the season starts',
      'with reminders before the season starts and a renewal in one click',
    ),
  );
  // Broken: a changed dataset with a value that is not allowed.
  const dataset = join(content, 'datasets/northbrook-makers/library-opening-hours.yaml');
  writeFileSync(dataset, readFileSync(dataset, 'utf8').replace('update_frequency: monthly', 'update_frequency: fortnightly'));
  // Removed.
  rmSync(join(content, 'lessons/harbourside-civic-tech/paper-forms-first.md'));
  // Renamed: the id changes.
  renameSync(
    join(content, 'roadmap/westmere-digital/pothole-reporting.md'),
    join(content, 'roadmap/westmere-digital/road-defect-reporting.md'),
  );
  // Maintainers changed: Harbourside adds someone; Westmere's file is changed to add the pull request's author.
  const harbourside = join(content, 'organisations/harbourside-civic-tech.yaml');
  writeFileSync(harbourside, readFileSync(harbourside, 'utf8').replace('  - kay-dev\n', '  - kay-dev\n  - mallory\n'));
  const westmere = join(content, 'organisations/westmere-digital.yaml');
  writeFileSync(westmere, readFileSync(westmere, 'utf8').replace('maintainers: [westmere-lead]', 'maintainers: [westmere-lead, kay-dev]'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'feature');
  head = git(dir, 'rev-parse', 'HEAD');

  const out = join(tempDir(), 'out');
  run = await runScript(
    'scripts/pr-report.ts',
    ['--base', base, '--head', head, '--pr', '42', '--out', out, '--author', 'kay-dev', '--content', content, '--today', '2026-11-27'],
    {},
    dir,
  );
  report = parseReport(readFileSync(join(out, 'report.json')));
  summary = readFileSync(join(out, 'summary.md'), 'utf8');
}, 60_000);

afterAll(removeTemp);

describe('pr-report', () => {
  it('exits 0 even though the content has an error, and writes a report that pr-comment accepts', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Pull request #42: 1 added');
    expect(report).toMatchObject({ version: 2, pr: 42, base, head, author: 'kay-dev' });
  });

  it('lists records added, changed (with renames) and removed, with titles, organisations and pages', () => {
    expect(report.records.added).toEqual([
      {
        collection: 'roadmap',
        id: 'roadmap/westmere-digital/garden-waste-renewals',
        title: 'Garden waste renewals online',
        organisation: { id: 'westmere-digital', name: 'Westmere Digital' },
        file: 'content/roadmap/westmere-digital/garden-waste-renewals.md',
        page: '/roadmap/westmere-digital/garden-waste-renewals/',
        demonstration: false,
      },
    ]);
    const changed = new Map(report.records.changed.map((entry) => [entry.id, entry]));
    expect([...changed.keys()].sort()).toEqual([
      'datasets/northbrook-makers/library-opening-hours',
      'organisations/harbourside-civic-tech',
      'organisations/westmere-digital',
      'roadmap/harbourside-civic-tech/garden-waste-online',
      'roadmap/westmere-digital/road-defect-reporting',
    ]);
    // The broken dataset is not in the validated content, but its title is still read from the file.
    expect(changed.get('datasets/northbrook-makers/library-opening-hours')?.title).toBe('Library opening hours');
    expect(changed.get('roadmap/westmere-digital/road-defect-reporting')).toMatchObject({
      title: 'Pothole reporting with photos',
      previous: { id: 'roadmap/westmere-digital/pothole-reporting', file: 'content/roadmap/westmere-digital/pothole-reporting.md' },
    });
    expect(report.records.removed).toEqual([
      expect.objectContaining({
        id: 'lessons/harbourside-civic-tech/paper-forms-first',
        title: 'Start from the paper form',
        organisation: { id: 'harbourside-civic-tech', name: 'Harbourside Civic Tech' },
      }),
    ]);
    expect(report.files.map((file) => file.status).sort()).toEqual([
      'added',
      'deleted',
      'modified',
      'modified',
      'modified',
      'modified',
      'renamed',
    ]);
  });

  it('reports every problem, marking those in changed files', () => {
    expect(report.validation.errors).toBe(1);
    expect(report.validation.errorsInChangedFiles).toBe(1);
    const [error] = report.validation.problems.filter((problem) => problem.severity === 'error');
    expect(error).toMatchObject({
      rule: 'schema/enum',
      file: 'content/datasets/northbrook-makers/library-opening-hours.yaml',
      field: 'update_frequency',
      inChangedFile: true,
    });
    expect(error.line).toBeGreaterThan(1);
    expect(error.message).toContain('fortnightly');
    // The changed roadmap item is past its review date: a warning in a changed file.
    expect(report.validation.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        rule: 'freshness/review-due',
        file: 'content/roadmap/harbourside-civic-tech/garden-waste-online.md',
        inChangedFile: true,
      }),
    );
  });

  it('judges ownership by the maintainers at the base commit, so a pull request cannot make its author a maintainer', () => {
    const byOrganisation = new Map(report.ownership.map((entry) => [entry.organisation.id, entry]));
    const westmere = byOrganisation.get('westmere-digital')!;
    expect(westmere.maintainers).toEqual(['@westmere-lead']);
    expect(westmere.flags.map((flag) => flag.kind).sort()).toEqual(['maintainers-changed', 'not-maintainer']);
    expect(westmere.flags.find((flag) => flag.kind === 'maintainers-changed')).toMatchObject({ added: ['@kay-dev'], removed: [] });
    expect(westmere.records).toEqual([
      'organisations/westmere-digital',
      'roadmap/westmere-digital/garden-waste-renewals',
      'roadmap/westmere-digital/pothole-reporting',
      'roadmap/westmere-digital/road-defect-reporting',
    ]);

    // kay-dev is listed by name at the base: no author flag, but the maintainers change is flagged.
    const harbourside = byOrganisation.get('harbourside-civic-tech')!;
    expect(harbourside.maintainers).toEqual(['@harbourside/digital', '@kay-dev']);
    expect(harbourside.flags).toEqual([expect.objectContaining({ kind: 'maintainers-changed', added: ['@mallory'], removed: [] })]);

    expect(byOrganisation.get('northbrook-makers')!.flags).toEqual([expect.objectContaining({ kind: 'no-maintainers' })]);
  });

  it('finds similar work already in the hub for a new roadmap item', () => {
    const item = report.similar.find((entry) => entry.id === 'roadmap/westmere-digital/garden-waste-renewals');
    expect(item?.matches[0]).toMatchObject({
      id: 'roadmap/harbourside-civic-tech/garden-waste-online',
      organisation: { id: 'harbourside-civic-tech', name: 'Harbourside Civic Tech' },
    });
    expect(item!.matches[0].score).toBeGreaterThan(0.35);
    expect(item!.matches[0].reasons).toMatch(/garden waste/i);
    // Its maintainers, to ask for a review: as the base lists them, without the one this pull request adds.
    expect(item!.matches[0]).toMatchObject({ maintainers: ['@harbourside/digital', '@kay-dev'], demonstration: false });
    // Demonstration work is never offered to a real organisation.
    expect(report.similar.flatMap((entry) => entry.matches.map((match) => match.id))).not.toContain('roadmap/ashdown/garden-waste-online');
  });

  it('writes the same in Markdown for the job summary, mentioning nobody', () => {
    expect(summary).toContain('## ❌ 1 problem to fix');
    expect(summary).toContain('Garden waste renewals online');
    expect(summary).toContain('moved from `roadmap/westmere-digital/pothole-reporting`');
    expect(summary).toContain('`update_frequency`');
    expect(summary).toContain('### Similar work already in the hub');
    const harbourside = summary.split('\n').find((line) => line.includes('by Harbourside Civic Tech (score'));
    expect(harbourside).toMatch(/\(score 0\.\d\d\): .*garden waste.* Maintained by `@harbourside\/digital`, `@kay-dev`\.$/i);
    expect(summary).not.toMatch(/(^|[^`\\])@(?!\u200B)[a-z]/im);
  });

  it(
    'exits 2 on wrong usage (a revision that could be read as an ' + 'option among them) and 1 when git cannot compare the commits',
    async () => {
      const usage = await runScript('scripts/pr-report.ts', ['--base', base, '--head', head, '--pr', '42'], {}, repository);
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('give --out');
      const option = await runScript(
        'scripts/pr-report.ts',
        ['--base=--upload-pack=x', '--head', head, '--pr', '1', '--out', tempDir(), '--content', join(repository, 'content')],
        {},
        repository,
      );
      expect(option.status).toBe(2);
      expect(option.stderr).toContain('--base must be a commit id or branch name, not "--upload-pack=x"');
      const missing = await runScript(
        'scripts/pr-report.ts',
        ['--base', 'f'.repeat(40), '--head', head, '--pr', '1', '--out', tempDir(), '--content', join(repository, 'content')],
        {},
        repository,
      );
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('fetch-depth: 0');
    },
  );
});
