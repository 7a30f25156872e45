/**
 * scripts/pr-comment.ts against a fake GitHub: one comment kept up to date (also when it is on the
 * second page of comments), nothing written for an old commit, rate limits and server errors retried,
 * a missing pull request explained, and an untrusted report neutralised or refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/pr-comment.ts';
import { BREAK } from '../../src/lib/github/markdown.ts';
import { COMMENT_MARKER } from '../../src/lib/github/render.ts';
import type { PrReport } from '../../src/lib/github/report.ts';
import { BOT, FakeGitHub, TOKEN } from './fake-github.ts';
import { GITHUB_FIXTURE, removeTemp, runScript, tempDir } from './helpers.ts';
import { HEAD, sampleReport } from './sample-report.ts';

let fake: FakeGitHub;
let lines: string[];

beforeEach(async () => {
  fake = await FakeGitHub.start('council-commons/hub');
  fake.addPull(42, HEAD, { login: 'westmere-lead', type: 'User' });
  lines = [];
});
afterEach(() => fake.close());
afterAll(removeTemp);

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: fake.url,
    HUB_RETRY_DELAY_MS: '5',
    HUB_WRITE_INTERVAL_MS: '0',
    HUB_MAX_WAIT_MS: '5000',
    ...extra,
  };
}

function reportFile(report: unknown): string {
  const file = join(tempDir(), 'report.json');
  writeFileSync(file, typeof report === 'string' ? report : JSON.stringify(report));
  return file;
}

async function comment(report: unknown, extraArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<number> {
  return main(
    ['--report', reportFile(report), '--repo', fake.repository, '--content', GITHUB_FIXTURE, ...extraArgs],
    env(extraEnv),
    (line) => lines.push(line),
  );
}

const botComments = () => fake.commentsOn(42).filter((candidate) => candidate.user.login === BOT.login);

describe('pr-comment keeps one comment', () => {
  it(
    'creates the comment on the first run: headline, records, ' + 'problems, owners (mentioned from the trusted content), similar work',
    async () => {
      expect(await comment(sampleReport(), ['--site-url', 'https://hub.example/council-commons'])).toBe(0);
      expect(fake.writes().map((request) => `${request.method} ${request.path}`)).toEqual([
        'POST /repos/council-commons/hub/issues/42/comments',
      ]);
      expect(fake.writes()[0].authorization).toBe(`token ${TOKEN}`);
      const [only] = botComments();
      const body = only.body;
      expect(body.startsWith(COMMENT_MARKER)).toBe(true);
      expect(body).toContain('## ❌ 1 problem to fix');
      expect(body).toContain(
        '[Garden waste renewals online](https://hub.example/council-commons/roadmap/westmere-digital/garden-waste-renewals/)',
      );
      // A removed record links to its file at the base commit, not to a page that is going away.
      expect(body).toContain(
        `(https://github.com/council-commons/hub/blob/${'b'.repeat(40)}/content/lessons/harbourside-civic-tech/paper-forms-first.md)`,
      );
      expect(body).toContain('(line 4, column 9, field `status`): `status` is \\"Beta\\"\\; expected one of');
      expect(body).toContain('Fix: Did you mean `beta`\\?');
      expect(body).toContain('maintained by @harbourside/digital, @kay-dev');
      expect(body).toContain(
        `\\@${BREAK}westmere\\-lead is not listed by name among Harbourside Civic Tech’s maintainers; ` +
          `if they are in team \`@harbourside/digital\`, ignore this.`,
      );
      expect(body).toContain(
        '[Garden waste subscriptions ' +
          'online](https://hub.example/council-commons/roadmap/harbourside-civic-tech/garden-waste-online/) ' +
          'by Harbourside Civic Tech (score 0.94)',
      );
      // Harbourside's maintainers were mentioned above, in whose records these are: here they are named once more, not mentioned again.
      expect(body).toContain('both ran in 2026\\. Maintained by `@harbourside/digital`, `@kay-dev`.');
      expect(lines.at(-1)).toBe('Commented on #42.');
    },
  );

  it('mentions the maintainers of similar work from the trusted content, so they can be asked to review', async () => {
    const report = sampleReport({ ownership: sampleReport().ownership.slice(1) });
    // The report's own list counts for nothing: the trusted content names Harbourside's maintainers.
    report.similar[0].matches[0].maintainers = ['@attacker'];
    expect(await comment(report)).toBe(0);
    const body = botComments()[0].body;
    expect(body).toContain('Their maintainers are named, so that they can be asked to review.');
    expect(body).toContain('both ran in 2026\\. Maintained by @harbourside/digital, @kay-dev.');
    expect(body).not.toContain('attacker');
  });

  it('updates the same comment on the next run, and writes nothing when nothing changed', async () => {
    await comment(sampleReport());
    const first = botComments()[0];
    const fixed = sampleReport({
      validation: {
        ...sampleReport().validation,
        errors: 0,
        errorsInChangedFiles: 0,
        problems: sampleReport().validation.problems.slice(1),
      },
    });
    expect(await comment(fixed)).toBe(0);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0].id).toBe(first.id);
    expect(botComments()[0].body).toContain('## ✅ Ready for review');
    expect(fake.writes().map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/council-commons/hub/issues/42/comments',
      `PATCH /repos/council-commons/hub/issues/comments/${first.id}`,
    ]);
    expect(await comment(fixed)).toBe(0);
    expect(fake.writes()).toHaveLength(2);
    expect(lines.at(-1)).toBe('The report comment on #42 is already up to date.');
  });

  it('finds its comment on the second page of comments', async () => {
    for (let index = 0; index < 130; index++) fake.addComment(42, `Comment ${index}`);
    const ours = fake.addComment(42, `${COMMENT_MARKER}\nold report`, BOT);
    for (let index = 0; index < 20; index++) fake.addComment(42, `Later comment ${index}`);
    expect(await comment(sampleReport())).toBe(0);
    const reads = fake.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/issues/42/comments'));
    expect(reads.map((request) => request.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(fake.writes().map((request) => `${request.method} ${request.path}`)).toEqual([
      `PATCH /repos/council-commons/hub/issues/comments/${ours.id}`,
    ]);
    expect(fake.commentsOn(42)).toHaveLength(151);
  });

  it('never takes over a comment by someone else that copies the marker', async () => {
    const spoof = fake.addComment(42, `${COMMENT_MARKER}\nI am the report`, { login: 'mallory', type: 'User' });
    expect(await comment(sampleReport())).toBe(0);
    expect(spoof.body).toBe(`${COMMENT_MARKER}\nI am the report`);
    expect(botComments()).toHaveLength(1);
  });
});

describe('pr-comment writes nothing for another commit', () => {
  it('skips when the pull request has moved on to a newer commit', async () => {
    fake.pulls.get(42)!.head.sha = 'c'.repeat(40);
    expect(await comment(sampleReport())).toBe(0);
    expect(fake.writes()).toEqual([]);
    expect(lines.at(-1)).toContain(
      'Pull request #42 has moved on to commit cccccccccccc; this report is for aaaaaaaaaaaa. Nothing was written',
    );
  });

  it('refuses a report for a commit other than the one the workflow run was for (from the workflow_run event)', async () => {
    const event = join(tempDir(), 'event.json');
    writeFileSync(event, JSON.stringify({ workflow_run: { head_sha: 'd'.repeat(40) } }));
    await expect(comment(sampleReport(), [], { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: event })).rejects.toThrow(
      `the report is for commit ${HEAD}, but the workflow run that made it was for ${'d'.repeat(40)}: the report was refused.`,
    );
    expect(fake.requests).toEqual([]);
  });
});

describe('pr-comment and GitHub failures', () => {
  it('waits for a used-up rate limit to reset (403, x-ratelimit-remaining 0) and goes on', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    fake.fail({ method: 'GET', path: /\/pulls\/42$/, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    const started = Date.now();
    expect(await comment(sampleReport())).toBe(0);
    const pulls = fake.requests.filter((request) => request.path.endsWith('/pulls/42'));
    expect(pulls.map((request) => request.status)).toEqual([403, 200]);
    expect(pulls[1].at).toBeGreaterThanOrEqual(Number(reset) * 1000 - 50);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(botComments()).toHaveLength(1);
  });

  it('honours retry-after on a 429 and on a secondary rate limit', async () => {
    fake.fail({ method: 'POST', status: 429, headers: { 'retry-after': '1' } });
    fake.fail({
      method: 'GET',
      path: /\/comments$/,
      status: 403,
      headers: { 'retry-after': '0' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    expect(await comment(sampleReport())).toBe(0);
    const posts = fake.requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.status)).toEqual([429, 201]);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(950);
    expect(botComments()).toHaveLength(1);
  });

  it('retries 502 and 503 answers with backoff', async () => {
    fake.fail({ method: 'GET', path: /\/pulls\/42$/, status: 502 });
    fake.fail({ method: 'POST', status: 503, times: 2 });
    expect(await comment(sampleReport())).toBe(0);
    expect(fake.requests.map((request) => request.status)).toEqual([502, 200, 200, 503, 503, 201]);
    expect(botComments()).toHaveLength(1);
  });

  it('gives up on a server that keeps failing, with a clear message and exit code 1', async () => {
    fake.fail({ method: 'GET', path: /\/pulls\/42$/, status: 500, times: 100 });
    const run = await runScript(
      'scripts/pr-comment.ts',
      ['--report', reportFile(sampleReport()), '--repo', fake.repository, '--content', GITHUB_FIXTURE],
      env(),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('pr-comment: could not read pull request #42 in council-commons/hub');
    expect(run.stderr).toContain('5 times in a row');
    expect(fake.requests).toHaveLength(5);
  });

  it('does not wait for a rate limit that resets too late, and says until when', async () => {
    fake.fail({
      method: 'GET',
      path: /\/pulls\/42$/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
    });
    await expect(comment(sampleReport())).rejects.toThrow(
      /rate limit is used up \(403\) until \d\d:\d\d:\d\d UTC, longer than the 5 s this script waits/,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a missing pull request clearly, with exit code 1', async () => {
    const run = await runScript(
      'scripts/pr-comment.ts',
      ['--report', reportFile(sampleReport({ pr: 7 })), '--repo', fake.repository, '--content', GITHUB_FIXTURE],
      env(),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('pr-comment: the pull request #7 was not found in council-commons/hub: was it deleted?\n');
    expect(fake.writes()).toEqual([]);
  });

  it('exits 2 on wrong usage', async () => {
    const run = await runScript('scripts/pr-comment.ts', ['--report', 'x.json', '--repo', 'not a repo'], env());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--repo must be owner/name');
  });
});

describe('pr-comment and an untrusted report', () => {
  const hostile = () => {
    const report = sampleReport();
    report.author = 'mallory';
    report.records.added[0].title =
      '<img src=x onerror=alert(1)> [link](javascript:alert(1)) ' +
      '@everyone ![x](https://evil.example/p.png) owner/repo#1 https://evil.example www.evil.example';
    report.records.added[0].organisation.name = '</details><script>alert(1)</script>';
    report.validation.problems[0].message = 'oops <svg onload=alert(1)> @council-commons/maintainers ```\n# heading\n| a | b |';
    report.validation.problems[0].fix = '[click](https://evil.example) `@everyone`';
    report.validation.problems[0].file = 'content/roadmap/x y/<b>.md';
    report.ownership[1].maintainers = ['@evil-team/everyone', 'attacker'];
    // An organisation the default branch does not have: the report's maintainers for it count for nothing.
    report.ownership.push({
      organisation: { id: 'brand-new-body', name: 'Brand New Body' },
      demonstration: false,
      maintainers: ['@attacker-team/x', 'attacker2'],
      records: ['organisations/brand-new-body'],
      recordsLeftOut: 0,
      flags: [],
    });
    report.similar[0].matches[0].reasons = '<a href="https://evil.example">x</a>';
    return report;
  };

  it('shows every string as plain text: no HTML, no links or images to other sites, no mentions but the trusted maintainers', async () => {
    expect(await comment(hostile(), ['--site-url', 'https://hub.example/'])).toBe(0);
    const body = botComments()[0].body;
    // Outside code spans (which GitHub shows as they are), every < is escaped but the marker's and <sub>'s.
    const outsideCode = body.replace(/`[^`\n]*`/g, '');
    expect([...outsideCode.matchAll(/(?<!\\)<\/?[a-z!]+/gi)].map((match) => match[0])).toEqual(['<!', '<sub', '</sub']);
    expect(body).not.toContain('](javascript:');
    expect(body).not.toContain('](https://evil.example');
    expect(body).not.toMatch(/\]\((?!https:\/\/(?:hub\.example\/|github\.com\/council-commons\/hub\/))/);
    // Every @ outside code spans is either a trusted maintainer's mention or broken with an invisible space.
    const mentions = [...outsideCode.matchAll(/@(?!\u200B)([A-Za-z0-9-]+(?:\/[A-Za-z0-9_-]+)?)/g)].map((match) => match[1]);
    expect(new Set(mentions)).toEqual(new Set(['harbourside/digital', 'kay-dev', 'westmere-lead']));
    expect(body).not.toContain('attacker');
    // The author comes from GitHub's answer, not from the report.
    expect(body).not.toContain('mallory');
    expect(body).toContain('- **Brand New Body**: 1 record or file in this pull request; no maintainers listed.');
    expect(body).toContain(
      `Brand New Body is new to the hub: check that it is a real body and that \\@${BREAK}westmere\\-lead may speak for it.`,
    );
    expect(body).toContain(`\\#${BREAK}1`);
    expect(body).toContain(`https\\:${BREAK}\\/\\/evil\\.example`);
    expect(body).toContain(`www${BREAK}\\.evil`);
    // Nothing starts a heading, table or code block.
    expect(body).not.toMatch(/^(#+ (?!❌|✅|What changes|Problems to fix|Advice|Whose records|Similar work)|\| a|```)/m);
    // The file name that is not a plain path is shown, not linked.
    expect(body).toContain('`content/roadmap/x y/<b>.md`');
  });

  it('refuses a report over 1 MB (a 10 MB title) without reading it', async () => {
    const report = sampleReport();
    report.records.added[0].title = 'x'.repeat(10 * 1024 * 1024);
    await expect(comment(report)).rejects.toThrow(
      /the report was refused: .*report\.json is 10\.0 MB, more than the 1 MB a report may be\. It was not read\./,
    );
    expect(fake.requests).toEqual([]);
  });

  it('refuses a report that does not match the schema, saying where', async () => {
    const tooLong = sampleReport();
    tooLong.records.added[0].title = 'x'.repeat(5000);
    await expect(comment(tooLong)).rejects.toThrow(
      'the report was refused: the report does not match report.json version 2: records.added.0.title: Too big',
    );
    const badId = sampleReport();
    badId.records.added[0].id = 'roadmap/../../etc/passwd';
    await expect(comment(badId)).rejects.toThrow('records.added.0.id');
    const extra = { ...sampleReport(), script: 'rm -rf /' };
    await expect(comment(extra)).rejects.toThrow(/Unrecognized key/);
    await expect(comment({ ...sampleReport(), version: 1 } as unknown as PrReport)).rejects.toThrow('version');
    await expect(comment('not json {')).rejects.toThrow('the report was refused: the report is not JSON');
    expect(fake.requests).toEqual([]);
  });

  it('exits 1 with the reason when the report is refused', async () => {
    const run = await runScript(
      'scripts/pr-comment.ts',
      ['--report', reportFile({ ...sampleReport(), head: 'main' }), '--repo', fake.repository, '--content', GITHUB_FIXTURE],
      env(),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^pr-comment: the report was refused: the report does not match report\.json version 2: head: /);
  });
});
