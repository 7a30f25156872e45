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
    expect(text('[a](javascript:alert(1)) ![b](https://x.example/i.png)')).toBe(
      `\\[a\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[b\\]\\(https\\:${BREAK}\\/\\/x\\.example\\/i\\.png\\)`,
    );
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
    expect(organisationFacts('name: X\nmaintainers: [a, "@b/c", "bad handle"]\ndemonstration: true\n')).toEqual({
      name: 'X',
      maintainers: ['@a', '@b/c'],
      demonstration: true,
    });
    expect(organisationFacts('- not\n- fields\n')).toBeUndefined();
    expect(hubTeam(undefined, {})).toBe('@council-commons/maintainers');
    expect(hubTeam(undefined, { HUB_MAINTAINERS_TEAM: '@hub/admins' })).toBe('@hub/admins');
    expect(() => hubTeam('octocat', {})).toThrow('must be written @organisation/team');
  });
});

describe('git', () => {
  it('reads name-status output with renames and odd names', () => {
    const output = [
      'M',
      'content/a.md',
      'R087',
      'content/old.md',
      'content/new name.md',
      'D',
      'content/gone.yaml',
      'A',
      'content/x\ty.md',
      'U',
      'content/conflict.md',
      '',
    ].join('\0');
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
    new RequestError(message, status, {
      request: { method: 'GET', url: 'https://api.github.com/x', headers: {} },
      response: { status, url: 'https://api.github.com/x', headers, data: {} },
    });

  it('waits for the reset of a used-up rate limit, or for retry-after', () => {
    const now = 1_000_000_000_000;
    expect(
      retryDecision(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3) }), 0, policy, now),
    ).toMatchObject({ retry: true, waitMs: 3000 });
    expect(retryDecision(failure(429, { 'retry-after': '2' }), 0, policy, now)).toMatchObject({ retry: true, waitMs: 2000 });
    expect(retryDecision(failure(403, {}, 'You have exceeded a secondary rate limit'), 0, policy, now)).toMatchObject({
      retry: true,
      waitMs: 5000,
    });
    expect(
      retryDecision(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) }), 0, policy, now),
    ).toMatchObject({ retry: false });
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

describe('new similar work in the freshness issue', () => {
  const context = {
    repository: 'council-commons/hub',
    branch: 'main',
    serverUrl: 'https://github.com',
    hubTeam: '@council-commons/maintainers',
    hubName: 'Council Commons',
    today: '2026-11-27',
  };
  const blob = 'https://github.com/council-commons/hub/blob/main/content/roadmap';
  const side = (organisation: string, slug: string, title: string, changed?: string) => ({
    id: `roadmap/${organisation}/${slug}`,
    organisation,
    organisationName: organisation === 'westmere-digital' ? 'Westmere Digital' : 'Northbrook Makers',
    file: `content/roadmap/${organisation}/${slug}.md`,
    title,
    ...(changed ? { changed } : {}),
  });
  const entry = (index: number, ownChanged?: string, otherChanged?: string) => ({
    own: side('northbrook-makers', `calendar-${index}`, `Calendar ${index}`, ownChanged),
    other: side('westmere-digital', `renewals-${index}`, `Renewals ${index}`, otherChanged),
    score: 0.5,
    reasons: 'Both on LGSL 530 Household garden waste; both running in 2026.',
  });
  const northbrook = {
    id: 'northbrook-makers',
    name: 'Northbrook Makers',
    file: 'content/organisations/northbrook-makers.yaml',
    demonstration: false,
    maintainers: [],
    overdue: [],
  };

  it('is for the hub team when the organisation lists no maintainers, and says when each side changed', () => {
    const similar = [
      entry(1, '2026-11-26', '2026-11-26'),
      entry(2, '2026-11-21', '2026-11-25'),
      entry(3, undefined, '2026-11-25'),
      entry(4, '2026-11-24'),
    ];
    const issue = renderIssue({ ...northbrook, similar }, context);
    expect(issue.title).toBe('Freshness: Northbrook Makers has 4 items of new similar work');
    expect(issue.body).toContain(
      '@council-commons/maintainers: Council Commons has new work similar to **Northbrook Makers**’s, ' +
        'and Northbrook Makers lists no maintainers',
    );
    const entries = issue.body.split('\n').filter((line) => line.startsWith('- **['));
    expect(entries[0]).toBe(
      `- **[Renewals 1](${blob}/westmere-digital/renewals-1.md)** by Westmere Digital ` +
        `looks like your **[Calendar 1](${blob}/northbrook-makers/calendar-1.md)**. ` +
        'Both on LGSL 530 Household garden waste\\; both running in 2026\\. Both were added or changed on 2026-11-26.',
    );
    expect(entries.slice(1).map((line) => line.slice(line.lastIndexOf('2026\\. ') + 7))).toEqual([
      'Theirs was added or changed on 2026-11-25, yours on 2026-11-21.',
      'Theirs was added or changed on 2026-11-25.',
      'Yours was added or changed on 2026-11-24.',
    ]);
  });

  it('lists at most 50 entries, and says how many more', () => {
    const similar = Array.from({ length: 53 }, (_, index) => entry(index, undefined, '2026-11-25'));
    const body = renderIssue({ ...northbrook, similar }, context).body;
    expect(body.split('\n').filter((line) => line.startsWith('- **['))).toHaveLength(50);
    expect(body).toContain('- …and 3 more: each roadmap item’s page on the hub lists its similar work.');
  });
});

