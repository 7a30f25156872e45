/**
 * scripts/pr-report.ts on a pull request that adds components and a dataset (fictional bodies): a fork of
 * a component already on the hub under a new name, the same kind of data as a dataset already there, and
 * a component like nothing on the hub. Reviewers must read "looks like X already on the hub (from Y)" for
 * the first two only, before the roadmap's similar work.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport, type PrReport } from '../../src/lib/github/report.ts';
import { renderReport } from '../../src/lib/github/render.ts';
import { commitAsBase, git, githubContent, NEW_ITEM, removeTemp, runScript, tempDir } from './helpers.ts';

let report: PrReport;
let summary: string;

const write = (content: string, file: string, text: string) => {
  mkdirSync(join(content, file, '..'), { recursive: true });
  writeFileSync(join(content, file), text);
};

beforeAll(async () => {
  const { dir, content } = githubContent();
  // Already on the hub: Harbourside's tide-times widget.
  write(
    content,
    'components/harbourside-civic-tech/tide-times-widget.yaml',
    [
      'title: Tide times widget',
      'summary: A small widget for council websites that shows high and low tides at the harbour for the next week.',
      'kind: code',
      'licence: MIT',
      'repository_url: https://github.com/harbourside-civic-tech/tide-times-widget',
      '',
    ].join('\n'),
  );
  const base = commitAsBase(dir);
  git(dir, 'checkout', '--quiet', '-b', 'feature');
  // A fork under a new name, saying where it came from.
  write(
    content,
    'components/westmere-digital/harbour-tides.md',
    [
      '---',
      'title: Harbour tides',
      'summary: Shows the week’s tides on our website.',
      'kind: code',
      'licence: MIT',
      'repository_url: https://github.com/westmere-digital/harbour-tides',
      '---',
      '',
      'Forked from <https://github.com/harbourside-civic-tech/tide-times-widget>, with our own harbours.',
      '',
    ].join('\n'),
  );
  // Northbrook's library opening hours, published again at the same address.
  write(
    content,
    'datasets/westmere-digital/library-hours.yaml',
    [
      'title: Library hours',
      'summary: When the libraries are open.',
      'licence: OGL-UK-3.0',
      'landing_url: https://data.northbrook.example/library-opening-hours',
      '',
    ].join('\n'),
  );
  // Like nothing on the hub.
  write(
    content,
    'components/westmere-digital/meeting-room-booker.yaml',
    [
      'title: Meeting room booker',
      'summary: Staff book meeting rooms in council offices.',
      'kind: code',
      'licence: MIT',
      'repository_url: https://github.com/westmere-digital/rooms',
      '',
    ].join('\n'),
  );
  write(content, 'roadmap/westmere-digital/garden-waste-renewals.md', NEW_ITEM);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'feature');
  const head = git(dir, 'rev-parse', 'HEAD');
  const out = join(tempDir(), 'out');
  const run = await runScript(
    'scripts/pr-report.ts',
    ['--base', base, '--head', head, '--pr', '7', '--out', out, '--author', 'westmere-lead', '--content', content, '--today', '2026-12-08'],
    {},
    dir,
  );
  expect(run.stderr).toBe('');
  report = parseReport(readFileSync(join(out, 'report.json')));
  summary = readFileSync(join(out, 'summary.md'), 'utf8');
}, 60_000);

afterAll(removeTemp);

describe('pr-report: added components and datasets already on the hub', () => {
  it('lists each added component or dataset with a strong match, first, and nothing for the one like nothing', () => {
    expect(report.similar.map((entry) => entry.id)).toEqual([
      'components/westmere-digital/harbour-tides',
      'datasets/westmere-digital/library-hours',
      'roadmap/westmere-digital/garden-waste-renewals',
    ]);
    expect(report.similar[0].matches).toEqual([
      expect.objectContaining({
        id: 'components/harbourside-civic-tech/tide-times-widget',
        organisation: { id: 'harbourside-civic-tech', name: 'Harbourside Civic Tech' },
        maintainers: ['@harbourside/digital', '@kay-dev'],
      }),
    ]);
    expect(report.similar[0].matches[0].score).toBeGreaterThanOrEqual(0.6);
    expect(report.similar[1].matches[0]).toMatchObject({ id: 'datasets/northbrook-makers/library-opening-hours' });
  });

  it('says "looks like X already on the hub (from Y)", with why, in the job summary and the comment', () => {
    expect(summary).toContain('### Already on the hub?');
    const fork = summary.split('\n').find((line) => line.startsWith('- **Harbour tides**'));
    // Text from the pull request is escaped as Markdown (markdown.ts): "\\." is a full stop.
    const plain = (line: string | undefined) => line?.replace(/\\(.)/g, '$1');
    expect(plain(fork)).toMatch(
      new RegExp(
        '^- \\*\\*Harbour tides\\*\\* looks like Tide times widget \\(`components/harbourside-civic-tech/tide-times-widget`\\) ' +
          'already on the hub \\(from Harbourside Civic Tech; score 0\\.\\d\\d\\): “Harbour tides” links to the repository of ' +
          '“Tide times widget” \\(github\\.com/harbourside-civic-tech/tide-times-widget\\): a fork, a copy or built on it; ' +
          'similar words: tides, [^.]*\\. ' +
          'Maintained by `@harbourside/digital`, `@kay-dev`\\.$',
      ),
    );
    const data = summary.split('\n').find((line) => line.startsWith('- **Library hours**'));
    expect(plain(data)).toMatch(
      new RegExp(
        '^- \\*\\*Library hours\\*\\* looks like Library opening hours \\(`datasets/northbrook-makers/library-opening-hours`\\) ' +
          'already on the hub \\(from Northbrook Makers; score 0\\.\\d\\d\\): ' +
          'The same address: data\\.northbrook\\.example/library-opening-hours;',
      ),
    );
    expect(summary).not.toContain('Meeting room booker** looks like');
    // The roadmap's similar work keeps its own section, after the duplicates.
    expect(summary.indexOf('### Already on the hub?')).toBeLessThan(summary.indexOf('### Similar work already in the hub'));
    // The comment links the record on the hub and mentions its maintainers from the trusted source.
    const comment = renderReport(report, {
      siteUrl: 'https://hub.example/',
      trusted: (id) => (id === 'harbourside-civic-tech' ? { maintainers: ['@harbourside/digital'], demonstration: false } : undefined),
    });
    expect(comment).toContain(
      '- **Harbour tides** looks like [Tide times widget](https://hub.example/components/harbourside-civic-tech/tide-times-widget/) ' +
        'already on the hub (from Harbourside Civic Tech;',
    );
    expect(comment).toMatch(/a fork\\?, a copy or built on it.* Maintained by @harbourside\/digital\.$/m);
  });
});
