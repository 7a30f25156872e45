/**
 * npm run harvest as the workflow runs it: the real script in its own process, reading a fake GitHub and
 * a fake CKAN and data.json portal on loopback (HUB_HARVEST_HOSTS points the portals' addresses at the
 * fake), writing into a copy of the test content, which npm run validate then checks. Then what the rules
 * promise, run after run: nothing changes when nothing changed upstream, an upstream change updates its
 * record, a person's record is left alone, nothing is deleted, and a dry run writes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvestReportSchema, type HarvestReport, type OrganisationReport } from '../../src/lib/harvest/report.ts';
import { FakeGitHub, TOKEN, type FakeRepository } from '../github/fake-github.ts';
import { removeTemp, runScript, tempDir } from '../github/helpers.ts';
import { contentFixture, removeFixtures } from '../helpers/content.ts';
import { startFakePortal, type FakePortal } from './fake-portal.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/harvest', name), 'utf8');
const PORTAL = 'https://data.quillmoor.example';
const CATALOGUE = 'https://opendata.quillmoor.example/data.json';

/** Two fictional councils that are not demonstration bodies (the harvest never reads those). */
const QUILLMOOR = `name: Quillmoor
official_name: Quillmoor District Council
type: district
gss_code: E99999971
nation: england
# Our GitHub organisation and where we publish data.
github: quillmoor-council
open_data:
  - { ckan: ${PORTAL}, organisation: quillmoor }
  - { data_json: ${CATALOGUE} }
maintainers: ['@quillmoor-council/digital']
`;
const LARCHFIELD = `name: Larchfield
official_name: Larchfield Borough Council
type: district
gss_code: E99999972
nation: england
github: larchfield-council
harvest:
  leave_out: [scratchpad]
`;

let github: FakeGitHub;
let portal: FakePortal;
let content: string;
let cache: string;
const repositories = new Map<string, FakeRepository>();
const recent = '2026-11-02T10:00:00Z';

beforeAll(async () => {
  github = await FakeGitHub.start();
  portal = await startFakePortal({
    ckan: { quillmoor: JSON.parse(fixture('portals/ckan-packages.json')) },
    files: { '/data.json': JSON.parse(fixture('portals/data.json')) },
  });
  content = contentFixture();
  cache = join(tempDir(), 'cache');
  writeFileSync(join(content, 'organisations/quillmoor.yaml'), QUILLMOOR);
  writeFileSync(join(content, 'organisations/larchfield.yaml'), LARCHFIELD);
  // A component already on the hub, which one of Quillmoor's repositories is a fork of.
  mkdirSync(join(content, 'components/larchfield'), { recursive: true });
  writeFileSync(
    join(content, 'components/larchfield/planning-alerts.yaml'),
    'title: Planning alerts\nsummary: Emails residents about planning applications near them.\n' +
      'kind: code\nlicence: MIT\nrepository_url: https://github.com/larchfield-council/planning-alerts\n',
  );

  github.addAccount('quillmoor-council');
  github.addAccount('larchfield-council');
  const mit = { key: 'mit', name: 'MIT License', spdx_id: 'MIT' };
  const add = (input: Parameters<FakeGitHub['addRepository']>[0]) =>
    repositories.set(`${input.owner}/${input.name}`, github.addRepository(input));
  add({
    owner: 'quillmoor-council',
    name: 'bin-day-finder',
    description: 'Tells residents their bin day.',
    license: mit,
    pushed_at: recent,
    language: 'TypeScript',
    files: { 'publiccode.yml': fixture('github/publiccode.yml') },
  });
  add({
    owner: 'quillmoor-council',
    name: 'street-works-map',
    description: 'A map of street works in Quillmoor.',
    license: mit,
    topics: ['highways'],
    pushed_at: recent,
    language: 'Python',
    files: { 'README.md': fixture('github/README.md') },
  });
  add({ owner: 'quillmoor-council', name: 'old-site', description: 'The old website.', license: mit, pushed_at: recent, archived: true });
  add({
    owner: 'quillmoor-council',
    name: 'members-portal',
    description: 'For councillors.',
    license: { key: 'cc-by-nc-4.0', name: 'Creative Commons Attribution Non Commercial 4.0 International', spdx_id: 'CC-BY-NC-4.0' },
    pushed_at: recent,
  });
  add({
    owner: 'quillmoor-council',
    name: 'permits',
    description: 'Parking permits.',
    license: mit,
    pushed_at: recent,
    files: { 'publiccode.yml': fixture('github/publiccode-broken.yml') },
  });
  add({
    owner: 'quillmoor-council',
    name: 'planning-alerts',
    description: 'Our copy of Larchfield’s planning alerts.',
    license: mit,
    pushed_at: recent,
    parent: 'larchfield-council/planning-alerts',
  });
  add({
    owner: 'larchfield-council',
    name: 'planning-alerts',
    description: 'Emails residents about planning applications near them.',
    license: mit,
    pushed_at: recent,
  });
  add({ owner: 'larchfield-council', name: 'scratchpad', description: 'Experiments.', license: mit, pushed_at: recent });
});

