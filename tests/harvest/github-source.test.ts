/**
 * src/lib/harvest/github-source.ts against the fake GitHub (tests/github/fake-github.ts) on loopback,
 * with GitHub's own shapes: repository lists paginated by Link headers, the Contents API's base64 and
 * raw forms, ETags and 304s, 404s, 429 with Retry-After and 5xx. Every body and repository is invented
 * (Ashdown, Brackwater and Kestrelford are the hub's fictional demonstration bodies).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentSchema } from '../../schemas/component.ts';
import { createClient } from '../../src/lib/github/client.ts';
import { harvestGitHub } from '../../src/lib/harvest/github-source.ts';
import { MemoryResponseCache } from '../../src/lib/harvest/response-cache.ts';
import type { HarvestContext, PoliteFetch, SourceResult } from '../../src/lib/harvest/types.ts';
import { checkPlannedFiles, loadHub } from '../../src/lib/import/check.ts';
import { recordPath, renderRecord } from '../../src/lib/import/render.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { FakeGitHub, type FakeRepositoryInput } from '../github/fake-github.ts';
import { contentFixture, removeFixtures } from '../helpers/content.ts';
import { BIN_DAY_FINDER, githubFixture } from './github-fixtures.ts';

const hub = loadHub(contentFixture());
afterAll(removeFixtures);

const MIT = { key: 'mit', name: 'MIT License', spdx_id: 'MIT' };
const RECENT = '2026-11-30T16:02:09Z';
const OWNER = 'ashdown-council';
const HUB_COMPONENT = 'components/brackwater/bin-day-finder';

/** The harvest's own HTTP client is for other hosts: the GitHub source must never use it. */
const noHttp: PoliteFetch = {
  getText: () => Promise.reject(new Error('the GitHub source used the HTTP client for other hosts')),
  requests: 0,
  notModified: 0,
};

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await FakeGitHub.start();
});
afterEach(async () => {
  await fake.close();
});

function contextFor(
  overrides: Partial<HarvestContext> = {},
  limits: Partial<HarvestContext['limits']> = {},
): HarvestContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    organisation: 'ashdown',
    licences: hub.reference.licences,
    otherLanguages: [],
    themes: hub.themes,
    organisations: hub.organisations,
    componentsByRepository: new Map([['https://github.com/brackwater-council/bin-day-finder', HUB_COMPONENT]]),
    filter: { topics: [], leaveOut: [] },
    octokit: createClient({ baseUrl: fake.url, retryDelayMs: 5, log: (line) => lines.push(line) }),
    http: noHttp,
    cache: new MemoryResponseCache(),
    limits: { maxFileBytes: 512 * 1024, maxItemsPerOrganisation: 500, deadline: Date.now() + 60_000, ...limits },
    now: new Date('2026-12-07T10:00:00Z'),
    log: (line) => lines.push(line),
    lines,
    ...overrides,
  };
}

function repository(fields: Partial<FakeRepositoryInput> & { name: string }): FakeRepositoryInput {
  return {
    owner: OWNER,
    description: `The ${fields.name.replace(/-/g, ' ')} service.`,
    license: MIT,
    pushed_at: RECENT,
    language: 'TypeScript',
    topics: [],
    ...fields,
  };
}

