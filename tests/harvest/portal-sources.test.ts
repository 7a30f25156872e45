/**
 * The open-data sources, src/lib/harvest/ckan-source.ts and data-json-source.ts, end to end against
 * the fake portal (tests/harvest/fake-portal.ts) through the real polite client: CKAN read across
 * pages, a data.json catalogue and a single dataset, each record exactly what the importer makes of the
 * same dataset; refusals with reasons a publisher can act on; private, deleted, draft and left-out
 * datasets passed over with the reason; incomplete sources when a page fails, at the cap and at the
 * deadline; and a second run against an unchanged portal that gets 304s and the same records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harvestedFrom } from '../../schemas/fields.ts';
import { createClient } from '../../src/lib/github/client.ts';
import { CKAN_PAGE_SIZE, ckanDatasetPage, harvestCkan } from '../../src/lib/harvest/ckan-source.ts';
import { LEFT_OUT } from '../../src/lib/harvest/dataset-proposals.ts';
import { harvestDataJson } from '../../src/lib/harvest/data-json-source.ts';
import { createPoliteFetch } from '../../src/lib/harvest/http.ts';
import { MemoryResponseCache } from '../../src/lib/harvest/response-cache.ts';
import type { HarvestContext, ResponseCache, SourceResult } from '../../src/lib/harvest/types.ts';
import { loadHub } from '../../src/lib/import/check.ts';
import { mapDcat } from '../../src/lib/import/dcat.ts';
import { BASELINE, ROOT } from '../helpers/content.ts';
import { startFakePortal, type FakePortal } from './fake-portal.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/harvest/portals');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const PORTAL = 'https://data.ashdown.example';
const BRACKWATER = 'https://opendata.brackwater.example';
const CATALOGUE = `${BRACKWATER}/data.json`;
const SINGLE = `${PORTAL}/api/views/k7qp-3vzd/dcat.json`;
const ORGANISATION = 'ashdown-county-council';

const hub = loadHub(BASELINE);
const packages = fixture('ckan-packages.json') as Record<string, unknown>[];
/** Enough ordinary datasets, shaped like the fixture's library one, to need three pages of 100. */
const generated = Array.from({ length: 200 }, (_, index) => {
  const number = String(index + 1).padStart(3, '0');
  return {
    ...packages[1],
    id: `00000000-0000-4000-8000-000000000${number}`,
    name: `ward-profile-${number}`,
    title: `Ward profile ${number}`,
  };
});
const ckanPackages = [...packages, ...generated];