describe('similar work in the report', () => {
  const trusted = (organisation: string) =>
    ({
      'harbourside-civic-tech': { maintainers: ['@harbourside/digital', 'kay-dev'], demonstration: false },
      ashdown: { maintainers: ['@ashdown-council/digital'], demonstration: true },
    })[organisation];
  const match = sampleReport().similar[0].matches[0];
  const withMatches = (matches: (typeof match)[]) => sampleReport({ ownership: [], similar: [{ ...sampleReport().similar[0], matches }] });

  it('mentions trusted maintainers of the record’s own organisation, never a demonstration body’s, and shows the rest as code', () => {
    // The report says the record is another body's; the mentions follow the record's id.
    const lying = { ...match, organisation: { id: 'westmere-digital', name: 'Harbourside Civic Tech' } };
    const demonstration = {
      ...match,
      id: 'roadmap/ashdown/garden-waste-online',
      organisation: { id: 'ashdown', name: 'Ashdown' },
      maintainers: ['@ashdown-council/digital'],
      demonstration: true,
    };
    const body = renderReport(withMatches([lying, demonstration]), { trusted });
    expect(body).toContain('Maintained by @harbourside/digital, @kay-dev.');
    expect(body).toContain('Maintained by `@ashdown-council/digital` (demonstration: fictional, not notified).');
    expect(body).not.toContain('@westmere-lead');
    // Without a trusted source (the job summary), the report's handles are shown as code.
    expect(renderReport(withMatches([match]))).toContain('Maintained by `@harbourside/digital`, `@kay-dev`.');
  });

  it('mentions nobody when the similar work is by more organisations than the mention limit', () => {
    const many = Array.from({ length: 3 }, (_, index) => ({ ...match, id: `roadmap/harbourside-civic-tech/item-${index}` }));
    const similar = many.map((item, index) => ({ id: `roadmap/westmere-digital/new-${index}`, title: `New ${index}`, matches: [item] }));
    const report = sampleReport({ ownership: [], similar });
    expect(renderReport(report, { trusted, mentionLimit: 1 })).toContain('Maintained by @harbourside/digital, @kay-dev.');
    const others = many.map((item, index) => ({ ...item, id: `roadmap/body-${index}/item` }));
    const asHarbourside = (id: string) => (id.startsWith('body-') ? trusted('harbourside-civic-tech') : undefined);
    const spread = renderReport(withMatches(others), { trusted: asHarbourside, mentionLimit: 2 });
    expect(spread).toContain('_Similar work by 3 organisations is listed, so no maintainers are mentioned: a hub maintainer can ask');
    expect(spread).not.toMatch(/(^|[^`])@harbourside/m);
  });
});

describe('sizes and repeat runs', () => {
  it('keeps a comment under GitHub’s limit however large the report, saying how many were left out', () => {
    const report = sampleReport();
    const problem = report.validation.problems[0];
    report.validation.problems = Array.from({ length: 400 }, (_, index) => ({
      ...problem,
      file: `content/roadmap/westmere-digital/item-${index}.md`,
      message: `${'word '.repeat(190)}${index}`,
    }));
    report.validation.errors = 5000;
    report.records.added = Array.from({ length: 300 }, (_, index) => ({
      ...report.records.added[0],
      id: `roadmap/westmere-digital/item-${index}`,
      page: `/roadmap/westmere-digital/item-${index}/`,
      title: 't'.repeat(200),
    }));
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
      overdue: [
        { id: 'roadmap/harbourside-civic-tech/x', title: 'X', file: 'content/roadmap/harbourside-civic-tech/x.md', reviewBy: '2026-01-01' },
      ],
      similar: [],
    };
    const context = {
      repository: 'council-commons/hub',
      branch: 'main',
      serverUrl: 'https://github.com',
      hubTeam: '@council-commons/maintainers',
      hubName: 'Council Commons',
      today: '2026-11-27',
    };
    const broken = {
      organisation: check.id,
      id: 'roadmap/harbourside-civic-tech/x',
      title: 'X',
      file: 'content/roadmap/harbourside-civic-tech/x.md',
      field: 'links[0].url',
      url: 'https://x.example/',
      result: { url: 'https://x.example/', status: 'broken' as const, httpStatus: 404, requests: 2, message: 'answered 404 Not Found' },
    };
    for (const links of [[], [broken]]) {
      const checked = renderIssue({ ...check, links }, context);
      const again = renderIssue(check, context, carriedLinksOf(checked.body));
      expect(again).toEqual(checked);
    }
    expect(renderIssue({ ...check, links: [broken] }, context).title).toBe(
      'Freshness: Harbourside Civic Tech has 1 roadmap item to review and 1 link that does not work',
    );
  });
});