/** An organisation with one of each kind of repository the harvest meets, and enough archived ones for a second page. */
function ashdownOrganisation(): void {
  fake.addAccount(OWNER, 'Organization');
  fake.addAccount('brackwater-council', 'Organization');
  fake.addAccount('kestrelford-council', 'Organization');
  fake.addRepository({
    owner: 'brackwater-council',
    name: 'bin-day-finder',
    description: 'Bin days by postcode.',
    license: MIT,
    pushed_at: RECENT,
  });
  fake.addRepository({
    owner: 'kestrelford-council',
    name: 'letters',
    description: 'Letters to residents.',
    license: MIT,
    pushed_at: RECENT,
  });
  fake.addRepository(
    repository({
      name: 'street-light-reporter',
      files: { 'publiccode.yml': githubFixture('publiccode.yml'), 'README.md': githubFixture('README-badges.md') },
    }),
  );
  fake.addRepository(
    repository({
      name: 'bin-day-finder',
      description: 'Tells residents which bins go out this week, from their postcode.',
      homepage: 'https://bins.ashdown.example/',
      topics: ['waste', 'nodejs'],
      files: { 'README.md': githubFixture('README-badges.md') },
    }),
  );
  fake.addRepository(
    repository({
      name: 'garden-waste-renewals',
      language: 'Python',
      license: { key: 'gpl-3.0', name: 'GNU General Public License v3.0', spdx_id: 'GPL-3.0' },
      files: { 'README.rst': githubFixture('README-setext.rst') },
    }),
  );
  fake.addRepository(repository({ name: 'old-intranet', archived: true }));
  fake.addRepository({ owner: OWNER, name: 'scratch', description: null, license: null, pushed_at: RECENT });
  fake.addRepository(repository({ name: 'parking-permits', license: { key: 'other', name: 'Other', spdx_id: 'NOASSERTION' } }));
  fake.addRepository(
    repository({
      name: 'members-portal',
      license: { key: 'cc-by-nc-4.0', name: 'Creative Commons Attribution Non Commercial 4.0 International', spdx_id: 'CC-BY-NC-4.0' },
    }),
  );
  fake.addRepository(repository({ name: 'consultation-hub', pushed_at: '2024-10-15T12:00:00Z' }));
  fake.addRepository(repository({ name: 'pothole-tracker', files: { 'publiccode.yml': githubFixture('publiccode-unknown-licence.yml') } }));
  fake.addRepository(repository({ name: 'street-works-map', files: { 'publiccode.yml': githubFixture('publiccode-broken.yml') } }));
  fake.addRepository(repository({ name: 'grit-bin-map', files: { 'publiccode.yml': githubFixture('publiccode-non-osi.yml') } }));
  fake.addRepository(
    repository({
      name: 'tree-register',
      files: { 'publiccode.yml': `${githubFixture('publiccode.yml')}\n# ${'padding '.repeat(40_000)}\n` },
    }),
  );
  fake.addRepository(
    repository({ name: 'bin-collections', parent: 'brackwater-council/bin-day-finder', description: null, license: null }),
  );
  fake.addRepository(repository({ name: 'letters', parent: 'kestrelford-council/letters' }));
  for (let i = 1; i <= 100; i++) fake.addRepository(repository({ name: `archive-${String(i).padStart(3, '0')}`, archived: true }));
}

const skippedFor = (result: SourceResult, name: string) =>
  result.skipped.filter((item) => item.upstream === `https://github.com/${OWNER}/${name}`).map((item) => item.reason);
const refusedFor = (result: SourceResult, name: string) =>
  result.refused.find((item) => item.upstream === `https://github.com/${OWNER}/${name}`);
const recordFor = (result: SourceResult, name: string) =>
  result.records.find((item) => item.upstream === `https://github.com/${OWNER}/${name}`);

