/**
 * src/lib/import/publiccode.ts: publiccode.yml files as found in the wild (0.2 to 0.7) become component
 * records that pass the schema, with everything a person should check said, and nothing guessed.
 * The fixtures in tests/fixtures/import/publiccode/ describe invented software.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { componentSchema } from '../../schemas/component.ts';
import { parseYamlInput } from '../../src/lib/import/input.ts';
import { chooseLanguage, isPubliccode, mapPubliccode, type PubliccodeOptions } from '../../src/lib/import/publiccode.ts';
import { ImportInputError, type ImportNote, type OrganisationName, type ThemeTerm } from '../../src/lib/import/types.ts';
import { loadLicences } from '../../src/lib/reference-data.ts';
import { ROOT } from '../helpers/content.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/import/publiccode');
const organisations: OrganisationName[] = [
  { id: 'ashdown', name: 'Ashdown', official_name: 'Ashdown County Council', demonstration: true },
  { id: 'brackwater', name: 'Brackwater', official_name: 'Brackwater District Council', demonstration: true },
  { id: 'hartlepool', name: 'Hartlepool', official_name: 'Hartlepool Borough Council', demonstration: false },
];
const options: PubliccodeOptions = {
  licences: loadLicences(),
  themes: (parse(readFileSync(join(ROOT, 'content/vocabularies/themes.yaml'), 'utf8')) as { themes: ThemeTerm[] }).themes,
  organisations,
  owner: 'ashdown',
};

function fixture(name: string): unknown {
  return parseYamlInput({ name, text: readFileSync(join(FIXTURES, name), 'utf8') });
}

function importFixture(name: string, extra: Partial<PubliccodeOptions> = {}) {
  return mapPubliccode(fixture(name), { ...options, ...extra });
}

const messages = (notes: ImportNote[], level: ImportNote['level']) =>
  notes.filter((note) => note.level === level).map((note) => note.message);

describe('each version of the standard', () => {
  it.each(['v0.2.yml', 'v0.3.yml', 'v0.4-contract.yml', 'v0.5-funded.yml', 'v0.7-supports.yml', 'italian-only.yml'])(
    '%s becomes a component that passes the schema',
    (name) => {
      const { record } = importFixture(name);
      expect(messages(record.notes, 'blocker')).toEqual([]);
      expect(componentSchema.safeParse(record.fields).error).toBeUndefined();
      expect(record.fields.kind).toBe('code');
      expect(record.format).toBe('markdown');
    },
  );

  it('0.2: maps the fields, reports the people and the deprecated keys, and suggests uses for known users', () => {
    const { version, record } = importFixture('v0.2.yml');
    expect(version).toBe('0.2');
    expect(record.origin).toBe('publiccode.yml (version 0.2)');
    expect(record.slug).toBe('bin-day-reminder');
    expect(record.fields).toEqual({
      title: 'Bin Day Reminder',
      summary: 'Emails and texts residents the evening before their bins are collected.',
      kind: 'code',
      licence: 'AGPL-3.0-or-later',
      repository_url: 'https://github.com/example-district-council/bin-day-reminder',
      url: 'https://bins.example-district.example/reminders',
      development_status: 'stable',
      maintenance: 'internal',
      platforms: ['web', 'android'],
      themes: ['customer-service', 'environment-and-climate'],
    });
    expect(record.body).toContain('Bin Day Reminder sends residents a message the evening before');
    expect(record.body).toContain('## Features\n\n- Email and text reminders\n- Changes to rounds over bank holidays\n');
    expect(record.body).toContain('- [Documentation](https://docs.example-district.example/bin-day-reminder)');
    expect(record.notMapped).toEqual(
      expect.arrayContaining([
        'softwareVersion',
        'releaseDate',
        'logo',
        'softwareType',
        'localisation',
        'legal.repoOwner',
        'intendedAudience.countries',
        'description.en.genericName',
        'description.en.screenshots',
      ]),
    );
    const infos = messages(record.notes, 'info');
    expect(infos).toContain(
      'usedBy names "Brackwater District Council", which is brackwater on the hub: to show that it uses this component, ' +
        'add components/ashdown/bin-day-reminder to `uses` in content/organisations/brackwater.yaml.',
    );
    expect(infos.join('\n')).toContain('usedBy also names "Example Parish Council", which is not an organisation on the hub');
    expect(infos.join('\n')).toContain('maintenance.contacts names a person, not copied');
    // The person's address is never copied into the record.
    expect(JSON.stringify(record)).not.toContain('alex.example@');
    // A publisher other than the organisation importing it is worth a second look.
    expect(messages(record.notes, 'check').join('\n')).toContain('names the publisher as "Example District Council"');
    // No theme for the software's kind of thing, and "local-authorities" is the audience, not a subject.
    expect(messages(record.notes, 'check').join('\n')).toContain("No theme matches the category or scope 'content-management'");
  });

  it('0.3: an old SPDX id, platforms as one string, en-GB, and community maintenance', () => {
    const { record } = importFixture('v0.3.yml');
    expect(record.fields).toMatchObject({
      licence: 'GPL-3.0-only',
      platforms: ['web'],
      maintenance: 'community',
      development_status: 'beta',
      repository_url: 'https://gitlab.com/kestrelford-council/pothole-reporter',
    });
    expect(record.fields.url).toBeUndefined();
    expect(messages(record.notes, 'check')).toContain('Licence: "GPL-3.0" is the old SPDX id for GPL-3.0-only, which was written instead.');
  });

  it('0.4: contract maintenance, a dual licence, Welsh alongside English, links in the text', () => {
    // The UK hub's other language is Welsh: the Welsh description becomes the record's Welsh title and summary.
    const { record } = importFixture('v0.4-contract.yml', { otherLanguages: ['cy'] });
    expect(record.fields).toMatchObject({
      maintenance: 'contract',
      licence: 'MIT',
      translations: {
        cy: {
          title: 'Gwiriwr Gostyngiad Person Sengl',
          summary: "Yn gwirio hawliadau gostyngiad person sengl ac yn nodi'r rhai i'w hadolygu.",
        },
      },
      themes: ['council-tax-and-benefits', 'forms-and-case-management', 'data-and-insight'],
    });
    expect(record.notMapped).toContain(
      'description.cy (only its localisedName and shortDescription, as translations.cy.title and .summary)',
    );
    // A hub without Welsh takes none of it, and says the description was not used.
    const english = importFixture('v0.4-contract.yml', { otherLanguages: [] }).record;
    expect(english.fields).not.toHaveProperty('translations');
    expect(english.notMapped).toContain('description.cy (the English description was used)');
    expect(messages(record.notes, 'check').join('\n')).toContain('"MIT OR Apache-2.0", so reusers may choose; MIT was written');
    expect(record.notMapped).toContain('maintenance.contractors (Pellwick Data Ltd until 2027-03-31)');
    expect(record.notMapped).toContain('dependsOn');
    expect(record.body).toContain('- [API documentation](https://www.fenmoor.example/council-tax/discount-checker/api)');
    expect(record.body).toContain('- [Roadmap](https://github.com/fenmoor-council/spd-checker/projects/1)');
  });

  it('0.5: the publisher matches the organisation, funders are reported, and a long summary is shortened and said to be', () => {
    const { record } = importFixture('v0.5-funded.yml');
    const summary = record.fields.summary as string;
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(summary.endsWith('…')).toBe(true);
    expect(messages(record.notes, 'check').join('\n')).toContain(
      'The shortDescription has 646 characters; a summary may have 500, so it was shortened on a word boundary',
    );
    expect(messages(record.notes, 'check').join('\n')).not.toContain('names the publisher');
    expect(record.notMapped).toContain('fundedBy (Example Digital Fund; Ashdown County Council)');
    expect(record.notMapped).toEqual(expect.arrayContaining(['applicationSuite', 'isBasedOn']));
    expect(record.fields.themes).toEqual(['education-and-skills']);
  });

  it('0.5: names a publisher other than the organisation importing it', () => {
    const { record } = importFixture('v0.5-funded.yml', { owner: 'brackwater' });
    expect(messages(record.notes, 'check').join('\n')).toContain(
      'names the publisher as "Ashdown County Council", and you are importing it for Brackwater District Council (brackwater)',
    );
  });

  it('0.7: supports is reported with a hint for standards; categories map to themes', () => {
    const { version, record } = importFixture('v0.7-supports.yml');
    expect(version).toBe('0.7');
    expect(record.fields.themes).toEqual(['payments']);
    expect(record.notMapped).toContain('supports');
    expect(messages(record.notes, 'info').join('\n')).toContain('supports lists alias:gdpr and https://www.w3.org/TR/WCAG22/');
  });
});

describe('descriptions in other languages', () => {
  it('takes an Italian-only description as it is, and says so in the output and in the record', () => {
    const { record } = importFixture('italian-only.yml');
    expect(record.fields.summary).toBe('Prenotazione online degli appuntamenti agli sportelli del comune.');
    expect(record.body).toContain('Prenota Sportello permette ai cittadini');
    expect(messages(record.notes, 'check')).toContain(
      "There is no English description, so the summary and text were taken from Italian ('it'): translate them into English.",
    );
    expect(record.todo).toEqual(["The summary and text are in Italian ('it'), as in the publiccode.yml: translate them into English."]);
    expect(record.notMapped).toContain('it (the Italian country section)');
  });

  it('prefers British English, then any English, then the first language', () => {
    expect(chooseLanguage(['it', 'en', 'en-GB'])).toEqual({ language: 'en-GB', english: true });
    expect(chooseLanguage(['it', 'en-AU'])).toEqual({ language: 'en-AU', english: true });
    expect(chooseLanguage(['ita', 'eng'])).toEqual({ language: 'eng', english: true });
    expect(chooseLanguage(['de', 'it'])).toEqual({ language: 'de', english: false });
    expect(chooseLanguage([])).toBeUndefined();
  });

  it('makes a summary from the long description when there is no short one, and a placeholder when there is neither', () => {
    const base = fixture('v0.7-supports.yml') as Record<string, unknown>;
    const noShort = mapPubliccode(
      { ...base, description: { en: { longDescription: '**Residents** buy permits online. They pay by card.' } } },
      options,
    ).record;
    expect(noShort.fields.summary).toBe('Residents buy permits online. They pay by card.');
    expect(messages(noShort.notes, 'check').join('\n')).toContain('There is no shortDescription');
    const none = mapPubliccode({ ...base, description: {} }, options).record;
    expect(none.fields.summary).toMatch(/^REPLACE THIS: /);
    expect(none.format).toBe('yaml');
    expect(none.body).toBeUndefined();
  });
});

describe('what is not written', () => {
  it('reports a licence that is not in licences.csv, and writes no licence', () => {
    const { record } = importFixture('unknown-licence.yml');
    expect(record.fields.licence).toBeUndefined();
    const [note] = record.notes.filter((item) => item.level === 'blocker');
    expect(note.field).toBe('licence');
    expect(note.message).toContain('Not written: the licence "LicenseRef-Ashdown-Open-Licence-1.0" is not one the hub knows');
    expect(note.message).toContain('propose adding it there');
  });

  it('reports a missing name as a blocker', () => {
    const base = fixture('v0.7-supports.yml') as Record<string, unknown>;
    const { record } = mapPubliccode({ ...base, name: undefined }, { ...options, slug: 'permits' });
    expect(messages(record.notes, 'blocker')).toEqual([
      'The publiccode.yml has no name, which becomes the record’s title. Add `name` to the file and import it again.',
    ]);
    expect(record.slug).toBe('permits');
  });

  it('does not link a demonstration body with a real one', () => {
    const base = fixture('v0.2.yml') as Record<string, unknown>;
    const { record } = mapPubliccode({ ...base, usedBy: ['Hartlepool Borough Council'] }, options);
    expect(messages(record.notes, 'info').join('\n')).toContain(
      'one of hartlepool and ashdown is a demonstration organisation and the other is not',
    );
  });

  it('leaves out values outside the schema’s words and says so', () => {
    const base = fixture('v0.7-supports.yml') as Record<string, unknown>;
    const { record } = mapPubliccode(
      { ...base, developmentStatus: 'alpha', maintenance: { type: 'vendor' }, url: 'git@github.com:ashdown/x.git' },
      options,
    );
    expect(record.fields.development_status).toBeUndefined();
    expect(record.fields.maintenance).toBeUndefined();
    expect(record.fields.repository_url).toBeUndefined();
    expect(messages(record.notes, 'check')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('The developmentStatus "alpha" is not one of concept, development, beta, stable, obsolete'),
        expect.stringContaining('The maintenance type "vendor" is not one of internal, contract, community, none'),
        expect.stringContaining('is not a web address (https://…), so repository_url was left out'),
      ]),
    );
  });
});

describe('what is not a publiccode.yml', () => {
  it('recognises a publiccode.yml by its version key, or by its name, description and legal sections', () => {
    expect(isPubliccode(fixture('v0.2.yml'))).toBe(true);
    expect(isPubliccode({ name: 'X', description: { en: {} }, legal: { license: 'MIT' } })).toBe(true);
    expect(isPubliccode({ name: 'build', on: ['push'], jobs: {} })).toBe(false);
  });

  it('refuses other YAML with a reason', () => {
    expect(() => mapPubliccode({ name: 'build', on: ['push'] }, options)).toThrow(
      new ImportInputError('it is not a publiccode.yml: it has no publiccodeYmlVersion, and no name and description'),
    );
    expect(() => mapPubliccode(['a', 'b'], options)).toThrow(/holds a list, not the fields of a publiccode.yml/);
  });

  it('refuses YAML that cannot be read, naming the file and the line', () => {
    expect(() => fixture('malformed.yml')).toThrow(
      /^malformed.yml is not valid YAML \(line \d+, column \d+: a closing quote or bracket is missing/,
    );
  });

  it('reads YAML safely: no custom tags, no alias bombs', () => {
    expect(() => parseYamlInput({ name: 'x.yml', text: 'publiccodeYmlVersion: "0.4"\nname: !!js/function "f(){}"\n' })).toThrow(
      /not valid YAML/,
    );
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(() => parseYamlInput({ name: 'bomb.yml', text: bomb })).toThrow(/aliases/);
  });
});
