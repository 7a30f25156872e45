/**
 * The harvest's decisions (src/lib/harvest/plan.ts) on a real content folder, with the validator's own
 * checks: stable files, owned and people's records, nothing deleted, refusals with reasons, slugs that
 * never clash, and reuse proposed for the organisation's uses.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkPlannedFiles, loadHub } from '../../src/lib/import/check.ts';
import type { PlannedRecord } from '../../src/lib/import/types.ts';
import { existingRecords } from '../../src/lib/harvest/existing.ts';
import { planOrganisation, type OrganisationPlan, type PlanInput } from '../../src/lib/harvest/plan.ts';
import type { HarvestedRecord, SourceResult } from '../../src/lib/harvest/types.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures } from '../helpers/content.ts';

afterAll(removeFixtures);

/** A fictional council that is not a demonstration body (the harvest never reads those). */
const QUILLMOOR = `name: Quillmoor
official_name: Quillmoor District Council
type: district
gss_code: E99999971
nation: england
# Our GitHub organisation.
github: quillmoor-council
maintainers: ['@quillmoor-council/digital']
`;

let content: string;
beforeEach(() => {
  content = contentFixture();
  writeFileSync(join(content, 'organisations/quillmoor.yaml'), QUILLMOOR);
  mkdirSync(join(content, 'components/quillmoor'), { recursive: true });
});

function component(slug: string, fields: Record<string, unknown> = {}, notes: PlannedRecord['notes'] = []): HarvestedRecord {
  const upstream = `https://github.com/quillmoor-council/${slug}`;
  const record: PlannedRecord = {
    collection: 'components',
    slug,
    format: 'markdown',
    fields: {
      title: `The ${slug.replace(/-/g, ' ')}`,
      summary: `What the ${slug.replace(/-/g, ' ')} does, in a sentence.`,
      kind: 'code',
      licence: 'MIT',
      repository_url: upstream,
      ...fields,
    },
    body: 'Written in TypeScript.',
    source: slug,
    origin: 'GitHub',
    todo: [],
    notes,
    notMapped: [],
  };
  return { record, upstream, title: String(record.fields.title) };
}

function github(records: HarvestedRecord[], extra: Partial<SourceResult> = {}): SourceResult {
  return {
    source: { kind: 'github', owner: 'quillmoor-council' },
    label: 'GitHub: quillmoor-council',
    address: 'https://github.com/quillmoor-council/',
    records,
    refused: [],
    skipped: [],
    uses: [],
    complete: true,
    requests: 1,
    notModified: 0,
    ...extra,
  };
}

function plan(results: SourceResult[], date = '2026-12-07', overrides: Partial<PlanInput> = {}): OrganisationPlan {
  const hub = loadHub(content);
  const file = join(content, 'organisations/quillmoor.yaml');
  return planOrganisation({
    organisation: 'quillmoor',
    date,
    results,
    existing: existingRecords(content, 'quillmoor'),
    organisationFile: { path: 'organisations/quillmoor.yaml', text: readFileSync(file, 'utf8'), uses: [] },
    check: (files) => checkPlannedFiles(files, hub),
    ...overrides,
  });
}

function write(result: OrganisationPlan): void {
  for (const item of result.writes) {
    mkdirSync(dirname(join(content, item.path)), { recursive: true });
    writeFileSync(join(content, item.path), item.text);
  }
}