describe('an organisation', () => {
  it('is read across pages of 100 through the Link header, each repository once', async () => {
    ashdownOrganisation();
    const context = contextFor();
    const result = await harvestGitHub({ owner: OWNER }, context);
    const listing = fake.requests.filter((request) => request.path === `/orgs/${OWNER}/repos`);
    expect(
      listing.map((request) => [request.query.get('page'), request.query.get('per_page'), request.query.get('type'), request.status]),
    ).toEqual([
      [null, '100', 'public', 200],
      ['2', '100', 'public', 200],
    ]);
    expect(result).toMatchObject({
      source: { kind: 'github', owner: OWNER },
      label: `GitHub: ${OWNER}`,
      address: `https://github.com/${OWNER}/`,
      complete: true,
    });
    expect(result.failure).toBeUndefined();
    // 114 repositories, each accounted for exactly once.
    const upstreams = [...result.records, ...result.refused, ...result.skipped]
      .map((item) => item.upstream)
      .concat(result.uses.map((use) => use.fork));
    expect(upstreams).toHaveLength(114);
    expect(new Set(upstreams).size).toBe(114);
    for (const upstream of upstreams) expect(upstream.startsWith(result.address)).toBe(true);
    expect(result.records.map((item) => item.upstream).sort()).toEqual(
      ['bin-day-finder', 'garden-waste-renewals', 'street-light-reporter'].map((name) => `https://github.com/${OWNER}/${name}`),
    );
    // Every request the fake saw is counted, and nothing was asked twice.
    expect(result.requests).toBe(fake.requests.length);
    expect(result.notModified).toBe(0);
    expect(context.lines.at(-1)).toBe(
      `GitHub: ${OWNER}: 3 proposed, 5 refused, 105 passed over, 1 forks of hub components; ${result.requests} requests (0 not modified)`,
    );
  });

  it('makes records the validator accepts, from publiccode.yml and from metadata alike', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    const files = result.records.map(({ record }) => ({
      relative: recordPath(record, 'ashdown'),
      display: recordPath(record, 'ashdown'),
      text: renderRecord(record, '2026-12-07'),
    }));
    const problems = checkPlannedFiles(files, hub);
    expect(problems.size).toBe(3);
    for (const [file, found] of problems) expect(found, file).toEqual([]);
  });

  it('maps a publiccode.yml with the importer, under the repository’s own slug and address', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    const harvested = recordFor(result, 'street-light-reporter')!;
    expect(harvested.title).toBe('Street light fault reporter');
    expect(harvested.record).toMatchObject({ slug: 'street-light-reporter', origin: 'publiccode.yml (version 0.4)', format: 'markdown' });
    expect(harvested.record.fields).toEqual({
      title: 'Street light fault reporter',
      summary: 'Residents report a broken street light on a map, straight to the highways contractor.',
      kind: 'code',
      licence: 'MIT',
      repository_url: 'https://github.com/ashdown-council/street-light-reporter',
      url: 'https://streetlights.ashdown.example/',
      development_status: 'stable',
      maintenance: 'internal',
      platforms: ['web'],
    });
    // A repository with a publiccode.yml is not asked for its README.
    expect(fake.requests.some((request) => request.path === `/repos/${OWNER}/street-light-reporter/readme`)).toBe(false);
  });

  it('makes a component from GitHub’s metadata and the README when there is no publiccode.yml', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    const harvested = recordFor(result, 'bin-day-finder')!;
    expect(harvested.title).toBe('Bin day finder');
    expect(harvested.record.fields).toEqual(BIN_DAY_FINDER.fields);
    expect(harvested.record.body).toBe(BIN_DAY_FINDER.body);
    expect(JSON.stringify(harvested.record)).not.toContain(RECENT.slice(0, 10));
    const rst = recordFor(result, 'garden-waste-renewals')!;
    expect(rst.record.fields.licence).toBe('GPL-3.0-only');
    expect(rst.record.body).toBe(
      '\nLets residents renew their garden waste subscription online, pay by card and choose a start date.\n\nWritten in Python.\n',
    );
    expect(
      fake.requests
        .filter((request) => request.path === `/repos/${OWNER}/bin-day-finder/contents/publiccode.yml`)
        .map((request) => request.status),
    ).toEqual([404]);
  });

  it(
    'passes over archived, bare, unlicensed and stale repositories, ' + 'and refuses one under a licence that is not open, saying why',
    async () => {
      ashdownOrganisation();
      const result = await harvestGitHub({ owner: OWNER }, contextFor());
      expect(skippedFor(result, 'old-intranet')).toEqual(['not harvested: it is archived']);
      expect(skippedFor(result, 'scratch')).toEqual([
        'not harvested: it has no description on GitHub (add one in the repository’s About settings) ' +
          'and GitHub finds no licence in it (add a LICENSE file, e.g. the MIT licence)',
      ]);
      expect(skippedFor(result, 'parking-permits')).toEqual([
        'not harvested: GitHub cannot tell which licence its LICENSE file is (it says "Other", ' +
          'SPDX NOASSERTION): use the unchanged text of a standard open-source licence',
      ]);
      expect(skippedFor(result, 'members-portal')).toEqual([]);
      expect(
        result.refused
          .filter((refusal) => refusal.upstream === `https://github.com/${OWNER}/members-portal`)
          .map((refusal) => refusal.reasons),
      ).toEqual([
        [
          'its licence, Creative Commons Attribution Non Commercial 4.0 International (CC-BY-NC-4.0), ' +
            'is not an open licence: code on the hub must be open source, so it is not harvested. ' +
            'To share it, license it under an open-source licence such as MIT.',
        ],
      ]);
      expect(skippedFor(result, 'consultation-hub')).toEqual([
        'not harvested: it was last pushed to on 2024-10-15, more than 24 months ago',
      ]);
      // Passed-over repositories cost nothing beyond the list.
      for (const name of ['old-intranet', 'scratch', 'parking-permits', 'members-portal', 'consultation-hub']) {
        expect(fake.requests.some((request) => request.path.startsWith(`/repos/${OWNER}/${name}`))).toBe(false);
      }
    },
  );

  it('takes a fork of a hub component as evidence of reuse, and passes over other forks', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    expect(result.uses).toEqual([{ component: HUB_COMPONENT, fork: `https://github.com/${OWNER}/bin-collections` }]);
    expect(skippedFor(result, 'letters')).toEqual([
      'not harvested: it is a fork of kestrelford-council/letters, which is not a component on the hub',
    ]);
    expect(fake.requests.filter((request) => request.path === `/repos/${OWNER}/bin-collections`).map((request) => request.status)).toEqual([
      200,
    ]);
  });
});

