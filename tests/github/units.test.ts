/** The small pure parts: safe Markdown, handles and authors, git's name-status output, the retry policy, the report schema. */
import { describe, expect, it } from 'vitest';
import { retryDecision } from '../../src/lib/github/client.ts';
import { isRevision, parseNameStatus } from '../../src/lib/github/git.ts';
import { BREAK, cell, clean, code, inline, text } from '../../src/lib/github/markdown.ts';
import { authorStatus, hubTeam, mentionsOf, organisationFacts, parseHandle } from '../../src/lib/github/ownership.ts';
import { RequestError } from 'octokit';
import { parseReport, reportSchema } from '../../src/lib/github/report.ts';
import { COMMENT_MARKER, MAX_COMMENT_CHARS, renderReport } from '../../src/lib/github/render.ts';
import { carriedLinksOf, renderIssue } from '../../src/lib/github/freshness-issues.ts';
import { sampleReport } from './sample-report.ts';

describe('safe Markdown', () => {
  it('escapes HTML, links, images and emphasis, and breaks mentions, references and autolinks', () => {
    expect(text('<img src=x onerror=alert(1)>')).toBe('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    expect(text('[a](javascript:alert(1)) ![b](https://x.example/i.png)')).toBe(`\\[a\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[b\\]\\(https\\:${BREAK}\\/\\/x\\.example\\/i\\.png\\)`);
    expect(text('@everyone and @org/team')).toBe(`\\@${BREAK}everyone and \\@${BREAK}org\\/team`);
    expect(text('see owner/repo#12 and www.example.com')).toBe(`see owner\\/repo\\#${BREAK}12 and www${BREAK}\\.example\\.com`);
  });

  it('keeps untrusted text to one clean line of bounded length', () => {
    expect(clean('a\n# heading\r\n| t |\u202Eevil\u200B')).toBe('a # heading | t |evil');
    expect(clean('x'.repeat(400), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(text('\n```\ncode')).toBe('\\`\\`\\` code');
  });

  it('makes code spans that nothing inside can close', () => {
    expect(code('@everyone')).toBe('`@everyone`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('')).toBe('');
  });

  it('keeps a message’s backticked names as code and escapes the rest', () => {
    expect(inline('`status` is "Beta"; did you mean `beta`?')).toBe('`status` is \\"Beta\\"\\; did you mean `beta`\\?');
    expect(cell('a | `b|c`')).toBe('a \\| `b\\|c`');
  });
});

describe('handles and authors', () => {
  it('normalises maintainers and tells users from teams', () => {
    expect(parseHandle('octocat')).toEqual({ mention: '@octocat', team: false, user: 'octocat' });
    expect(parseHandle('@Fenmoor-Council/digital')).toEqual({ mention: '@Fenmoor-Council/digital', team: true });
    expect(parseHandle('not a handle')).toBeUndefined();
    expect(mentionsOf(['octocat', '@octocat', 'OctoCat', '@a/b', 42])).toEqual(['@octocat', '@a/b']);
  });

  it('never claims an author is not a maintainer when a team might include them', () => {
    expect(authorStatus('octocat', ['@octocat'])).toBe('listed');
    expect(authorStatus('OctoCat', ['octocat'])).toBe('listed');
    expect(authorStatus('mallory', ['@org/team', 'octocat'])).toBe('maybe-in-team');
    expect(authorStatus('mallory', ['octocat'])).toBe('not-listed');
    expect(authorStatus('mallory', [])).toBe('no-maintainers');
    expect(authorStatus(null, ['octocat'])).toBe('unknown');
  });

  it('reads organisation facts leniently, and the hub team strictly', () => {
    expect(organisationFacts('name: X\nmaintainers: [a, "@b/c", "bad handle"]\ndemonstration: true\n')).toEqual({ name: 'X', maintainers: ['@a', '@b/c'], demonstration: true });
    expect(organisationFacts('- not\n- fields\n')).toBeUndefined();
    expect(hubTeam(undefined, {})).toBe('@council-commons/maintainers');
    expect(hubTeam(undefined, { HUB_MAINTAINERS_TEAM: '@hub/admins' })).toBe('@hub/admins');
    expect(() => hubTeam('octocat', {})).toThrow('must be written @organisation/team');
  });
});

describe('git', () => {
  it('reads name-status output with renames and odd names', () => {
    const output = ['M', 'content/a.md', 'R087', 'content/old.md', 'content/new name.md', 'D', 'content/gone.yaml', 'A', 'content/x\ty.md', 'U', 'content/conflict.md', ''].join('\0');
    expect(parseNameStatus(output)).toEqual([
      { status: 'modified', file: 'content/a.md' },
      { status: 'renamed', file: 'content/new name.md', previous: 'content/old.md' },
      { status: 'deleted', file: 'content/gone.yaml' },
      { status: 'added', file: 'content/x\ty.md' },
    ]);
  });

  it('accepts commit ids and branch names, never options', () => {
    expect(isRevision('a'.repeat(40))).toBe(true);
    expect(isRevision('origin/main')).toBe(true);
    expect(isRevision('HEAD~2')).toBe(true);
    expect(isRevision('--output=/tmp/x')).toBe(false);
    expect(isRevision('main..evil')).toBe(false);
    expect(isRevision('a b')).toBe(false);
  });
});

describe('retry policy', () => {
  const policy = { retryDelayMs: 100, maxWaitMs: 10_000, secondaryWaitMs: 5_000 };
  const failure = (status: number, headers: Record<string, string> = {}, message = 'x') =>
    new RequestError(message, status, { request: { method: 'GET', url: 'https://api.github.com/x', headers: {} }, response: { status, url: 'https://api.github.com/x', headers, data: {} } });

  it('waits for the reset of a used-up rate limit, or for retry-after', () => {
    const now = 1_000_000_000_000;
    expect(retryDecision(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3) }), 0, policy, now)).toMatchObject({ retry: true, waitMs: 3000 });
    expect(retryDecision(failure(429, { 'retry-after': '2' }), 0, policy, now)).toMatchObject({ retry: true, waitMs: 2000 });
    expect(retryDecision(failure(403, {}, 'You have exceeded a secondary rate limit'), 0, policy, now)).toMatchObject({ retry: true, waitMs: 5000 });
    expect(retryDecision(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) }), 0, policy, now)).toMatchObject({ retry: false });
  });

  it('backs off on server errors, and does not retry what retrying cannot fix', () => {
    expect(retryDecision(failure(502), 0, policy, 0)).toMatchObject({ retry: true, waitMs: 100 });
    expect(retryDecision(failure(503), 2, policy, 0)).toMatchObject({ retry: true, waitMs: 400 });
    for (const status of [401, 403, 404, 422]) expect(retryDecision(failure(status), 0, policy, 0).retry).toBe(false);
  });
});

