/**
 * The harvest pull request's text (src/lib/harvest/pull-request-text.ts): under GitHub's limit however
 * long the report, with the lists shortened fairly and counted; nothing from upstream able to open HTML,
 * a link to anything but an https address, a mention or a reference; mentions only of maintainers that
 * are GitHub handles, or else of the hub's team; the same report always the same text.
 */
import { describe, expect, it } from 'vitest';
import { BREAK } from '../../src/lib/github/markdown.ts';
import {
  commitMessage,
  MAX_PULL_REQUEST_BODY,
  pullRequestText,
  pullRequestTitle,
  runSummary,
} from '../../src/lib/harvest/pull-request-text.ts';
import type { OrganisationReport } from '../../src/lib/harvest/report.ts';
import { organisationReport } from './organisation-report.ts';
import { outsideCode } from './outside-code.ts';

const CONTEXT = { date: '2026-12-07', hubTeam: '@council-commons/maintainers' };

/** A report for a fictional council, with one component added. */
function report(extra: Partial<OrganisationReport> = {}): OrganisationReport {
  return organisationReport({
    organisation: 'hollinsford',
    name: 'Hollinsford',
    maintainers: ['@hollinsford-council/digital'],
    written: [
      {
        path: 'content/components/hollinsford/pothole-reporter.md',
        change: 'added',
        title: 'Pothole reporter',
        upstream: 'https://github.com/hollinsford-council/pothole-reporter',
      },
    ],
    ...extra,
  });
}