describe('an organisation’s broken files', () => {
  it('refuses an invalid publiccode.yml, saying where it is and which line to fix', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    const broken = refusedFor(result, 'street-works-map')!;
    expect(broken.title).toBe('Street works map');
    expect(broken.reasons).toHaveLength(1);
    expect(broken.reasons[0]).toMatch(
      new RegExp(
        /^The publiccode\.yml at https:\/\/github\.com\/ashdown-council\/street-works-map\/blob\/main\/publiccode\.yml/.source +
          / is not valid YAML \(line 6, column 1: /.source,
      ),
    );
    expect(broken.reasons[0]).toMatch(/Correct it in the repository: the next harvest reads it again\.$/);

    const unknown = refusedFor(result, 'pothole-tracker')!;
    expect(unknown.reasons).toEqual([
      expect.stringMatching(
        new RegExp(
          /^The publiccode\.yml at https:\/\/github\.com\/ashdown-council\/pothole-tracker\/blob\/main\/publiccode\.yml, /.source +
            /line 13, column 12 \(legal\.license\): Not written: /.source +
            /the licence "Ashdown-Council-Licence-1\.0" is not one the hub knows .*: the next harvest reads it again\.$/.source,
        ),
      ),
    ]);

    const notOsi = refusedFor(result, 'grit-bin-map')!;
    expect(notOsi.reasons).toEqual([
      'The publiccode.yml at https://github.com/ashdown-council/grit-bin-map/blob/main/publiccode.yml, line 11, ' +
        'column 12 (legal.license): its licence, Creative Commons Attribution 4.0 International (CC-BY-4.0), ' +
        'is not one the Open Source Initiative approves, which code on the hub needs. ' +
        'If the software is under an open-source licence as well, name that one in legal.license: the next harvest reads it again.',
    ]);
  });

  it('refuses a publiccode.yml over 256 KiB by the size GitHub gives, without asking for it raw', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    expect(refusedFor(result, 'tree-register')!.reasons).toEqual([
      'The publiccode.yml at https://github.com/ashdown-council/tree-register/blob/main/publiccode.yml is 314 KiB; ' +
        'the harvest reads at most 256 KiB. Correct it in the repository (a publiccode.yml is a short file), ' +
        'or delete it to be harvested from the repository’s description instead.',
    ]);
    expect(fake.requests.filter((request) => request.path === `/repos/${OWNER}/tree-register/contents/publiccode.yml`)).toHaveLength(1);
  });
});