describe('report schema', () => {
  it('accepts the sample report and refuses what is out of bounds', () => {
    expect(reportSchema.parse(sampleReport())).toEqual(sampleReport());
    expect(() => parseReport(JSON.stringify({ ...sampleReport(), pr: -1 }))).toThrow('pr:');
    const page = sampleReport();
    for (const wrong of ['/../x/', 'https://evil.example/', '/roadmap/someone-else/x/']) {
      page.records.added[0].page = wrong;
      expect(reportSchema.safeParse(page).success, wrong).toBe(false);
    }
  });
});

describe('sizes and repeat runs', () => {
  it('keeps a comment under GitHub’s limit however large the report, saying how many were left out', () => {
    const report = sampleReport();
    const problem = report.validation.problems[0];
    report.validation.problems = Array.from({ length: 400 }, (_, index) => ({ ...problem, file: `content/roadmap/westmere-digital/item-${index}.md`, message: `${'word '.repeat(190)}${index}` }));
    report.validation.errors = 5000;
    report.records.added = Array.from({ length: 300 }, (_, index) => ({ ...report.records.added[0], id: `roadmap/westmere-digital/item-${index}`, page: `/roadmap/westmere-digital/item-${index}/`, title: 't'.repeat(200) }));
    report.records.leftOut.added = 700;
    const body = renderReport(report, { marker: COMMENT_MARKER, repository: 'council-commons/hub' });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toContain('## ❌ 5,000 problems to fix');
    expect(body).toMatch(/- …and 9\d\d more\./);
    expect(body).toMatch(/…and 4,9\d\d more problems: the job summary lists every one/);
  });

  it('renders an unchanged freshness issue identically, also when a run keeps the last link findings', () => {
    const check = {
      id: 'harbourside-civic-tech',
      name: 'Harbourside Civic Tech',
      file: 'content/organisations/harbourside-civic-tech.yaml',
      demonstration: false,
      maintainers: ['@kay-dev'],
      overdue: [{ id: 'roadmap/harbourside-civic-tech/x', title: 'X', file: 'content/roadmap/harbourside-civic-tech/x.md', reviewBy: '2026-01-01' }],
    };
    const context = { repository: 'council-commons/hub', branch: 'main', serverUrl: 'https://github.com', hubTeam: '@council-commons/maintainers', today: '2026-11-27' };
    const broken = { organisation: check.id, id: 'roadmap/harbourside-civic-tech/x', title: 'X', file: 'content/roadmap/harbourside-civic-tech/x.md', field: 'links[0].url', url: 'https://x.example/', result: { url: 'https://x.example/', status: 'broken' as const, httpStatus: 404, requests: 2, message: 'answered 404 Not Found' } };
    for (const links of [[], [broken]]) {
      const checked = renderIssue({ ...check, links }, context);
      const again = renderIssue(check, context, carriedLinksOf(checked.body));
      expect(again).toEqual(checked);
    }
    expect(renderIssue({ ...check, links: [broken] }, context).title).toBe('Freshness: Harbourside Civic Tech has 1 roadmap item to review and 1 link that does not work');
  });
});