describe('planOrganisation', () => {
  it('adds a record for each new upstream item, with where it came from and when, which the validator accepts', () => {
    const result = plan([github([component('bin-day-finder'), component('street-works-map')])]);
    expect(result.writes.map((item) => [item.path, item.change])).toEqual([
      ['components/quillmoor/bin-day-finder.md', 'added'],
      ['components/quillmoor/street-works-map.md', 'added'],
    ]);
    const text = result.writes[0]!.text;
    expect(text).toMatch(/^---\n# Harvested from https:\/\/github\.com\/quillmoor-council\/bin-day-finder by npm run harvest/);
    expect(text).toContain(
      'harvested_from: https://github.com/quillmoor-council/bin-day-finder\nharvested_on: 2026-12-07\n---\nWritten in TypeScript.\n',
    );
    write(result);
    expect(validateContent({ contentDir: content }).errors).toEqual([]);
  });

  it('changes no byte on a second run with nothing changed upstream, not even the date', () => {
    write(plan([github([component('bin-day-finder')])], '2026-12-07'));
    const before = readFileSync(join(content, 'components/quillmoor/bin-day-finder.md'), 'utf8');
    const again = plan([github([component('bin-day-finder')])], '2026-12-14');
    expect(again.writes).toEqual([]);
    expect(again.unchanged).toEqual([
      { path: 'components/quillmoor/bin-day-finder.md', upstream: 'https://github.com/quillmoor-council/bin-day-finder' },
    ]);
    expect(readFileSync(join(content, 'components/quillmoor/bin-day-finder.md'), 'utf8')).toBe(before);
  });

  it('updates a record it owns when its upstream changes, with the new date, in the same file', () => {
    write(plan([github([component('bin-day-finder')])], '2026-12-07'));
    const changed = plan(
      [github([component('bin-day-finder', { summary: 'Tells residents their bin day, now with reminders.' })])],
      '2026-12-14',
    );
    expect(changed.writes.map((item) => [item.path, item.change])).toEqual([['components/quillmoor/bin-day-finder.md', 'updated']]);
    expect(changed.writes[0]!.text).toContain('harvested_on: 2026-12-14');
    expect(changed.writes[0]!.text).toContain('now with reminders');
  });

  it('leaves a record alone once a person has removed harvested_from, and one a person wrote about the same repository', () => {
    write(plan([github([component('bin-day-finder')])]));
    const path = join(content, 'components/quillmoor/bin-day-finder.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/harvested_from: .*\nharvested_on: .*\n/, ''));
    writeFileSync(
      join(content, 'components/quillmoor/our-street-map.yaml'),
      'title: Our street map\nsummary: A map of street works, written by our team.\nkind: code\n' +
        'licence: MIT\nrepository_url: https://github.com/quillmoor-council/street-works-map\n',
    );
    const result = plan([github([component('bin-day-finder', { summary: 'Something else entirely.' }), component('street-works-map')])]);
    expect(result.writes).toEqual([]);
    expect(result.handOwned).toEqual([
      { path: 'components/quillmoor/bin-day-finder.md', upstream: 'https://github.com/quillmoor-council/bin-day-finder' },
      { path: 'components/quillmoor/our-street-map.yaml', upstream: 'https://github.com/quillmoor-council/street-works-map' },
    ]);
  });

  it('never deletes: a record whose upstream has gone is listed as gone, with why, only when its source was read whole', () => {
    write(plan([github([component('bin-day-finder'), component('old-site')])]));
    const skipped = plan([
      github([component('bin-day-finder')], {
        skipped: [{ upstream: 'https://github.com/quillmoor-council/old-site', reason: 'it is archived' }],
      }),
    ]);
    expect(skipped.writes).toEqual([]);
    expect(skipped.gone).toEqual([
      {
        path: 'components/quillmoor/old-site.md',
        title: 'The old site',
        upstream: 'https://github.com/quillmoor-council/old-site',
        reason: 'it is archived',
      },
    ]);
    expect(plan([github([component('bin-day-finder')])]).gone[0]!.reason).toBe('GitHub: quillmoor-council no longer lists it');
    expect(plan([github([], { complete: false, failure: 'GitHub answered 502' })]).gone).toEqual([]);
    expect(plan([]).gone.map((item) => item.reason)).toEqual([
      'its source is no longer listed in the organisation’s file',
      'its source is no longer listed in the organisation’s file',
    ]);
  });

  it(
    'refuses, with reasons, an item with a blocker and one the validator finds errors in, ' +
      'and keeps an owned record’s last good version',
    () => {
      write(plan([github([component('bin-day-finder')])]));
      const result = plan([
        github([
          component('bin-day-finder', { licence: 'CC-BY-NC-4.0' }),
          component('private-thing', {}, [
            { level: 'blocker', field: 'licence', message: 'its licence, "Proprietary", is not one the hub knows.' },
          ]),
        ]),
      ]);
      expect(result.writes).toEqual([]);
      expect(result.gone).toEqual([]);
      expect(result.refused.map((refusal) => refusal.upstream)).toEqual([
        'https://github.com/quillmoor-council/private-thing',
        'https://github.com/quillmoor-council/bin-day-finder',
      ]);
      expect(result.refused[0]!.reasons).toEqual(['its licence, "Proprietary", is not one the hub knows.']);
      expect(result.refused[1]!.reasons.join(' ')).toMatch(
        /^`licence` is .*\(`CC-BY-NC-4\.0`\), which is not approved by the Open Source Initiative.* Fix: use an OSI-approved licence/,
      );
      expect(readFileSync(join(content, 'components/quillmoor/bin-day-finder.md'), 'utf8')).toContain('licence: MIT');
    },
  );

  it(
    'gives each new upstream its own file: a slug already taken gets a number, ' + 'and the same upstream from two sources is one record',
    () => {
      // A person's record with the slug a new repository would take, about another repository.
      writeFileSync(
        join(content, 'components/quillmoor/street-works-map.yaml'),
        'title: Street works map\nsummary: Our older map, kept elsewhere.\nkind: code\n' +
          'licence: MIT\nrepository_url: https://git.quillmoor.example/street-works-map\n',
      );
      const other = component('bin-day-finder');
      other.upstream = 'https://github.com/quillmoor-digital/bin-day-finder';
      const result = plan([github([component('bin-day-finder'), other, component('bin-day-finder'), component('street-works-map')])]);
      expect(result.writes.map((item) => item.path)).toEqual([
        'components/quillmoor/bin-day-finder-2.md',
        'components/quillmoor/bin-day-finder.md',
        'components/quillmoor/street-works-map-2.md',
      ]);
      expect(result.handOwned).toEqual([]);
    },
  );

  it('proposes forks of hub components for the organisation’s uses, keeping the file’s comments, and not twice', () => {
    // Another fictional body that is not a demonstration one (real records may not name demonstration records).
    writeFileSync(
      join(content, 'organisations/larchfield.yaml'),
      'name: Larchfield\nofficial_name: Larchfield Borough Council\ntype: district\ngss_code: E99999972\nnation: england\n',
    );
    mkdirSync(join(content, 'components/larchfield'), { recursive: true });
    writeFileSync(
      join(content, 'components/larchfield/bin-day-finder.yaml'),
      'title: Bin day finder\nsummary: Tells residents their bin day.\nkind: code\n' +
        'licence: MIT\nrepository_url: https://github.com/larchfield-council/bin-day-finder\n',
    );
    const uses = [
      { component: 'components/larchfield/bin-day-finder', fork: 'https://github.com/quillmoor-council/bin-day-finder' },
      { component: 'components/larchfield/bin-day-finder', fork: 'https://github.com/quillmoor-council/bin-day-finder-copy' },
      { component: 'components/quillmoor/own-thing', fork: 'https://github.com/quillmoor-council/own-thing-fork' },
    ];
    const result = plan([github([], { uses })]);
    expect(result.uses).toEqual([uses[0]]);
    expect(result.writes.map((item) => [item.path, item.change])).toEqual([['organisations/quillmoor.yaml', 'updated']]);
    const text = result.writes[0]!.text;
    expect(text).toContain('# Our GitHub organisation.\ngithub: quillmoor-council');
    expect(text).toContain('uses:\n  - components/larchfield/bin-day-finder\n');
    write(result);
    expect(validateContent({ contentDir: content }).errors).toEqual([]);
    const again = plan([github([], { uses })], '2026-12-07', {
      organisationFile: { path: 'organisations/quillmoor.yaml', text, uses: ['components/larchfield/bin-day-finder'] },
    });
    expect(again.writes).toEqual([]);
  });
});
