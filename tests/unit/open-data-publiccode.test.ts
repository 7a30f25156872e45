/**
 * src/lib/open-data/publiccode.ts: a publiccode.yml for a code component, with every field the
 * standard requires (v0.5, /work/shared/data/publiccode-fields.md) whatever the record leaves out, for
 * every maintenance type, and descriptions within the standard's lengths.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAINTENANCE_TYPES, type Component } from '../../schemas/component.ts';
import {
  features,
  longDescription,
  publiccodeData,
  publiccodePath,
  publiccodeYaml,
  shortDescription,
  softwareType,
  truncateAtWord,
  type PubliccodeInput,
} from '../../src/lib/open-data/publiccode.ts';
import { REQUIRED_PUBLICCODE_FIELDS } from './open-data-helpers.ts';

const at = (document: Record<string, unknown>, path: string): unknown =>
  path.split('/').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);

const chars = (text: string) => [...text].length;

function input(data: Partial<Component> = {}, extra: Partial<PubliccodeInput> = {}): PubliccodeInput {
  return {
    id: 'components/ashdown/bin-day-finder',
    data: {
      title: 'Bin day finder',
      summary: 'Tells residents which day their bins are collected.',
      kind: 'code',
      licence: 'MIT',
      ...data,
    },
    body: '',
    organisation: {
      id: 'ashdown',
      name: 'Ashdown District Council',
      contact: 'digital@ashdown.example',
      url: 'https://hub.example/base/organisations/ashdown/',
    },
    pageUrl: 'https://hub.example/base/components/ashdown/bin-day-finder/',
    hub: { name: 'Council Commons', tagline: 'Where UK councils share their digital work.', languages: ['en-GB', 'cy'] },
    services: ['Household waste collection'],
    themes: ['Waste and recycling'],
    usedBy: [],
    today: '2026-11-27',
    ...extra,
  };
}

/** Checks a document against the standard's required fields and its conditional rules on maintenance. */
function expectValid(document: Record<string, unknown>) {
  for (const path of REQUIRED_PUBLICCODE_FIELDS) expect(at(document, path), path).toBeDefined();
  expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(document.developmentStatus);
  expect([
    'standalone/web',
    'standalone/mobile',
    'standalone/desktop',
    'standalone/backend',
    'standalone/iot',
    'standalone/other',
    'addon',
    'library',
    'configurationFiles',
  ]).toContain(document.softwareType);
  expect(chars(at(document, 'description/en/shortDescription') as string)).toBeLessThanOrEqual(150);
  const long = chars(at(document, 'description/en/longDescription') as string);
  expect(long).toBeGreaterThanOrEqual(150);
  expect(long).toBeLessThanOrEqual(10_000);
  expect((at(document, 'description/en/features') as string[]).length).toBeGreaterThan(0);
  const maintenance = document.maintenance as {
    type: string;
    contacts?: { name: string }[];
    contractors?: { name: string; until: string }[];
  };
  if (maintenance.type === 'contract') {
    expect(maintenance.contractors?.length).toBeGreaterThan(0);
    for (const contractor of maintenance.contractors!) {
      expect(contractor.name).toBeTruthy();
      expect(contractor.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  } else {
    expect(maintenance).not.toHaveProperty('contractors');
  }
  if (maintenance.type === 'internal' || maintenance.type === 'community') {
    expect(maintenance.contacts?.length).toBeGreaterThan(0);
    for (const contact of maintenance.contacts!) expect(contact.name).toBeTruthy();
  }
}

describe('publiccodeYaml', () => {
  it('writes a full record as a valid publiccode.yml 0.5', () => {
    const text = publiccodeYaml(
      input(
        {
          repository_url: 'https://github.com/ashdown/bin-day-finder',
          url: 'https://bins.ashdown.example/',
          development_status: 'stable',
          maintenance: 'internal',
          platforms: ['web', 'linux'],
          standards: ['WCAG 2.2 AA'],
          contact: 'bins@ashdown.example',
        },
        {
          body:
            '## What it does\n\nIt looks up the round for an address and ' +
            'shows the next three collection days, with reminders by email.',
          usedBy: ['Ashdown District Council', 'Brackwater Borough Council'],
        },
      ),
    );
    const document = parse(text) as Record<string, unknown>;
    expectValid(document);
    expect(document).toMatchObject({
      publiccodeYmlVersion: '0.5',
      name: 'Bin day finder',
      url: 'https://github.com/ashdown/bin-day-finder',
      landingURL: 'https://hub.example/base/components/ashdown/bin-day-finder/',
      platforms: ['web', 'linux'],
      softwareType: 'standalone/web',
      developmentStatus: 'stable',
      organisation: { uri: 'https://hub.example/base/organisations/ashdown/', name: 'Ashdown District Council' },
      usedBy: ['Ashdown District Council', 'Brackwater Borough Council'],
      intendedAudience: { countries: ['GB'], scope: ['local-authorities'] },
      legal: { license: 'MIT' },
      maintenance: {
        type: 'internal',
        contacts: [{ name: 'Ashdown District Council', email: 'bins@ashdown.example', affiliation: 'Ashdown District Council' }],
      },
      localisation: { localisationReady: false, availableLanguages: ['en'] },
    });
    expect(at(document, 'description/en/features')).toEqual(['Household waste collection', 'Follows WCAG 2.2 AA']);
    expect(at(document, 'description/en/longDescription')).toMatch(
      /^Tells residents which day their bins are collected\.\n\n## What it does/,
    );
    // The choices the record does not make are explained in comments.
    expect(text).toMatch(/^# publiccode\.yml for “Bin day finder”/);
    expect(text).toMatch(/# Council Commons does not record the type of software/);
    expect(text).toMatch(/# The standard asks for a person/);
  });

  it.each([...MAINTENANCE_TYPES, undefined])(
    'has every required field with maintenance %s, when the record has only the fields the hub requires',
    (maintenance) => {
      const text = publiccodeYaml(
        input(maintenance ? { maintenance } : {}, {
          organisation: { id: 'ashdown', name: 'Ashdown', url: 'https://hub.example/base/organisations/ashdown/' },
        }),
      );
      const document = parse(text) as Record<string, unknown>;
      expectValid(document);
      expect(at(document, 'maintenance/type')).toBe(maintenance ?? 'none');
      expect(document.url).toBe('https://hub.example/base/components/ashdown/bin-day-finder/');
      expect(document.platforms).toEqual(['unspecified']);
      expect(document.developmentStatus).toBe('development');
      expect(text).toMatch(/# The record gives no repository/);
      if (maintenance === 'contract') {
        expect(at(document, 'maintenance/contractors')).toEqual([
          { name: 'The contractor of Ashdown (not named on Council Commons)', until: '2026-11-27' },
        ]);
        expect(text).toMatch(/# The record says a contractor maintains it but not who/);
      }
      if (maintenance === undefined) expect(text).toMatch(/# The record does not say who maintains it/);
      if (maintenance === 'none' || maintenance === undefined) expect(at(document, 'maintenance/contacts')).toBeUndefined();
      // With no email anywhere, the contact still has its name.
      if (maintenance === 'internal' || maintenance === 'community')
        expect(at(document, 'maintenance/contacts')).toEqual([{ name: 'Ashdown', affiliation: 'Ashdown' }]);
    },
  );

  it('adds Welsh when the record has a Welsh title or summary', () => {
    const document = publiccodeData(
      input({
        translations: {
          cy: { title: 'Darganfyddwr diwrnod bin', summary: 'Yn dweud wrth drigolion pa ddiwrnod y caiff eu biniau eu casglu.' },
          // A language the hub does not have is left out: the validator refuses it, and the file must not guess it.
          ga: { title: 'Aimsitheoir lá bruscair' },
        },
      }),
    );
    expect(at(document, 'localisation/availableLanguages')).toEqual(['en', 'cy']);
    expect(at(document, 'description/cy')).toEqual({
      localisedName: 'Darganfyddwr diwrnod bin',
      shortDescription: 'Yn dweud wrth drigolion pa ddiwrnod y caiff eu biniau eu casglu.',
    });
  });

  it('falls back to the website for url, and lives at api/v1/<id>/publiccode.yml', () => {
    expect(publiccodeData(input({ url: 'https://bins.ashdown.example/' })).url).toBe('https://bins.ashdown.example/');
    expect(publiccodePath('components/ashdown/bin-day-finder')).toBe('api/v1/components/ashdown/bin-day-finder/publiccode.yml');
  });
});

describe('descriptions', () => {
  it('keeps a short summary as it is and cuts a long one at a word, within 150 characters', () => {
    expect(shortDescription('Short and  sweet.\n')).toBe('Short and sweet.');
    const long = 'word '.repeat(60).trim();
    const cut = shortDescription(long);
    expect(chars(cut)).toBeLessThanOrEqual(150);
    expect(cut).toMatch(/ word…$/);
    expect(truncateAtWord('ŵŵŵŵŵ ŷŷŷŷŷ', 8)).toBe('ŵŵŵŵŵ…');
  });

  it('pads a too-short long description with true sentences until it reaches 150 characters', () => {
    const text = longDescription(input({ summary: 'A finder.' }));
    expect(chars(text)).toBeGreaterThanOrEqual(150);
    expect(text).toMatch(/^A finder\.\n\nAshdown District Council shares it on Council Commons/);
    expect(text).toContain('https://hub.example/base/components/ashdown/bin-day-finder/');
  });

  it('cuts a too-long one at a paragraph, within 10,000 characters, and says where the rest is', () => {
    const body = Array.from({ length: 200 }, (_, index) => `Paragraph ${index}: ${'text '.repeat(20)}`).join('\n\n');
    const text = longDescription(input({}, { body }));
    expect(chars(text)).toBeLessThanOrEqual(10_000);
    expect(chars(text)).toBeGreaterThan(9_000);
    expect(text).toMatch(/text\n\n\(The description goes on at https:\/\/hub\.example\/base\/components\/ashdown\/bin-day-finder\/\)$/);
  });

  it('always has a feature: services and standards, else themes, else the short description', () => {
    expect(features(input({}, { services: [], themes: ['Waste and recycling'] }))).toEqual(['Waste and recycling']);
    expect(features(input({}, { services: [], themes: [] }))).toEqual(['Tells residents which day their bins are collected.']);
  });
});

describe('softwareType', () => {
  it.each([
    [['web', 'linux'], 'standalone/web'],
    [['ios', 'android'], 'standalone/mobile'],
    [['windows'], 'standalone/desktop'],
    [['linux', 'android'], 'standalone/desktop'],
    [['Raspberry Pi'], 'standalone/other'],
    [undefined, 'standalone/other'],
  ] as const)('%j → %s', (platforms, type) => {
    expect(softwareType(platforms)).toBe(type);
  });
});