afterAll(async () => {
  await github?.close();
  await portal?.close();
  removeFixtures();
  removeTemp();
});

async function harvest(args: string[] = [], today = '2026-12-07') {
  const run = await runScript(
    'scripts/harvest.ts',
    ['--content', content, '--cache', cache, '--today', today, '--format', 'json', ...args],
    {
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: TOKEN,
      HUB_RETRY_DELAY_MS: '5',
      HUB_HARVEST_HOSTS: JSON.stringify({ [PORTAL]: portal.origin, 'https://opendata.quillmoor.example': portal.origin }),
    },
  );
  const report = run.status === 0 ? harvestReportSchema.parse(JSON.parse(run.stdout)) : undefined;
  return { ...run, report };
}

const organisation = (report: HarvestReport | undefined, id: string): OrganisationReport =>
  report!.organisations.find((entry) => entry.organisation === id)!;

/** Every file under the content folder with a hash of its bytes: what "changes no file" is checked against. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(content, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(content.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

function changedBetween(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort();
}

async function validate() {
  return runScript('scripts/validate.ts', ['--content', content]);
}

describe('npm run harvest, end to end', () => {
  it(
    'writes what each organisation publishes, refuses what it cannot take with reasons, ' + 'and the result passes npm run validate',
    async () => {
      const run = await harvest();
      expect(run.stderr).toContain('Harvesting 2 organisations.');
      expect(run.stderr).toMatch(/\[1\/2\] larchfield: 1 kept as people’s \(GitHub: larchfield-council; \d+ requests/);
      expect(run.stderr).toMatch(/\[2\/2\] quillmoor: \d+ added, 1 updated/);
      expect(run.status).toBe(0);

      const quillmoor = organisation(run.report, 'quillmoor');
      expect(quillmoor.sources.map((source) => [source.kind, source.complete])).toEqual([
        ['github', true],
        ['ckan', true],
        ['data_json', true],
      ]);
      const written = quillmoor.written.map((item) => item.path);
      expect(written).toEqual(
        expect.arrayContaining([
          'content/components/quillmoor/street-works-map.md',
          'content/datasets/quillmoor/garden-waste-collection-rounds.yaml',
          'content/datasets/quillmoor/road-closures.yaml',
          'content/organisations/quillmoor.yaml',
        ]),
      );
      expect(
        written.some((path) => /components\/quillmoor\/.*\.md$/.test(path) && path !== 'content/components/quillmoor/street-works-map.md'),
      ).toBe(true); // from publiccode.yml
      expect(quillmoor.uses).toEqual([
        { component: 'components/larchfield/planning-alerts', fork: 'https://github.com/quillmoor-council/planning-alerts' },
      ]);
      expect(readFileSync(join(content, 'organisations/quillmoor.yaml'), 'utf8')).toContain(
        '# Our GitHub organisation and where we publish data.',
      );
      expect(readFileSync(join(content, 'organisations/quillmoor.yaml'), 'utf8')).toContain(
        'uses:\n  - components/larchfield/planning-alerts\n',
      );

      const refused = new Map(quillmoor.refused.map((item) => [item.upstream, item.reasons.join(' ')]));
      expect(refused.get('https://github.com/quillmoor-council/members-portal')).toMatch(/CC-BY-NC-4\.0.*not an open licence/);
      expect(refused.get('https://github.com/quillmoor-council/permits')).toMatch(/publiccode\.yml.*line \d+/);
      expect(refused.get(`${PORTAL}/dataset/school-term-dates`)).toMatch(/not open/);
      expect([...refused.keys()].every((upstream) => !existsIn(written, upstream))).toBe(true);
      // Not written: archived, private, deleted and draft items, and what an organisation leaves out.
      expect(snapshot().has('components/quillmoor/old-site.md')).toBe(false);
      // Larchfield wrote its own record of planning-alerts: the harvest leaves it to them, and skips what it leaves out.
      expect(organisation(run.report, 'larchfield').written).toEqual([]);
      expect(organisation(run.report, 'larchfield').hand_owned).toEqual([
        { path: 'content/components/larchfield/planning-alerts.yaml', upstream: 'https://github.com/larchfield-council/planning-alerts' },
      ]);

      const street = readFileSync(join(content, 'components/quillmoor/street-works-map.md'), 'utf8');
      expect(street).toContain('harvested_from: https://github.com/quillmoor-council/street-works-map\nharvested_on: 2026-12-07\n');
      expect(street).toContain('Written in Python.');
      const validation = await validate();
      expect(validation.stdout + validation.stderr).toMatch(/no errors/);
      expect(validation.status).toBe(0);
    },
  );

  it('changes no file, not even a date, on the next run when nothing changed upstream, and asks conditionally', async () => {
    const before = snapshot();
    const run = await harvest([], '2026-12-14');
    expect(run.status).toBe(0);
    expect(changedBetween(before, snapshot())).toEqual([]);
    for (const entry of run.report!.organisations) expect(entry.written).toEqual([]);
    expect(organisation(run.report, 'quillmoor').unchanged.length).toBeGreaterThan(3);
    expect(organisation(run.report, 'quillmoor').sources.every((source) => source.not_modified > 0)).toBe(true);
  });

  it('updates a record when its upstream changes, with the day it changed, and nothing else', async () => {
    repositories.get('quillmoor-council/street-works-map')!.description = 'A map of street works and road closures in Quillmoor.';
    const before = snapshot();
    const run = await harvest([], '2026-12-21');
    expect(changedBetween(before, snapshot())).toEqual(['components/quillmoor/street-works-map.md']);
    expect(organisation(run.report, 'quillmoor').written).toEqual([
      {
        path: 'content/components/quillmoor/street-works-map.md',
        change: 'updated',
        title: 'Street works map',
        upstream: 'https://github.com/quillmoor-council/street-works-map',
      },
    ]);
    const text = readFileSync(join(content, 'components/quillmoor/street-works-map.md'), 'utf8');
    expect(text).toContain('and road closures');
    expect(text).toContain('harvested_on: 2026-12-21');
  });

  it('leaves a record alone once a person deletes harvested_from, and never deletes one whose upstream has gone', async () => {
    const path = join(content, 'components/quillmoor/street-works-map.md');
    const mine = readFileSync(path, 'utf8')
      .replace(/harvested_from: .*\nharvested_on: .*\n/, '')
      .replace('A map of street works', 'Our own words about the map of street works');
    writeFileSync(path, mine);
    repositories.get('quillmoor-council/street-works-map')!.description = 'Changed again upstream.';
    portal.ckan.set(
      'quillmoor',
      (portal.ckan.get('quillmoor') ?? []).filter((item) => (item as { name: string }).name !== 'road-closures'),
    );
    const before = snapshot();
    const run = await harvest([], '2026-12-28');
    expect(changedBetween(before, snapshot())).toEqual([]);
    const quillmoor = organisation(run.report, 'quillmoor');
    expect(quillmoor.hand_owned).toEqual([
      { path: 'content/components/quillmoor/street-works-map.md', upstream: 'https://github.com/quillmoor-council/street-works-map' },
    ]);
    expect(quillmoor.gone).toEqual([
      // Its title holds a script tag on the portal: kept as text, which every page and report escapes.
      {
        path: 'content/datasets/quillmoor/road-closures.yaml',
        title: "Road closures <script>alert('harvest')</script>",
        upstream: `${PORTAL}/dataset/road-closures`,
        reason: 'data.quillmoor.example (organisation quillmoor) no longer lists it',
      },
    ]);
    expect(readFileSync(path, 'utf8')).toBe(mine);
  });

  it('writes nothing on a dry run, and reports what it would write', async () => {
    repositories.get('quillmoor-council/bin-day-finder')!.description = 'Tells residents their bin day, by text message too.';
    repositories.get('quillmoor-council/bin-day-finder')!.files['publiccode.yml'] = fixture('github/publiccode.yml').replace(
      /shortDescription: .*/,
      'shortDescription: Tells residents their bin day, by text message too.',
    );
    const before = snapshot();
    const run = await harvest(['--dry-run']);
    expect(run.report!.dry_run).toBe(true);
    expect(
      organisation(run.report, 'quillmoor')
        .written.filter((item) => item.upstream === 'https://github.com/quillmoor-council/bin-day-finder')
        .map((item) => item.change),
    ).toEqual(['updated']);
    expect(changedBetween(before, snapshot())).toEqual([]);
  });

  it('splits the organisations into shards that together make the whole', async () => {
    const first = await harvest(['--shard', '1/2', '--dry-run']);
    const second = await harvest(['--shard', '2/2', '--dry-run']);
    expect(first.report!.shard).toEqual({ index: 1, count: 2 });
    expect([...first.report!.organisations, ...second.report!.organisations].map((entry) => entry.organisation).sort()).toEqual([
      'larchfield',
      'quillmoor',
    ]);
    expect(first.report!.organisations.length).toBe(1);
  });

  it('reports a source it could not read, and calls nothing gone because of it', async () => {
    github.fail({ path: '/orgs/larchfield-council/repos', status: 502, times: 10 });
    github.fail({ path: '/users/larchfield-council/repos', status: 502, times: 10 });
    const run = await harvest(['--organisation', 'larchfield', '--dry-run']);
    expect(run.status).toBe(0);
    const larchfield = organisation(run.report, 'larchfield');
    expect(larchfield.sources[0]!.complete).toBe(false);
    expect(larchfield.sources[0]!.failure).toMatch(/502/);
    expect(larchfield.gone).toEqual([]);
    expect(run.stderr).toMatch(/could not read GitHub: larchfield-council: .*502/);
  });

  it('says plainly when it is asked for something it cannot do, and exits 2', async () => {
    const unknown = await harvest(['--organisation', 'quilmoor']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('there is no organisation "quilmoor" in content/organisations: did you mean quillmoor?');
    const demonstration = await harvest(['--organisation', 'ashdown']);
    expect(demonstration.status).toBe(2);
    expect(demonstration.stderr).toContain('ashdown is a demonstration organisation');
    const shard = await harvest(['--shard', '3/2']);
    expect(shard.status).toBe(2);
    expect(shard.stderr).toContain('--shard must be I/N with 1 ≤ I ≤ N');
    const hosts = await runScript('scripts/harvest.ts', ['--content', content, '--dry-run'], { HUB_HARVEST_HOSTS: '{not json' });
    expect(hosts.status).toBe(2);
    expect(hosts.stderr).toMatch(/HUB_HARVEST_HOSTS/);
  });
});

function existsIn(paths: readonly string[], upstream: string): boolean {
  const slug = upstream.replace(/\/+$/, '').split('/').at(-1)!;
  return paths.some((path) => path.endsWith(`/${slug}.md`) || path.endsWith(`/${slug}.yaml`));
}
