/**
 * The harvest at scale, for npm run bench: N fictional organisations, each with M repositories on a fake
 * GitHub on loopback (tests/github/fake-github.ts, the one the harvest's tests use), harvested by the real
 * script in its own process, twice: a first run that writes everything, then a second with nothing changed
 * upstream, which asks conditionally and must write nothing. Reports the time, the peak memory, the
 * requests made and how many were answered 304.
 *
 * Each organisation's repositories are a fixed mix, as councils' are: of every ten, one archived, one with
 * no licence, one a fork, one with a publiccode.yml, and six that look reusable from their metadata and
 * README alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHub, TOKEN } from '../../tests/github/fake-github.ts';
import { runMeasured } from './measured-run.ts';

export interface HarvestRunFigures {
  seconds: number;
  peakKb: number;
  requests: number;
  notModified: number;
  /** Files the run wrote. */
  written: number;
  status: number | null;
}

export interface HarvestBench {
  organisations: number;
  repositoriesEach: number;
  first: HarvestRunFigures;
  second: HarvestRunFigures;
}

const PUBLICCODE = (name: string) => `publiccodeYmlVersion: "0.4"
name: ${name}
url: https://github.com/bench/${name}
softwareVersion: 1.0.0
releaseDate: 2026-01-15
platforms: [web]
categories: [it-development]
developmentStatus: stable
softwareType: standalone/web
description:
  en:
    shortDescription: A reusable service for councils, used here to measure the harvest.
    longDescription: >
      A reusable service for councils. This long description is here so that the record has text below its
      fields, as a real publiccode.yml usually gives.
    features: [Measuring]
legal:
  license: MIT
maintenance:
  type: internal
  contacts:
    - name: Digital team
localisation:
  localisationReady: false
  availableLanguages: [en]
`;

function content(root: string, organisations: number): string {
  const folder = join(root, 'content');
  mkdirSync(join(folder, 'organisations'), { recursive: true });
  mkdirSync(join(folder, 'vocabularies'), { recursive: true });
  writeFileSync(
    join(folder, 'vocabularies/themes.yaml'),
    'themes:\n  - id: waste-and-recycling\n    label: Waste and recycling\n    description: Bins, recycling and waste.\n',
  );
  for (let number = 1; number <= organisations; number++) {
    const id = `bench-group-${String(number).padStart(4, '0')}`;
    // Community groups: fictional bodies that need no GSS code. Not demonstration ones, which the harvest never reads.
    writeFileSync(join(folder, 'organisations', `${id}.yaml`), `name: Bench group ${number}\ntype: community-group\ngithub: ${id}\n`);
  }
  return folder;
}

function repositories(fake: FakeGitHub, organisations: number, each: number): void {
  const mit = { key: 'mit', name: 'MIT License', spdx_id: 'MIT' };
  for (let number = 1; number <= organisations; number++) {
    const owner = `bench-group-${String(number).padStart(4, '0')}`;
    for (let index = 0; index < each; index++) {
      const name = `service-${String(index).padStart(3, '0')}`;
      const kind = index % 10;
      fake.addRepository({
        owner,
        name,
        description:
          kind === 1
            ? 'No licence, so not reusable.'
            : `Service ${index} of ${owner}: a reusable tool for council services such as waste and recycling.`,
        license: kind === 1 ? null : mit,
        archived: kind === 0,
        pushed_at: '2026-10-01T12:00:00Z',
        language: 'TypeScript',
        topics: ['waste'],
        ...(kind === 2 ? { parent: `bench-upstream/${name}` } : {}),
        files:
          kind === 3
            ? { 'publiccode.yml': PUBLICCODE(name) }
            : { 'README.md': `# ${name}\n\nA tool that councils can reuse for waste and recycling services, from ${owner}.\n` },
      });
    }
  }
}

export async function measureHarvest(options: {
  organisations: number;
  repositoriesEach: number;
  root: string;
  log: (line: string) => void;
}): Promise<HarvestBench> {
  const work = mkdtempSync(join(tmpdir(), 'council-commons-harvest-bench-'));
  const fake = await FakeGitHub.start();
  try {
    const folder = content(work, options.organisations);
    repositories(fake, options.organisations, options.repositoriesEach);
    const run = async (label: string, today: string): Promise<HarvestRunFigures> => {
      const before = fake.requests.length;
      let organisationsDone = 0;
      let written = 0;
      const measured = await runMeasured(
        process.execPath,
        [
          join(options.root, 'scripts/harvest.ts'),
          '--content',
          folder,
          '--cache',
          join(work, 'cache'),
          '--today',
          today,
          '--format',
          'json',
          '--minutes',
          '120',
        ],
        {
          cwd: options.root,
          env: { ...process.env, GITHUB_API_URL: fake.url, GITHUB_TOKEN: TOKEN, HUB_RETRY_DELAY_MS: '10' },
          steps: [],
          onLine: (line) => {
            if (!/^\[\d+\/\d+\] /.test(line)) return;
            organisationsDone++;
            // The progress line says what was written: "[3/400] x: 35 added, 1 updated (…)".
            written += Number(/(\d+) added/.exec(line)?.[1] ?? 0) + Number(/(\d+) updated/.exec(line)?.[1] ?? 0);
            if (organisationsDone % 50 === 0)
              options.log(`  ${label}: ${organisationsDone} of ${options.organisations} organisations harvested …`);
          },
        },
      );
      const requests = fake.requests.slice(before);
      return {
        seconds: measured.seconds,
        peakKb: measured.peakKb,
        requests: requests.length,
        notModified: requests.filter((request) => request.status === 304).length,
        written,
        status: measured.status,
      };
    };
    options.log(
      `Harvesting ${options.organisations} organisations × ` +
        `${options.repositoriesEach} repositories from a fake GitHub on loopback, twice …`,
    );
    const first = await run('first run', '2026-12-07');
    const second = await run('second run', '2026-12-14');
    return { organisations: options.organisations, repositoriesEach: options.repositoriesEach, first, second };
  } finally {
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  }
}
