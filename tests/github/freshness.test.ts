/**
 * scripts/freshness.ts against a fake GitHub and a local web server standing in for the sites the
 * content links to. One story, in order: an overdue roadmap item opens one issue mentioning its
 * maintainers; a second run writes nothing; checking links adds a broken link to that issue and opens
 * one for an organisation without maintainers (mentioning the hub team); a run without link checks
 * keeps the link findings; once everything is fixed both issues are closed with a comment.
 *
 * Then new similar work, in a real git repository whose commits are dated: a new roadmap item like
 * another organisation's is told to both, also to one with nothing else to check, until it is more than
 * 7 days old; demonstration organisations only with --include-demonstration.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/freshness.ts';
import { freshnessMarker } from '../../src/lib/github/freshness-issues.ts';
import { FakeGitHub, TOKEN } from './fake-github.ts';
import { commitAll, commitAsBase, githubContent, NEW_ITEM, removeTemp, runScript } from './helpers.ts';

let fake: FakeGitHub;
let content: string;
let web: Server;
let webUrl: string;
/** Status by host and path, e.g. 'harbourside.example/blog/garden-waste'. */
const pages = new Map<string, number>();
let output: string[];

beforeAll(async () => {
  fake = await FakeGitHub.start('council-commons/hub');
  ({ content } = githubContent());
  web = createServer((request, response) => {
    response.writeHead(pages.get((request.url ?? '/').slice(1)) ?? 200);
    response.end();
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  pages.set('harbourside.example/blog/garden-waste', 404);
  pages.set('data.northbrook.example/library-opening-hours', 500);
});

afterAll(async () => {
  await fake.close();
  web.closeAllConnections();
  await new Promise((resolve) => web.close(resolve));
  removeTemp();
});

/** The content's https addresses, answered by the local server: https://host/path → http://127.0.0.1:port/host/path. */
const localFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return fetch(`${webUrl}/${url.host}${url.pathname}`, init);
};

async function freshness(args: string[], env: Record<string, string> = {}): Promise<number> {
  output = [];
  return main(
    ['--repo', fake.repository, '--content', content, '--today', '2026-11-27', ...args],
    { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url, HUB_RETRY_DELAY_MS: '1', HUB_WRITE_INTERVAL_MS: '0', ...env },
    { linkCheck: { fetch: localFetch, retryDelayMs: 1, timeoutMs: 2000 }, out: (line) => output.push(line) },
  );
}

const openIssues = () => fake.issues.filter((issue) => issue.state === 'open');
const issueFor = (organisation: string) => fake.issues.find((issue) => issue.body.startsWith(freshnessMarker(organisation)));

describe('freshness issues', () => {
  it('opens one issue for an organisation with an overdue roadmap item, mentioning its maintainers', async () => {
    expect(await freshness([])).toBe(0);
    expect(openIssues()).toHaveLength(1);
    const issue = issueFor('harbourside-civic-tech')!;
    expect(issue.title).toBe('Freshness: Harbourside Civic Tech has 1 roadmap item to review');
    expect(issue.labels).toEqual(['freshness']);
    expect(
      issue.body.startsWith(
        '<!-- council-commons-freshness: harbourside-civic-tech -->\n' +
          '@harbourside/digital @kay-dev: some of **Harbourside Civic Tech**’s records',
      ),
    ).toBe(true);
    expect(issue.body).toContain('### Roadmap items past their review date (1)');
    expect(issue.body).toContain(
      '- **Garden waste subscriptions online**: to be reviewed by 2026-06-30. ' +
        '[`content/roadmap/harbourside-civic-tech/garden-waste-online.md`](https://github.com/council-commons/' +
        'hub/blob/main/content/roadmap/harbourside-civic-tech/garden-waste-online.md) ' +
        '· [edit it](https://github.com/council-commons/hub/edit/main/content/roadmap/harbourside-civic-tech/' +
        'garden-waste-online.md)',
    );
    expect(issue.body).toContain('set `review_by` to a later date, such as `2027-05-27`');
    // Demonstration organisations are left out of real runs.
    expect(issue.body).not.toContain('ashdown');
    expect(output).toContain('1 of 3 organisations have something to check (demonstration organisations left out).');
  });

  it('writes nothing on a second run when nothing has changed', async () => {
    const before = fake.writes().length;
    expect(await freshness([])).toBe(0);
    expect(fake.writes()).toHaveLength(before);
    expect(output.at(-1)).toBe('Opened 0, updated 0, closed 0; 1 already up to date.');
  });

  it('adds broken links to the same issue, and mentions the hub team for an organisation without maintainers', async () => {
    expect(await freshness(['--check-links'])).toBe(0);
    expect(output).toContain('checked 3 of 3 links…');
    expect(output).toContain('Links: 1 ok, 2 broken.');
    expect(openIssues()).toHaveLength(2);
    const harbourside = issueFor('harbourside-civic-tech')!;
    expect(harbourside.number).toBe(1);
    expect(harbourside.title).toBe('Freshness: Harbourside Civic Tech has 1 roadmap item to review and 1 link that does not work');
    expect(harbourside.body).toContain('### Links that do not work (1)');
    expect(harbourside.body).toContain(
      '- **Garden waste subscriptions online**, `links[0].url`: `https://harbourside.example/blog/garden-waste` answered 404 Not Found.',
    );
    const northbrook = issueFor('northbrook-makers')!;
    expect(northbrook.body).toContain(
      '@council-commons/maintainers: some of **Northbrook Makers**’s records on ' +
        'Council Commons need checking, and Northbrook Makers lists no maintainers',
    );
    expect(northbrook.body).toContain(
      '`landing_url`: `https://data.northbrook.example/library-opening-hours` answered 500 Internal Server Error.',
    );
    expect(
      fake
        .writes()
        .map((request) => `${request.method} ${request.path}`)
        .slice(-2),
    ).toEqual(['PATCH /repos/council-commons/hub/issues/1', 'POST /repos/council-commons/hub/issues']);
  });

  it('keeps the link findings when a run does not check links', async () => {
    const before = fake.writes().length;
    expect(await freshness([])).toBe(0);
    expect(fake.writes()).toHaveLength(before);
    expect(issueFor('harbourside-civic-tech')!.body).toContain('### Links that do not work (1)');
  });

  it('leaves alone an issue that someone else wrote with the marker', async () => {
    const spoof = fake.addIssue({
      title: 'Not ours',
      body: `${freshnessMarker('westmere-digital')}\nhello`,
      labels: ['freshness'],
      user: { login: 'mallory', type: 'User' },
    });
    expect(await freshness([])).toBe(0);
    expect(spoof).toMatchObject({ state: 'open', title: 'Not ours' });
  });

  it('closes an issue, with a comment, when nothing is left to check', async () => {
    const file = join(content, 'roadmap/harbourside-civic-tech/garden-waste-online.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('review_by: 2026-06-30', 'review_by: 2027-06-30'));
    pages.set('harbourside.example/blog/garden-waste', 200);
    pages.set('data.northbrook.example/library-opening-hours', 200);
    expect(await freshness(['--check-links'])).toBe(0);
    for (const organisation of ['harbourside-civic-tech', 'northbrook-makers']) {
      const issue = issueFor(organisation)!;
      expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
      expect(fake.commentsOn(issue.number).map((comment) => comment.body)).toEqual([
        expect.stringContaining('Nothing is left to check for'),
      ]);
    }
    expect(output.at(-1)).toBe('Opened 0, updated 0, closed 2; 0 already up to date.');
  });

  it('closes duplicates, keeping the oldest issue', async () => {
    const file = join(content, 'roadmap/westmere-digital/pothole-reporting.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('review_by: 2099-12-31', 'review_by: 2026-01-31'));
    const first = fake.addIssue({ title: 'old', body: `${freshnessMarker('westmere-digital')}\nold`, labels: ['freshness'] });
    const second = fake.addIssue({ title: 'old too', body: `${freshnessMarker('westmere-digital')}\nold too`, labels: ['freshness'] });
    expect(await freshness([])).toBe(0);
    expect(first.state).toBe('open');
    expect(first.body).toContain('@westmere-lead: some of **Westmere Digital**’s records');
    expect(second).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(fake.commentsOn(second.number)[0].body).toBe(
      `Closing: this duplicates #${first.number}, which the freshness check keeps up to date for Westmere Digital.`,
    );
  });

  it('says what it would do in a dry run, and writes nothing', async () => {
    const file = join(content, 'roadmap/harbourside-civic-tech/garden-waste-online.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('review_by: 2027-06-30', 'review_by: 2026-06-30'));
    const before = fake.writes().length;
    expect(await freshness(['--dry-run'])).toBe(0);
    expect(fake.writes()).toHaveLength(before);
    expect(output).toContain(
      'Would open an issue for harbourside-civic-tech: Freshness: Harbourside Civic Tech has 1 roadmap item to review.',
    );
    expect(output.at(-1)).toBe('Dry run: 1 changes planned, nothing written.');
  });

  it('includes demonstration organisations only when asked, and then mentions nobody', async () => {
    const run = await runScript('scripts/freshness.ts', [
      '--repo',
      fake.repository,
      '--content',
      content,
      '--today',
      '2100-01-01',
      '--include-demonstration',
      '--dry-run',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dry run without GITHUB_TOKEN: GitHub was not read.');
    expect(run.stdout).toContain('=== Freshness: Ashdown has 1 roadmap item to review');
    expect(run.stdout).toContain(
      '**Ashdown** is a fictional demonstration organisation: this issue shows how the weekly freshness check works. ' +
        'Its maintainers (`@ashdown-council/digital`) are fictional and are not notified.',
    );
    expect(run.stdout).not.toMatch(/(^|[^`])@ashdown-council/m);
  });

  it('explains a GitHub failure and exits 1', async () => {
    fake.fail({
      method: 'GET',
      path: '/repos/council-commons/hub/issues',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const run = await runScript('scripts/freshness.ts', ['--repo', fake.repository, '--content', content, '--today', '2026-11-27'], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: fake.url,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'freshness: GitHub refused to list the open freshness issues in council-commons/hub (403 Resource not accessible ' +
        'by integration): the token may lack a permission this job needs, or a rate limit did not reset in time.\n',
    );
    const usage = await runScript('scripts/freshness.ts', ['--content', content]);
    expect(usage.status).toBe(2);
  });
});

describe('new similar work', () => {
  let similarFake: FakeGitHub;
  let dir: string;
  let similarContent: string;
  let lines: string[];
  const blob = (file: string) => `https://github.com/council-commons/hub/blob/main/content/${file}`;
  const issueOf = (organisation: string) => similarFake.issues.find((issue) => issue.body.startsWith(freshnessMarker(organisation)));

  async function run(today: string, args: string[] = []): Promise<number> {
    lines = [];
    return main(
      ['--repo', similarFake.repository, '--content', similarContent, '--today', today, ...args],
      { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: similarFake.url, HUB_RETRY_DELAY_MS: '1', HUB_WRITE_INTERVAL_MS: '0' },
      { out: (line) => lines.push(line) },
    );
  }

  beforeAll(async () => {
    similarFake = await FakeGitHub.start('council-commons/hub');
    ({ dir, content: similarContent } = githubContent());
    // Everything long ago; then Westmere adds an item like Harbourside's garden waste work.
    commitAsBase(dir, '2026-09-01T09:00:00Z');
    writeFileSync(join(similarContent, 'roadmap/westmere-digital/garden-waste-renewals.md'), NEW_ITEM);
    commitAll(dir, 'Westmere: garden waste renewals', '2026-11-25T10:00:00Z');
  });

  afterAll(() => similarFake.close());

  it('tells both organisations, also one with nothing else to check, with the reasons and links to both items', async () => {
    expect(await run('2026-11-27')).toBe(0);
    expect(lines).toContain(
      'New similar work: 1 pair of similar roadmap items, one or both changed from 2026-11-20 to 2026-11-27 (the last 7 days).',
    );
    expect(lines).toContain('  westmere-digital: 0 past review, 1 new similar work');

    // Westmere has nothing else to check, and still gets an issue.
    const westmere = issueOf('westmere-digital')!;
    expect(westmere.title).toBe('Freshness: Westmere Digital has 1 item of new similar work');
    expect(westmere.body).toContain(
      '@westmere-lead: Council Commons has new work similar to **Westmere Digital**’s. ' +
        'You are listed as Westmere Digital’s maintainers in',
    );
    expect(westmere.body).toContain('### New similar work (1)');
    expect(westmere.body).not.toContain('### Roadmap items past their review date');
    const harbourItem = `[Garden waste subscriptions online](${blob('roadmap/harbourside-civic-tech/garden-waste-online.md')})`;
    const westmereItem = `[Garden waste renewals online](${blob('roadmap/westmere-digital/garden-waste-renewals.md')})`;
    const westmereEntry = westmere.body.split('\n').find((line) => line.startsWith('- **[Garden waste subscriptions online]'))!;
    expect(westmereEntry.startsWith(`- **${harbourItem}** by Harbourside Civic Tech looks like your **${westmereItem}**. `)).toBe(true);
    expect(westmereEntry).toContain('both on LGSL 530 Household garden waste');
    expect(westmereEntry.endsWith(' Yours was added or changed on 2026-11-25.')).toBe(true);

    // Harbourside, which also has an overdue item, hears about it too, from its side.
    const harbourside = issueOf('harbourside-civic-tech')!;
    expect(harbourside.title).toBe('Freshness: Harbourside Civic Tech has 1 roadmap item to review and 1 item of new similar work');
    expect(harbourside.body).toContain(
      '@harbourside/digital @kay-dev: some of **Harbourside Civic Tech**’s records on Council Commons need checking, ' +
        'and the hub has new work similar to theirs.',
    );
    expect(harbourside.body).toContain(`- **${westmereItem}** by Westmere Digital looks like your **${harbourItem}**.`);
    expect(harbourside.body).toMatch(/ Theirs was added or changed on 2026-11-25\.\n/);
    // Each issue mentions only its own maintainers: the other organisation hears in its own issue.
    expect(westmere.body).not.toMatch(/(^|[^`])@(harbourside|kay-dev)/m);
    expect(harbourside.body).not.toContain('@westmere-lead');
    expect(issueOf('northbrook-makers')).toBeUndefined();
  });

  it('leaves the section as it was on a later run while the change is still new: it holds the change’s day, not today', async () => {
    const westmere = issueOf('westmere-digital')!;
    const section = (body: string) => body.slice(body.indexOf('### New similar work'));
    const harbourside = section(issueOf('harbourside-civic-tech')!.body);
    const before = similarFake.writes().length;
    expect(await run('2026-12-02')).toBe(0);
    // Only Harbourside's issue changes: its suggested review date is six months from today.
    const writes = similarFake
      .writes()
      .slice(before)
      .map((request) => `${request.method} ${request.path}`);
    expect(writes).toEqual([`PATCH /repos/council-commons/hub/issues/${issueOf('harbourside-civic-tech')!.number}`]);
    expect(section(issueOf('harbourside-civic-tech')!.body)).toBe(harbourside);
    expect(lines).toContain(`#${westmere.number} (westmere-digital) is up to date.`);
  });

  it('drops the work when it is more than 7 days old, closing an issue left with nothing', async () => {
    expect(await run('2026-12-03')).toBe(0);
    const westmere = issueOf('westmere-digital')!;
    expect(westmere).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(similarFake.commentsOn(westmere.number).map((comment) => comment.body)).toEqual([
      'Nothing is left to check for Westmere Digital: every roadmap item is within its review date and there is no new similar work. ' +
        'Thank you! Closing this issue; the weekly check opens a new one if something needs checking again.',
    ]);
    const harbourside = issueOf('harbourside-civic-tech')!;
    expect(harbourside).toMatchObject({ state: 'open', title: 'Freshness: Harbourside Civic Tech has 1 roadmap item to review' });
    expect(harbourside.body).not.toContain('New similar work');
  });

  it('counts demonstration organisations only with --include-demonstration, and prints the section in a dry run', async () => {
    // Brackwater (demonstration) adds an item like Ashdown's (demonstration) garden waste work.
    mkdirSync(join(similarContent, 'roadmap/brackwater'));
    const brackwater = NEW_ITEM.replace('services: [530]', 'services: [524]');
    writeFileSync(join(similarContent, 'roadmap/brackwater/garden-waste-renewals.md'), brackwater);
    commitAll(dir, 'Brackwater: garden waste renewals', '2026-12-01T15:00:00Z');
    const args = ['--repo', similarFake.repository, '--content', similarContent, '--today', '2026-12-03', '--dry-run'];
    const real = await runScript('scripts/freshness.ts', args);
    expect(real.status).toBe(0);
    expect(real.stdout).toContain('New similar work: 0 pairs of similar roadmap items');
    expect(real.stdout).not.toContain('Brackwater');

    const demonstration = await runScript('scripts/freshness.ts', [...args, '--include-demonstration']);
    expect(demonstration.status).toBe(0);
    expect(demonstration.stdout).toContain(
      'New similar work: 1 pair of similar roadmap items, one or both changed from 2026-11-26 to 2026-12-03 (the last 7 days).',
    );
    expect(demonstration.stdout).toContain('=== Freshness: Brackwater has 1 item of new similar work');
    expect(demonstration.stdout).toContain('=== Freshness: Ashdown has 1 item of new similar work');
    const brackwaterItem = `[Garden waste renewals online](${blob('roadmap/brackwater/garden-waste-renewals.md')})`;
    expect(demonstration.stdout).toContain(`- **${brackwaterItem}** by Brackwater looks like your **[Garden waste subscriptions online]`);
    expect(demonstration.stdout).toContain('Theirs was added or changed on 2026-12-01.');
    // Fictional maintainers are shown, never mentioned.
    expect(demonstration.stdout).not.toMatch(/(^|[^`])@ashdown-council/m);
  });
});