describe('files GitHub sends raw', () => {
  it('asks for the raw form when the JSON carries no content, and makes exactly the same records', async () => {
    ashdownOrganisation();
    const base64 = await harvestGitHub({ owner: OWNER }, contextFor());
    fake.requests.length = 0;
    // GitHub leaves files over 1 MB out of the JSON; a small threshold sends these small files the same way.
    fake.inlineContentMaxBytes = 100;
    const raw = await harvestGitHub({ owner: OWNER }, contextFor());
    expect(raw.records).toEqual(base64.records);
    expect(raw.refused).toEqual(base64.refused);
    expect(
      fake.requests
        .filter((request) => request.path === `/repos/${OWNER}/street-light-reporter/contents/publiccode.yml`)
        .map((request) => request.status),
    ).toEqual([200, 200]);
    expect(
      fake.requests.filter((request) => request.path === `/repos/${OWNER}/bin-day-finder/readme`).map((request) => request.status),
    ).toEqual([200, 200]);
  });

  it('gives the same text through the raw media type as through base64 (the fake answers both as GitHub does)', async () => {
    fake.addRepository(repository({ name: 'street-light-reporter', files: { 'publiccode.yml': githubFixture('publiccode.yml') } }));
    const octokit = createClient({ baseUrl: fake.url });
    const path = { owner: OWNER, repo: 'street-light-reporter', path: 'publiccode.yml' };
    const json = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', path);
    const raw = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...path,
      headers: { accept: 'application/vnd.github.raw' },
    });
    const file = json.data as { encoding: string; content: string; size: number };
    expect(file.encoding).toBe('base64');
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe(githubFixture('publiccode.yml'));
    expect(Buffer.from(raw.data as unknown as ArrayBuffer).toString('utf8')).toBe(githubFixture('publiccode.yml'));
    expect(file.size).toBe(Buffer.byteLength(githubFixture('publiccode.yml')));
  });
});

describe('who the owner is', () => {
  it('falls back to a user’s repositories when there is no organisation of that name', async () => {
    fake.addAccount('kestrel-dev', 'User');
    fake.addRepository(
      repository({
        owner: 'kestrel-dev',
        name: 'ward-boundaries',
        files: { 'README.md': '# Ward boundaries\n\nDraws the current ward boundaries on a map for councillors.\n' },
      }),
    );
    const result = await harvestGitHub({ owner: 'kestrel-dev' }, contextFor());
    expect(fake.requests.slice(0, 2).map((request) => [request.path, request.query.get('type'), request.status])).toEqual([
      ['/orgs/kestrel-dev/repos', 'public', 404],
      ['/users/kestrel-dev/repos', 'owner', 200],
    ]);
    expect(result).toMatchObject({ complete: true, label: 'GitHub: kestrel-dev', address: 'https://github.com/kestrel-dev/' });
    expect(result.records.map((item) => item.upstream)).toEqual(['https://github.com/kestrel-dev/ward-boundaries']);
    expect(result.records[0]!.record.body).toBe(
      '\nDraws the current ward boundaries on a map for councillors.\n\nWritten in TypeScript.\n',
    );
  });

  it('says which file to check when GitHub has no organisation or user of that name', async () => {
    const result = await harvestGitHub({ owner: 'no-such-council' }, contextFor());
    expect(result).toMatchObject({
      complete: false,
      failure: 'GitHub has no organisation or user called no-such-council: check `github` in content/organisations/ashdown.yaml.',
      records: [],
      skipped: [],
      requests: 2,
    });
  });

  it('refuses a name GitHub could never have, without asking', async () => {
    const result = await harvestGitHub({ owner: 'https://github.com/ashdown' }, contextFor());
    expect(result.complete).toBe(false);
    expect(result.failure).toMatch(/is not a GitHub organisation or user name: check `github` in content\/organisations\/ashdown\.yaml/);
    expect(fake.requests).toHaveLength(0);
  });

  it('uses GitHub’s spelling of the owner, so every address starts with the source’s', async () => {
    fake.addAccount('BrackwaterDC', 'Organization');
    fake.addRepository(repository({ owner: 'BrackwaterDC', name: 'Planning-Alerts' }));
    const result = await harvestGitHub({ owner: 'brackwaterdc' }, contextFor());
    expect(result).toMatchObject({ label: 'GitHub: BrackwaterDC', address: 'https://github.com/BrackwaterDC/' });
    expect(result.records.map((item) => [item.upstream, item.record.slug, item.title])).toEqual([
      ['https://github.com/BrackwaterDC/Planning-Alerts', 'planning-alerts', 'Planning alerts'],
    ]);
  });
});