describe('limits', () => {
  it('stays under GitHub’s limit with thousands of long items, showing some of every list and counting the rest', () => {
    const long = 'x'.repeat(1200);
    const many = report({
      written: Array.from({ length: 2000 }, (_, index) => ({
        path: `content/components/hollinsford/repository-${index}.md`,
        change: 'added' as const,
        title: `Repository ${index} ${long}`,
        upstream: `https://github.com/hollinsford-council/repository-${index}`,
      })),
      refused: Array.from({ length: 1500 }, (_, index) => ({
        upstream: `https://github.com/hollinsford-council/refused-${index}`,
        title: `Refused ${index}`,
        reasons: Array.from({ length: 12 }, (__, reason) => `reason ${reason}: ${long}`),
      })),
      gone: [
        {
          path: 'content/components/hollinsford/old.md',
          title: 'Old',
          upstream: 'https://github.com/hollinsford-council/old',
          reason: 'the repository was archived',
        },
      ],
    });
    const { body } = pullRequestText(many, CONTEXT);
    expect(body.length).toBeLessThanOrEqual(MAX_PULL_REQUEST_BODY);
    expect(body.length).toBeGreaterThan(MAX_PULL_REQUEST_BODY * 0.8);

    const shownAdded = body.match(/^- \[Repository \d+/gm)?.length ?? 0;
    const moreAdded = Number(/^- …and ([\d,]+) more added records, in the harvest run’s report\.$/m.exec(body)?.[1]?.replace(/,/g, ''));
    expect(shownAdded).toBeGreaterThan(0);
    expect(shownAdded + moreAdded).toBe(2000);
    const shownRefused = body.match(/^- \[Refused \d+\]/gm)?.length ?? 0;
    const moreRefused = Number(/^- …and ([\d,]+) more refused items/m.exec(body)?.[1]?.replace(/,/g, ''));
    expect(shownRefused).toBeGreaterThan(0);
    expect(shownRefused + moreRefused).toBe(1500);
    // The short list is shown whole; each long text is cut; ten reasons an item, then a count.
    expect(body).toContain('### Gone from their source (1)');
    expect(body).toContain('The repository was archived');
    expect(body).toContain('  - …and 2 more reasons.');
    expect(body).not.toContain('x'.repeat(1000));
    // The ownership rule and the footer survive.
    expect(body).toContain('delete its `harvested_from` and `harvested_on` lines');
    expect(body.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('shows every item of a report that fits', () => {
    const few = report({
      refused: Array.from({ length: 30 }, (_, index) => ({
        upstream: `https://data.gov.uk/dataset/hollinsford-${index}`,
        reasons: ['it has no licence'],
      })),
    });
    const { body } = pullRequestText(few, CONTEXT);
    expect(body.match(/^- \[https/gm)).toHaveLength(30);
    expect(body).not.toContain('more refused');
  });
});

describe('escaping', () => {
  const hostile =
    '<script>alert(1)</script> @everyone owner/repo#12 [x](javascript:alert(1)) ' +
    '![i](https://evil.example/i.png) https://evil.example | cell | `tick';

  it('lets no upstream text open HTML, a link, an image, a mention, a reference or an autolink', () => {
    const { body, title } = pullRequestText(
      report({
        name: `Hollinsford ${hostile}`,
        written: [
          {
            path: 'content/components/hollinsford/pothole-reporter.md',
            change: 'added',
            title: hostile,
            upstream: 'https://github.com/hollinsford-council/pothole-reporter',
          },
        ],
        refused: [
          { upstream: 'javascript:alert(1)', title: hostile, reasons: [hostile, `a value \`${hostile}\` in code`] },
          { upstream: 'https://user:secret@evil.example/data.json', reasons: ['credentials in the address'] },
          { upstream: 'ftp://user:secret@evil.example/data.json', reasons: ['credentials in another scheme'] },
          { upstream: 'data:text/html,<script>alert(1)</script>', reasons: ['not an address'] },
        ],
        gone: [{ path: 'content/components/hollinsford/old.md', title: hostile, upstream: 'http://evil.example/old', reason: hostile }],
        sources: [
          {
            kind: 'ckan',
            label: hostile,
            address: 'https://evil.example/a b',
            complete: false,
            failure: hostile,
            requests: 1,
            not_modified: 0,
          },
        ],
        uses: [{ component: `components/${hostile}`, fork: 'https://github.com/hollinsford-council/fork' }],
      }),
      CONTEXT,
    );
    // The marker and the footer's <sub> are the only HTML, and they are ours.
    const active = outsideCode(body.replace(/^<!-- council-commons:harvest hollinsford -->\n/, '')).replace(/<\/?sub>/g, '');
    expect(active).not.toMatch(/(?<!\\)</);
    expect(active).not.toMatch(/(?<!\\)!\[/);
    // Links only to https addresses (sources' own, from organisation files), and no other address is live.
    const links = [...active.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1]);
    expect(links).toEqual([
      'https://github.com/hollinsford-council/pothole-reporter',
      'https://github.com/hollinsford-council/fork',
      'https://evil.example/a%20b',
    ]);
    expect(active.replace(/\]\(https:\/\/[^)]*\)/g, '')).not.toMatch(/:\/\/|\]\(/);
    expect(active).not.toMatch(/(?<![\\\w])#12\b|@everyone/);
    expect(active).not.toMatch(/(?<!\\)\|/);
    expect(body).not.toContain('secret');
    expect([...active.matchAll(/@(?!\u200B)[\w-]+/g)].map((match) => match[0])).toEqual(['@hollinsford-council']);
    // Every line stays a line: nothing from upstream starts a heading, list or block of its own.
    expect(
      body
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .every((line) =>
          /^#{2,3} (Harvest for|Added|Updated|Reuse found|Gone from|Refused|Looked after|Where the harvest|How the harvest)/.test(line),
        ),
    ).toBe(true);
    expect(title).not.toMatch(/\n|@everyone|#12\b/);
    expect(title).toContain(`@${BREAK}everyone`);
  });

  it('links https addresses only, normalised', () => {
    const { body } = pullRequestText(
      report({
        refused: [
          { upstream: 'https://data.gov.uk/dataset/hollinsford-trees', title: 'Trees', reasons: ['it has no licence'] },
          { upstream: 'http://data.hollinsford.example/data.json', title: 'Plain', reasons: ['not https'] },
        ],
      }),
      CONTEXT,
    );
    expect(body).toContain('- [Trees](https://data.gov.uk/dataset/hollinsford-trees):');
    expect(body).toContain('- Plain (`http://data.hollinsford.example/data.json`):');
  });
});

describe('mentions', () => {
  it('asks the organisation’s maintainers, written as handles, and no one else', () => {
    const { body } = pullRequestText(
      report({ maintainers: ['hollinsford-dev', '@hollinsford-council/digital', '@HOLLINSFORD-DEV', 'not a handle', '<b>x</b>'] }),
      CONTEXT,
    );
    expect(body).toContain('@hollinsford-dev @hollinsford-council/digital: please review what the harvest proposes for **Hollinsford**');
    expect(body).not.toContain('council-commons/maintainers');
    expect(body).not.toContain('not a handle');
  });

  it('asks the hub’s team when the organisation lists no maintainers', () => {
    const { body } = pullRequestText(report({ maintainers: [] }), CONTEXT);
    expect(body).toContain(
      '@council-commons/maintainers: **Hollinsford** lists no maintainers in `content/organisations/hollinsford.yaml`',
    );
  });
});

describe('titles, commits and the summary', () => {
  it('counts what is added and updated in the title', () => {
    expect(pullRequestTitle(report())).toBe('Harvest for Hollinsford: 1 record added');
    const both = report({
      written: [
        { path: 'content/datasets/hollinsford/a.yaml', change: 'added', title: 'A', upstream: 'https://data.gov.uk/dataset/a' },
        { path: 'content/datasets/hollinsford/b.yaml', change: 'added', title: 'B', upstream: 'https://data.gov.uk/dataset/b' },
        {
          path: 'content/organisations/hollinsford.yaml',
          change: 'updated',
          title: 'Hollinsford',
          upstream: 'https://github.com/hollinsford-council/fork',
        },
      ],
    });
    expect(pullRequestTitle(both)).toBe('Harvest for Hollinsford: 2 records added, 1 file updated');
  });

  it('writes commit messages whose upstream text cannot add lines (or trailers) of its own', () => {
    const file = {
      path: 'content/components/hollinsford/x.md',
      change: 'updated' as const,
      title: 'X\n\nCo-authored-by: Someone <s@example.com>',
      upstream: 'https://github.com/hollinsford-council/x\nSigned-off-by: Someone',
    };
    const message = commitMessage(report(), file);
    expect(message.split('\n')).toHaveLength(3);
    expect(message.split('\n')[0]).toBe('Harvest hollinsford: Update components/hollinsford/x.md');
    expect(message).not.toMatch(/^Co-authored-by:/m);
  });

  it('gives the same text for the same report', () => {
    const value = report({ refused: [{ upstream: 'https://data.gov.uk/dataset/x', reasons: ['no licence'] }] });
    expect(pullRequestText(value, CONTEXT)).toEqual(pullRequestText(structuredClone(value), CONTEXT));
    expect(pullRequestText(value, { ...CONTEXT, date: '2026-12-14' }).body).not.toBe(pullRequestText(value, CONTEXT).body);
  });

  it('summarises a run as a table, escaping what GitHub said', () => {
    const summary = runSummary(
      [
        {
          organisation: 'hollinsford',
          action: 'opened',
          pullRequest: 4,
          message: 'hollinsford: opened pull request #4 on harvest/hollinsford (2 files).',
        },
        { organisation: 'wrenmouth', action: 'failed', message: 'wrenmouth: GitHub answered 502 | <b>' },
        { organisation: 'tarnbury', action: 'nothing-written', message: 'tarnbury: nothing written, so no pull request.' },
      ],
      (number) => `https://github.com/council-commons/hub/pull/${number}`,
    );
    expect(summary).toContain('| `hollinsford` | opened pull request');
    expect(summary).toContain('[#4](https://github.com/council-commons/hub/pull/4) |');
    expect(summary).toContain('| `wrenmouth` | GitHub answered 502 \\| \\<b\\> | – |');
    expect(summary).toContain('1 organisation had nothing written');
  });
});