let fake: FakePortal;
beforeAll(async () => {
  fake = await startFakePortal({
    ckan: { [ORGANISATION]: ckanPackages, 'another-council': [packages[0]] },
    files: {
      '/data.json': fixture('data.json'),
      '/api/views/k7qp-3vzd/dcat.json': fixture('socrata-dataset.json'),
      '/other.json': { type: 'FeatureCollection', features: [] },
    },
  });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function context(
  options: {
    organisation?: string;
    leaveOut?: string[];
    cache?: ResponseCache;
    maxItems?: number;
    deadline?: number;
    maxFileBytes?: number;
  } = {},
): HarvestContext & { lines: string[] } {
  const cache = options.cache ?? new MemoryResponseCache();
  const lines: string[] = [];
  const deadline = options.deadline ?? Date.now() + 60_000;
  return {
    organisation: options.organisation ?? 'ashdown',
    licences: hub.reference.licences,
    otherLanguages: [],
    themes: hub.themes,
    organisations: hub.organisations,
    componentsByRepository: new Map(),
    filter: { topics: [], leaveOut: options.leaveOut ?? [] },
    octokit: createClient({ baseUrl: 'http://127.0.0.1:9' }),
    http: createPoliteFetch({
      hosts: { [PORTAL]: fake.origin, [BRACKWATER]: fake.origin },
      cache,
      deadline,
      retries: 2,
      retryDelayMs: 10,
      timeoutMs: 2000,
      log: (line) => lines.push(line),
    }),
    cache,
    limits: { maxFileBytes: options.maxFileBytes ?? 5 * 1024 * 1024, maxItemsPerOrganisation: options.maxItems ?? 1000, deadline },
    now: new Date(),
    log: (line) => lines.push(line),
    lines,
  };
}

const ckan = (harvest: HarvestContext, organisation = ORGANISATION) => harvestCkan({ portal: PORTAL, organisation }, harvest);
const searches = () => fake.requestsTo('/api/3/action/package_search');
const byUpstream = (result: SourceResult, name: string) =>
  result.records.find((record) => record.upstream === ckanDatasetPage(PORTAL, name));
/** What `npm run import -- dcat` makes of the same document, for the owner. */
const imported = (document: unknown, owner = 'ashdown') =>
  mapDcat(document, { licences: hub.reference.licences, themes: hub.themes, organisations: hub.organisations, owner }).records;

describe('a CKAN portal', () => {
  it('reads every page of the organisation’s datasets, sorted by name, until the count is reached', async () => {
    const result = await ckan(context());
    expect(result.complete).toBe(true);
    expect(result.failure).toBeUndefined();
    expect(searches().map((request) => Object.fromEntries(request.query))).toEqual(
      [0, 100, 200].map((start) => ({
        fq: `organization:${ORGANISATION}`,
        rows: String(CKAN_PAGE_SIZE),
        start: String(start),
        sort: 'name asc',
      })),
    );
    expect(result.records.length + result.refused.length + result.skipped.length).toBe(ckanPackages.length);
    expect(result.requests).toBe(3);
    expect(result.requests).toBe(fake.requests.length);
  });

  it('names the source and gives each dataset its page on the portal as its address', async () => {
    const result = await ckan(context());
    expect(result.source).toEqual({ kind: 'ckan', portal: PORTAL, organisation: ORGANISATION });
    expect(result.label).toBe('data.ashdown.example (organisation ashdown-county-council)');
    expect(result.address).toBe('https://data.ashdown.example/dataset/');
    for (const item of [...result.records, ...result.refused, ...result.skipped]) {
      expect(item.upstream.startsWith(result.address)).toBe(true);
      expect(harvestedFrom.safeParse(item.upstream).success).toBe(true);
    }
    expect(byUpstream(result, 'garden-waste-collection-rounds')?.title).toBe('Garden waste collection rounds');
  });

  it('makes each record exactly as the importer makes it from the same package', async () => {
    const result = await ckan(context());
    expect(result.records).toHaveLength(203);
    for (const name of ['garden-waste-collection-rounds', 'library-opening-hours', 'ward-profile-137']) {
      const pkg = ckanPackages.find((candidate) => candidate.name === name)!;
      const [expected] = imported({ success: true, result: pkg });
      const record = byUpstream(result, name)!.record;
      expect(record.fields).toEqual(expected.fields);
      expect(record.slug).toBe(expected.slug);
      expect(record.notes).toEqual(expected.notes);
    }
  });

  it('refuses datasets under a licence that is not open, saying why and to fix it on the dataset’s page', async () => {
    const result = await ckan(context());
    expect(result.refused).toEqual([
      {
        upstream: 'https://data.ashdown.example/dataset/bus-stop-timetables',
        title: 'Bus stop timetables',
        reasons: [
          'its licence cannot be taken: the portal says "other (non-commercial)", which is not an open licence. ' +
            'Set an open licence (usually the Open Government Licence, OGL-UK-3.0) on the portal’s page for the dataset, ' +
            'https://data.ashdown.example/dataset/bus-stop-timetables; if it is an open licence missing ' +
            'from data/reference/licences.csv, propose adding it there',
        ],
      },
      {
        upstream: 'https://data.ashdown.example/dataset/school-term-dates',
        title: 'School term dates',
        reasons: [
          'its licence, CC-BY-NC-4.0 (Creative Commons Attribution Non Commercial 4.0 International), is not open, ' +
            'and the hub lists only open data: publish it under an open licence (usually the Open Government Licence, ' +
            'OGL-UK-3.0) on the portal’s page for the dataset, https://data.ashdown.example/dataset/school-term-dates',
        ],
      },
    ]);
  });

  it('passes over private, deleted and draft datasets, with the reason', async () => {
    const result = await ckan(context());
    expect(result.skipped).toEqual([
      {
        upstream: 'https://data.ashdown.example/dataset/councillor-allowances-draft-figures',
        reason: 'the package is private on the portal: the hub is public, so it harvests only datasets open to everyone',
      },
      {
        upstream: 'https://data.ashdown.example/dataset/old-parking-zones',
        reason: 'the package is deleted on the portal: the hub is public, so it harvests only datasets open to everyone',
      },
      {
        upstream: 'https://data.ashdown.example/dataset/street-tree-survey-2027',
        reason: 'the package is a draft on the portal, not yet published: the hub is public, so it harvests only datasets open to everyone',
      },
    ]);
  });

  it('passes over what the organisation left out, by name or by address', async () => {
    const result = await ckan(
      context({ leaveOut: ['library-opening-hours', 'https://data.ashdown.example/dataset/garden-waste-collection-rounds/'] }),
    );
    expect(byUpstream(result, 'library-opening-hours')).toBeUndefined();
    expect(byUpstream(result, 'garden-waste-collection-rounds')).toBeUndefined();
    expect(result.skipped.filter((skipped) => skipped.reason === LEFT_OUT).map((skipped) => skipped.upstream)).toEqual([
      'https://data.ashdown.example/dataset/garden-waste-collection-rounds',
      'https://data.ashdown.example/dataset/library-opening-hours',
    ]);
    expect(result.complete).toBe(true);
  });

  it('keeps hostile text as plain text and drops javascript: addresses; it fetches none of the datasets’ files', async () => {
    const result = await ckan(context());
    const hostile = byUpstream(result, 'road-closures')!;
    const fields = hostile.record.fields;
    expect(JSON.stringify(fields)).not.toMatch(/javascript:/i);
    expect(fields.summary).toMatch(/^Planned road closures\. See the map/);
    expect(fields.summary).not.toMatch(/<|fetch|cookie/);
    // The title is kept as the text it is; the hub escapes text wherever it shows it.
    expect(fields.title).toBe("Road closures <script>alert('harvest')</script>");
    expect(fields.landing_url).toBe('https://data.ashdown.example/dataset/road-closures');
    expect((fields.distributions as { url: string }[]).map((distribution) => distribution.url)).toEqual([
      'http://files.ashdown.example/road-closures.csv',
      'https://data.ashdown.example/dataset/9c8b7a6f-5e4d-4c3b-9a2f-1f0e9d8c7b6a/' +
        'resource/5f4e3d2c-1b0a-4f9e-8d8c-7c6b5a493828/download/road-closures.geojson',
    ]);
    expect(hostile.record.notes.map((note) => note.message).join('\n')).toContain(
      'left out because it has no web address starting https:// or http://',
    );
    expect(new Set(fake.requests.map((request) => request.path))).toEqual(new Set(['/api/3/action/package_search']));
  });

  it('is incomplete, with the reason, when a page still fails after its retries; the pages read still count', async () => {
    fake.always((request) => request.path === '/api/3/action/package_search' && request.query.get('start') === '100', {
      status: 500,
      body: 'Internal Server Error',
    });
    const result = await ckan(context());
    expect(result.complete).toBe(false);
    expect(result.failure).toBe(
      `${PORTAL}/api/3/action/package_search?fq=organization:${ORGANISATION}&rows=100&start=100&sort=name%20asc ` +
        `answered 500 (internal server error); it was tried 3 times`,
    );
    expect(result.records.length + result.refused.length + result.skipped.length).toBe(100);
    expect(result.requests).toBe(4);
  });

  it('is incomplete when CKAN answers success: false, and says what the portal said', async () => {
    fake.script('/api/3/action/package_search', {
      status: 200,
      body: { help: 'x', success: false, error: { __type: 'Authorization Error', message: 'Access denied' } },
    });
    const result = await ckan(context());
    expect(result.complete).toBe(false);
    expect(result.failure).toMatch(
      /answered that the search failed \("Access denied"\): check that ashdown-county-council is the organisation's name on the portal/,
    );
    expect(result.records).toEqual([]);
  });

  it('passes on CKAN’s own explanation of a refused search', async () => {
    fake.script('/api/3/action/package_search', {
      status: 409,
      body: {
        help: 'x',
        success: false,
        error: { __type: 'Search Query Error', message: 'Search Query is invalid: "Invalid search query"' },
      },
    });
    const result = await ckan(context());
    expect(result.failure).toMatch(/answered 409 \(conflict\); the portal said: "Search Query is invalid: "Invalid search query""$/);
  });

  it('is incomplete when the answer is not CKAN’s', async () => {
    fake.script('/api/3/action/package_search', { status: 200, body: '<!DOCTYPE html><title>Data portal</title>' });
    expect((await ckan(context())).failure).toMatch(
      /did not answer with JSON, as a CKAN portal's API does: check that https:\/\/data\.ashdown\.example is the portal's address$/,
    );
    fake.script('/api/3/action/package_search', { status: 200, body: { success: true, result: { results: 'none' } } });
    expect((await ckan(context())).failure).toMatch(/did not answer as CKAN's package_search does/);
  });

  it('stops at the organisation’s cap, incomplete, and says why', async () => {
    const result = await ckan(context({ maxItems: 150 }));
    expect(result.complete).toBe(false);
    expect(result.failure).toBe(
      `only the first 150 of its ${ckanPackages.length} datasets were read: ` +
        `150 is the most the harvest takes from one organisation in a run`,
    );
    expect(result.records.length + result.refused.length + result.skipped.length).toBe(150);
    expect(searches()).toHaveLength(2);
  });

  it('starts nothing after the deadline, and says why it is incomplete', async () => {
    const result = await ckan(context({ deadline: Date.now() - 1 }));
    expect(result.complete).toBe(false);
    expect(result.failure).toBe("the harvest's time budget for this run ran out after 0 datasets had been read");
    expect(fake.requests).toHaveLength(0);
  });

  it('ends incomplete when the deadline passes between pages, saying how far it got', async () => {
    fake.script((request) => request.query.get('start') === '0', { slowBodyMs: 300 });
    const result = await ckan(context({ deadline: Date.now() + 200 }));
    expect(result.complete).toBe(false);
    expect(result.failure).toMatch(
      new RegExp(
        /^https:\/\/data\.ashdown\.example\/api\/3\/action\/package_search\?\S+ had not answered /.source +
          /when the harvest's time budget for this run ran out, after 0 datasets had been read$/.source,
      ),
    );
  });

  it('is incomplete, asking nothing, for a portal address that is not https or not an address at all', async () => {
    const plain = await harvestCkan({ portal: 'http://data.ashdown.example', organisation: ORGANISATION }, context());
    expect(plain.failure).toMatch(/^http:\/\/data\.ashdown\.example\/api\/3\/action\/package_search\?\S+ is not an https address/);
    const nonsense = await harvestCkan({ portal: 'data portal', organisation: ORGANISATION }, context());
    expect(nonsense).toMatchObject({
      complete: false,
      failure: '"data portal" is not a web address: give the CKAN portal\'s address, e.g. https://data.gov.uk',
      requests: 0,
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('is complete with nothing for an organisation with no datasets on the portal', async () => {
    const result = await ckan(context(), 'no-such-council');
    expect(result).toMatchObject({ complete: true, records: [], refused: [], skipped: [], requests: 1 });
  });

  it('asks conditionally on the next run: an unchanged portal answers 304 to every page, and the records are the same', async () => {
    const cache = new MemoryResponseCache();
    const first = await ckan(context({ cache }));
    fake.reset();
    const second = await ckan(context({ cache }));
    expect(searches().map((request) => request.status)).toEqual([304, 304, 304]);
    expect(searches().every((request) => request.ifNoneMatch !== undefined)).toBe(true);
    expect([second.requests, second.notModified]).toEqual([3, 3]);
    expect(second.records).toEqual(first.records);
    expect(second.refused).toEqual(first.refused);
    expect(second.skipped).toEqual(first.skipped);
  });
});

describe('a data.json catalogue', () => {
  const harvest = (options: Parameters<typeof context>[0] = {}) =>
    harvestDataJson({ url: CATALOGUE }, context({ organisation: 'brackwater', ...options }));

  it('proposes each open, public dataset, addressed by the catalogue and its identifier (or slug)', async () => {
    const result = await harvest();
    expect(result).toMatchObject({
      source: { kind: 'data_json', url: CATALOGUE },
      label: 'opendata.brackwater.example/data.json (DCAT)',
      address: CATALOGUE,
      complete: true,
      requests: 1,
    });
    expect(result.records.map((record) => [record.upstream, record.title])).toEqual([
      ['https://opendata.brackwater.example/data.json#https://opendata.brackwater.example/api/views/h3xd-9kq2', 'Licensed premises'],
      ['https://opendata.brackwater.example/data.json#public-toilets', 'Public toilets'],
    ]);
    for (const item of [...result.records, ...result.refused, ...result.skipped])
      expect(harvestedFrom.safeParse(item.upstream).success).toBe(true);
    const expected = imported(fixture('data.json'), 'brackwater');
    expect(result.records[0].record.fields).toEqual(expected[0].fields);
    expect(result.records[1].record.fields).toEqual(expected[3].fields);
  });

  it('refuses the dataset under CC BY-NC, pointing to its page, and passes over the non-public one', async () => {
    const result = await harvest();
    expect(result.refused).toEqual([
      {
        upstream: 'https://opendata.brackwater.example/data.json#https://opendata.brackwater.example/api/views/p8mw-2tzc',
        title: 'Polling stations',
        reasons: [
          'its licence, CC-BY-NC-4.0 (Creative Commons Attribution Non Commercial 4.0 International), is not open, ' +
            'and the hub lists only open data: publish it under an open licence (usually the Open Government Licence, ' +
            'OGL-UK-3.0) on the portal’s page for the dataset, https://opendata.brackwater.example/d/p8mw-2tzc',
        ],
      },
    ]);
    expect(result.skipped).toEqual([
      {
        upstream: 'https://opendata.brackwater.example/data.json#https://opendata.brackwater.example/api/views/t4nn-7ant',
        reason: 'its accessLevel is "non-public": the hub is public, so it harvests only datasets open to everyone',
      },
    ]);
  });

  it('keeps hostile text as plain text and no javascript: address', async () => {
    const toilets = (await harvest()).records[1].record;
    expect(JSON.stringify(toilets.fields)).not.toMatch(/javascript:|<script/i);
    expect(toilets.fields.summary).toBe('Public toilets and their opening hours.');
    expect(toilets.fields.distributions).toEqual([
      { url: 'http://files.brackwater.example/toilets.csv', format: 'CSV', media_type: 'text/csv', title: 'Toilets over plain http' },
    ]);
  });

  it('gives the same addresses every run, and an unchanged catalogue answers 304 with the same records', async () => {
    const cache = new MemoryResponseCache();
    const first = await harvest({ cache });
    fake.reset();
    const second = await harvest({ cache });
    expect(fake.requests.map((request) => request.status)).toEqual([304]);
    expect([second.requests, second.notModified]).toEqual([1, 1]);
    expect(second.records).toEqual(first.records);
    expect(second.refused).toEqual(first.refused);
  });

  it('passes over a dataset left out by its identifier or its landing page', async () => {
    const result = await harvest({ leaveOut: ['https://opendata.brackwater.example/api/views/h3xd-9kq2', 'public-toilets'] });
    expect(result.records).toEqual([]);
    expect(result.skipped.filter((skipped) => skipped.reason === LEFT_OUT)).toHaveLength(2);
  });

  it('stops at the cap, incomplete', async () => {
    const result = await harvest({ maxItems: 2 });
    expect(result.complete).toBe(false);
    expect(result.failure).toBe(
      'only the first 2 of its 4 datasets were read: 2 is the most the harvest takes from one organisation in a run',
    );
    expect(result.records.length + result.refused.length + result.skipped.length).toBe(2);
  });
});

describe('a single dataset, as Socrata publishes one', () => {
  it('is one record whose address is the dataset’s own, as the importer makes it', async () => {
    const result = await harvestDataJson({ url: SINGLE }, context());
    expect(result).toMatchObject({ address: SINGLE, complete: true, refused: [], skipped: [] });
    expect(result.records).toHaveLength(1);
    const [{ record, upstream, title }] = result.records;
    expect([upstream, title]).toEqual([SINGLE, 'On-street parking bays']);
    const [expected] = imported(fixture('socrata-dataset.json'));
    expect(record.fields).toEqual(expected.fields);
    expect(record.fields.licence).toBe('ODbL-1.0');
  });
});

describe('a data.json source that cannot be read', () => {
  it.each([
    ['a 404', '/gone.json', undefined, 'https://opendata.brackwater.example/gone.json answered 404 (not found)'],
    [
      'JSON that is not DCAT',
      '/other.json',
      undefined,
      'https://opendata.brackwater.example/other.json: it is not a CKAN package_show response',
    ],
    [
      'text that is not JSON',
      '/page.json',
      { status: 200, body: '<html>Maintenance</html>' },
      'https://opendata.brackwater.example/page.json is not valid JSON (',
    ],
    [
      'an answer that is too big',
      '/big.json',
      { hugeBytes: 8 * 1024 * 1024 },
      'https://opendata.brackwater.example/big.json is larger than 5 MB, the most the harvest reads',
    ],
    [
      'a redirect to http',
      '/moved.json',
      { redirect: 'http://opendata.brackwater.example/data.json' },
      'https://opendata.brackwater.example/moved.json redirects to ' +
        'http://opendata.brackwater.example/data.json, which is not an https address',
    ],
  ] as const)('is incomplete for %s, and says why', async (_, path, answer, failure) => {
    if (answer) fake.script(path, answer);
    const result = await harvestDataJson({ url: `${BRACKWATER}${path}` }, context({ organisation: 'brackwater' }));
    expect(result.complete).toBe(false);
    expect(result.failure?.startsWith(failure), result.failure).toBe(true);
    expect(result.records).toEqual([]);
  });
});