describe('the organisation’s settings', () => {
  it('leaves out repositories by name or owner/name in any case, and keeps only those with a chosen topic', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub(
      { owner: OWNER },
      contextFor({ filter: { topics: ['Waste'], leaveOut: ['Street-Light-Reporter', 'ashdown-council/BIN-COLLECTIONS'] } }),
    );
    expect(result.records.map((item) => item.upstream)).toEqual([`https://github.com/${OWNER}/bin-day-finder`]);
    expect(result.uses).toEqual([]);
    expect(skippedFor(result, 'street-light-reporter')).toEqual([
      'left out by the organisation’s settings (harvest: leave_out in content/organisations/ashdown.yaml)',
    ]);
    expect(skippedFor(result, 'bin-collections')).toEqual([
      'left out by the organisation’s settings (harvest: leave_out in content/organisations/ashdown.yaml)',
    ]);
    expect(skippedFor(result, 'garden-waste-renewals')).toEqual([
      'left out by the organisation’s settings: it has none of the topics waste (harvest: topics in content/organisations/ashdown.yaml)',
    ]);
    // The topic filter is about what becomes a component: a fork of a hub component is still reuse.
    expect(await harvestGitHub({ owner: OWNER }, contextFor({ filter: { topics: ['waste'], leaveOut: [] } }))).toMatchObject({
      uses: [{ component: HUB_COMPONENT }],
    });
  });
});

describe('hostile text', () => {
  it('cleans a hostile description and README, and quotes no README over the size limit', async () => {
    fake.addRepository(
      repository({
        name: 'bins',
        description:
          '<img src=x onerror=alert(1)>Bin **day** finder\u202e with [a link](javascript:alert(1)) ' +
          '&lt;script&gt;alert(2)&lt;/script&gt;\u0007',
        language: 'TypeScript',
        files: { 'README.md': `${githubFixture('README-hostile.md')}\n${'A'.repeat(400_000)}\n` },
      }),
    );
    fake.addRepository(
      repository({
        name: 'huge-readme',
        files: { 'README.md': `Too big to read, this README has many words in it.\n${'B'.repeat(600 * 1024)}` },
      }),
    );
    const started = performance.now();
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    expect(performance.now() - started).toBeLessThan(5000);
    const bins = recordFor(result, 'bins')!;
    expect(componentSchema.safeParse(bins.record.fields).error).toBeUndefined();
    expect(JSON.stringify(bins.record.fields)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]|onerror|javascript/);
    expect(bins.record.body).not.toContain('<');
    expect(renderMarkdown(bins.record.body!).replace(/<\/?p>/g, '')).not.toContain('<');
    const huge = recordFor(result, 'huge-readme')!;
    expect(huge.record.body).toBe('\nWritten in TypeScript.\n');
    expect(huge.record.notes).toEqual([
      { level: 'info', message: 'Its README is 601 KiB; the harvest reads at most 512 KiB, so the text does not quote it.' },
    ]);
  });
});

describe('politeness', () => {
  it('waits as a 429’s Retry-After asks, retries a 5xx, and counts every try', async () => {
    ashdownOrganisation();
    fake.fail({ path: `/orgs/${OWNER}/repos`, status: 429, headers: { 'retry-after': '1' } });
    fake.fail({ path: `/repos/${OWNER}/bin-day-finder/readme`, status: 502, times: 2 });
    const context = contextFor();
    const started = Date.now();
    const result = await harvestGitHub({ owner: OWNER }, context);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(result.complete).toBe(true);
    expect(fake.requests.filter((request) => request.path === `/orgs/${OWNER}/repos`).map((request) => request.status)).toEqual([
      429, 200, 200,
    ]);
    expect(
      fake.requests.filter((request) => request.path === `/repos/${OWNER}/bin-day-finder/readme`).map((request) => request.status),
    ).toEqual([502, 502, 200]);
    expect(result.requests).toBe(fake.requests.length);
    expect(recordFor(result, 'bin-day-finder')!.record.body).toContain('Residents report a broken street light');
    expect(context.lines.some((line) => /rate limit \(429\): it asked to wait 1 s/.test(line))).toBe(true);
  });

  it('leaves a repository GitHub keeps failing on out, and the source incomplete, and carries on with the rest', async () => {
    ashdownOrganisation();
    fake.fail({ path: `/repos/${OWNER}/bin-day-finder/readme`, status: 503, times: 20 });
    const result = await harvestGitHub({ owner: OWNER }, contextFor());
    expect(result.complete).toBe(false);
    expect(result.failure).toMatch(
      /^ashdown-council\/bin-day-finder: could not read ashdown-council\/bin-day-finder: GitHub answered 503, 5 times in a row\./,
    );
    expect(recordFor(result, 'bin-day-finder')).toBeUndefined();
    expect(recordFor(result, 'garden-waste-renewals')).toBeDefined();
  });

  it('a second run against unchanged data is answered 304 and gives exactly the same result', async () => {
    ashdownOrganisation();
    const cache = new MemoryResponseCache();
    const first = await harvestGitHub({ owner: OWNER }, contextFor({ cache }));
    const firstRequests = fake.requests.length;
    const second = await harvestGitHub({ owner: OWNER }, contextFor({ cache }));
    const again = fake.requests.slice(firstRequests);
    expect({ ...second, requests: 0, notModified: 0 }).toEqual({ ...first, requests: 0, notModified: 0 });
    // Every answer is a 304 (which GitHub does not count against the rate limit): a file that was missing
    // is not asked for again while the repository has had no push since.
    expect(fake.requests.slice(0, firstRequests).some((request) => request.status === 404)).toBe(true);
    expect(again.map((request) => request.status).filter((status) => status !== 304)).toEqual([]);
    expect(second.notModified).toBe(again.length);
    expect(second.notModified).toBeGreaterThanOrEqual(9);
    expect(second.requests).toBe(again.length);
  });

  it('asks again for a file that was missing once the repository has been pushed to', async () => {
    ashdownOrganisation();
    const cache = new MemoryResponseCache();
    await harvestGitHub({ owner: OWNER }, contextFor({ cache }));
    const path = `/repos/${OWNER}/bin-day-finder/contents/publiccode.yml`;
    fake.addRepository(
      repository({
        name: 'bin-day-finder',
        pushed_at: '2026-12-01T09:00:00Z',
        files: { 'README.md': githubFixture('README-badges.md'), 'publiccode.yml': githubFixture('publiccode.yml') },
      }),
    );
    const before = fake.requests.length;
    const second = await harvestGitHub({ owner: OWNER }, contextFor({ cache }));
    expect(
      fake.requests
        .slice(before)
        .filter((request) => request.path === path)
        .map((request) => request.status),
    ).toEqual([200]);
    expect(recordFor(second, 'bin-day-finder')!.record.origin).toMatch(/publiccode\.yml/);
  });

  it('sees a change upstream through the ETag', async () => {
    ashdownOrganisation();
    const cache = new MemoryResponseCache();
    await harvestGitHub({ owner: OWNER }, contextFor({ cache }));
    fake.addRepository(
      repository({
        name: 'bin-day-finder',
        description: 'Bin days, now with garden waste too.',
        files: { 'README.md': githubFixture('README-badges.md') },
      }),
    );
    const second = await harvestGitHub({ owner: OWNER }, contextFor({ cache }));
    expect(recordFor(second, 'bin-day-finder')!.record.fields.summary).toBe('Bin days, now with garden waste too.');
  });

  it('stops at the organisation’s item cap, saying so', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor({}, { maxItemsPerOrganisation: 3 }));
    expect(result.complete).toBe(false);
    expect(result.failure).toBe(
      'Stopped after 3 repositories, the most the harvest takes from one organisation in a run; ' +
        'more were not read. Narrow what is harvested with harvest: topics in content/organisations/ashdown.yaml.',
    );
    expect(result.records.length + result.refused.length + result.skipped.length + result.uses.length).toBe(3);
    // The list stops at the first page that reaches the cap.
    expect(fake.requests.filter((request) => request.path === `/orgs/${OWNER}/repos`)).toHaveLength(1);
  });

  it('stops at the run’s deadline, incomplete, without asking', async () => {
    ashdownOrganisation();
    const result = await harvestGitHub({ owner: OWNER }, contextFor({}, { deadline: Date.now() - 1 }));
    expect(result).toMatchObject({
      complete: false,
      failure: 'The run’s time budget ran out while listing its repositories.',
      requests: 0,
    });
    expect(fake.requests).toHaveLength(0);
  });
});
