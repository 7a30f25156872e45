/**
 * The contribution form's pure parts: the form read from each schema (form-model.ts), answers both ways
 * (answers.ts), and the checks with their GOV.UK-style messages (check.ts), which are the validator's own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RECORD_COLLECTIONS } from '../../schemas/collections.ts';
import { dateFromParts, formValues, keepOrder, partsOfDate, readAnswers } from '../../src/lib/contribute/answers.ts';
import { organisationIdIn, serviceChoice, serviceIdIn, serviceLabelIn } from '../../src/lib/contribute/choices.ts';
import { checkAnswers, parseFieldPath, referencedRecordIds } from '../../src/lib/contribute/check.ts';
import { formHint, formModel } from '../../src/lib/contribute/form-model.ts';
import { loadReferenceData, UK_REFERENCE_FILES } from '../../src/lib/reference-data.ts';
import type { CheckContext } from '../../src/lib/validation/record-checks.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { ROOT } from '../helpers/content.ts';
import { HARVEST_FIELDS } from '../../schemas/fields.ts';

const reference = loadReferenceData(UK_REFERENCE_FILES);
const context: CheckContext = {
  organisations: new Map([
    ['fenmoor', { demonstration: true }],
    ['sallowfield', { demonstration: true }],
    ['hartlepool', { demonstration: false }],
  ]),
  recordIds: new Set(['components/fenmoor/bin-day-finder']),
  themeIds: new Set(['housing', 'waste-and-recycling']),
  services: reference.services,
  serviceList: { name: 'Local Government Service List', abbreviation: 'LGSL' },
  licences: reference.licences,
  defaultLicence: reference.licences.get('OGL-UK-3.0'),
  today: '2026-11-27',
};
/** The UK hub's other language, as hub.config.yaml lists it. */
const WELSH = [{ code: 'cy', name: 'Welsh' }];
const roadmap = formModel('roadmap', WELSH)!;

describe('the form of each collection', () => {
  it.each(RECORD_COLLECTIONS.map((collection) => ({ name: collection.name, collection })))(
    '$name: one field per schema field but those the harvest sets, in order, each labelled from the schema',
    ({ name, collection }) => {
      const model = formModel(name, WELSH)!;
      // translations is asked for language by language: the title and summary in each of the hub's other languages.
      expect(model.fields.map((field) => field.key)).toEqual(
        Object.keys(collection.schema.shape)
          .filter((key) => !HARVEST_FIELDS.has(key))
          .flatMap((key) => (key === 'translations' ? ['translations.cy.title', 'translations.cy.summary'] : [key])),
      );
      if ('harvested_from' in collection.schema.shape) expect(model.fields.map((field) => field.key)).not.toContain('harvested_from');
      const translated = model.fields.filter((field) => field.key.startsWith('translations.'));
      expect(translated.map(({ label, lang, required }) => ({ label, lang, required }))).toEqual([
        { label: 'Title in Welsh', lang: 'cy', required: false },
        { label: 'Summary in Welsh', lang: 'cy', required: false },
      ]);
      expect(formModel(name)!.fields.some((field) => field.key.startsWith('translations'))).toBe(false);
      for (const field of model.fields.filter((candidate) => !translated.includes(candidate))) {
        const schema = collection.schema.shape[field.key as keyof typeof collection.schema.shape] as z.ZodType;
        expect(field.required, field.key).toBe(!(schema instanceof z.ZodOptional));
        expect(field.label, field.key).not.toBe(field.key);
        // Hints speak of the form, not of files.
        expect(field.hint ?? '', field.key).not.toMatch(/data\/reference|content\/|YYYY|SPDX/);
      }
    },
  );

  it('chooses the control from the schema’s types', () => {
    const kinds = Object.fromEntries(roadmap.fields.map((field) => [field.key, field.kind]));
    expect(kinds).toMatchObject({
      title: 'text',
      summary: 'textarea',
      status: 'radios',
      services: 'services',
      themes: 'themes',
      start: 'month',
      end: 'month',
      partners: 'organisations',
      looking_for: 'checkboxes',
      reuses: 'lines',
      review_by: 'date',
      links: 'group',
      licence: 'licence',
      contact: 'text',
    });
    expect(roadmap.fields.find((field) => field.key === 'status')?.options).toEqual([
      'idea',
      'discovery',
      'alpha',
      'beta',
      'live',
      'paused',
      'stopped',
      'retired',
    ]);
    expect(roadmap.fields.find((field) => field.key === 'title')?.maxLength).toBe(150);
    expect(
      roadmap.fields.find((field) => field.key === 'links')?.fields?.map((field) => [field.key, field.inputType, field.required]),
    ).toEqual([
      ['title', 'text', true],
      ['url', 'url', true],
    ]);
    expect(formModel('datasets')!.fields.find((field) => field.key === 'landing_url')?.inputType).toBe('url');
    expect(formModel('datasets')!.body).toBe('never');
    expect(formModel('components')!.body).toBe('optional');
    expect(roadmap.body).toBe('always');
    expect(formModel('organisations')).toBeUndefined();
  });

  it('rewords hints written for files', () => {
    expect(formHint('month', 'When the work started or will start, as YYYY-MM.')).toBe(
      'When the work started or will start. For example, 4 2026.',
    );
    expect(formHint('licence', 'The licence, as an SPDX id from data/reference/licences.csv. Leave it out for the default.')).toBe(
      'The licence. Leave it out for the default.',
    );
  });
});

describe('answers', () => {
  it('reads dates from their parts, months by number or name', () => {
    expect(dateFromParts({ month: '4', year: '2026' }, 'month')).toBe('2026-04');
    expect(dateFromParts({ month: 'April', year: '2026' }, 'month')).toBe('2026-04');
    expect(dateFromParts({ month: 'sept', year: '2026' }, 'month')).toBe('2026-09');
    expect(dateFromParts({ month: '13', year: '2026' }, 'month')).toBe('2026-13');
    expect(dateFromParts({ month: '', year: '' }, 'month')).toBeUndefined();
    expect(dateFromParts({ day: '1', month: '3', year: '2027' }, 'day')).toBe('2027-03-01');
    expect(dateFromParts({ day: '', month: '', year: '' }, 'day')).toBeUndefined();
    expect(partsOfDate('2027-03-01')).toEqual({ year: '2027', month: '3', day: '1' });
  });

  it('keeps the order a record’s lists had, new values after', () => {
    expect(keepOrder(['code', 'partners', 'testers'], ['testers', 'partners'])).toEqual(['testers', 'partners', 'code']);
    expect(keepOrder([530, 524], undefined)).toEqual([530, 524]);
  });

  it('reads organisations and services however they were chosen', () => {
    expect(organisationIdIn('Fenmoor (fenmoor)')).toBe('fenmoor');
    expect(organisationIdIn('Fenmoor')).toBeUndefined();
    expect(serviceIdIn('Household garden waste (LGSL 530)', 'LGSL')).toBe(530);
    expect(serviceIdIn('lgsl 530', 'LGSL')).toBe(530);
    expect(serviceIdIn('530', 'LGSL')).toBe(530);
    expect(serviceIdIn('garden', 'LGSL')).toBeUndefined();
    // Another hub's list, with its own abbreviation: the UK one means nothing there.
    expect(serviceIdIn('Pothole reporting (TSC-2 7)', 'TSC-2')).toBe(7);
    expect(serviceLabelIn(serviceChoice('Pothole reporting', 7, 'TSC-2'), 'TSC-2')).toBe('Pothole reporting');
    expect(serviceIdIn('Pothole reporting (LGSL 7)', 'TSC-2')).toBeUndefined();
    expect(readAnswers(roadmap, [['organisation', 'Fenmoor (fenmoor)']]).organisation).toBe('fenmoor');
    expect(
      readAnswers(roadmap, [['organisation', 'Fenmoor']], { organisationId: (text) => (text === 'Fenmoor' ? 'fenmoor' : undefined) })
        .organisation,
    ).toBe('fenmoor');
    expect(
      readAnswers(roadmap, [
        ['services', '530'],
        ['services', '524'],
      ]).fields.services,
    ).toEqual([530, 524]);
  });

  it(
    'fills the form with every demonstration record and reads it back ' +
      'unchanged (but for the harvest’s own fields), lists in their order',
    () => {
      const { content } = validateContent({ contentDir: join(ROOT, 'content'), today: context.today });
      for (const record of content.records) {
        const model = formModel(record.collection, WELSH)!;
        const values = formValues(
          model,
          { organisation: record.organisation, slug: record.slug, data: record.data as Record<string, unknown>, body: record.body ?? '' },
          { organisationName: () => 'Name' },
        );
        // Ticked checkboxes come in the page's order, not the record's: reversed here to make the point.
        const ticked = new Set(
          model.fields.filter((field) => field.kind === 'checkboxes' || field.kind === 'themes').map((field) => field.key),
        );
        const entries = [...values].flatMap(([name, list]) =>
          (ticked.has(name) ? [...list].reverse() : list).map((value) => [name, value] as [string, string]),
        );
        const again = readAnswers(model, entries, { previous: record.data as Record<string, unknown> });
        expect(again.organisation, record.id).toBe(record.organisation);
        expect(again.slug).toBe(record.slug);
        // harvested_from and harvested_on are the harvest's: the form leaves them out, so an edit by form hands the record to people.
        const byPeople = Object.fromEntries(Object.entries(record.data).filter(([key]) => !HARVEST_FIELDS.has(key)));
        expect(again.fields, record.id).toEqual(byPeople);
        expect(again.body, record.id).toBe((record.body ?? '').trim());
      }
    },
  );
});

describe('checks', () => {
  const check = (entries: [string, string][], options = {}) => checkAnswers(roadmap, readAnswers(roadmap, entries), context, options);
  const valid: [string, string][] = [
    ['organisation', 'fenmoor'],
    ['slug', 'garden-waste'],
    ['title', 'Garden waste online'],
    ['summary', 'Renewals online.'],
    ['status', 'beta'],
  ];

  it('accepts a complete roadmap item', () => {
    expect(check(valid)).toEqual([]);
  });

  it('says what is missing or wrong the GOV.UK way, one message per field, in the form’s order, with links to the fields', () => {
    const problems = check([
      ['organisation', 'Fenmor'],
      ['slug', 'Garden Waste'],
      ['summary', 'x'],
      ['start-month', '13'],
      ['start-year', '2026'],
      ['review_by-day', '31'],
      ['review_by-month', '2'],
      ['review_by-year', '2027'],
      ['services', '99999'],
      ['partners', 'salowfield'],
      ['reuses', 'components/fenmoor/bin-day-findr'],
      ['contact', 'www.example.gov.uk'],
      ['links[0][title]', ''],
      ['links[0][url]', ''],
      ['links[1][title]', 'Blog'],
      ['links[1][url]', 'www.example.gov.uk/blog'],
      ['licence', 'CC-BY-NC-4.0'],
    ]);
    expect(problems.map((problem) => [problem.target, problem.message])).toEqual([
      ['organisation', 'There is no organisation “Fenmor” on the hub: choose yours from the list. Did you mean fenmoor?'],
      ['title', 'Enter the title'],
      [
        'slug',
        'Short name must be lowercase letters a to z, digits and single hyphens, at most 80 characters, for example garden-waste-online',
      ],
      ['status', 'Choose the status'],
      ['services', 'Services: 99999 is not in the Local Government Service List'],
      ['start-month', 'Start must be a real month, for example 4 2026'],
      ['partners', 'Partners: there is no organisation “salowfield” on the hub. Did you mean sallowfield?'],
      [
        'reuses',
        'Reuses names components/fenmoor/bin-day-findr, but there is no such component on the hub. ' +
          'Did you mean components/fenmoor/bin-day-finder?',
      ],
      [
        'contact',
        'Contact must be an email address (e.g. digital@example.gov.uk) ' +
          'or a web address starting https://. Write https://www.example.gov.uk',
      ],
      ['review_by-day', 'Review by must be a real date, for example 31 3 2027'],
      [
        'links-1-url',
        'Address must be a full web address starting https:// (or http://), e.g. ' +
          'https://www.example.gov.uk/page. Write https://www.example.gov.uk/blog (link 2)',
      ],
      [
        'licence',
        'Licence is Creative Commons Attribution Non Commercial 4.0 International (CC-BY-NC-4.0), ' +
          'which is not an open licence; everything shared on the hub must be open. Use OGL-UK-3.0, the Open Government Licence v3.0, ' +
          'unless you have reason not to',
      ],
    ]);
    for (const problem of problems) expect(problem.severity).toBe('error');
    expect(problems.find((problem) => problem.target === 'start-month')?.group).toBe('start');
  });

  it('checks the end is not before the start, and a new record’s short name is free', () => {
    const dates = check([...valid, ['start-month', '6'], ['start-year', '2026'], ['end-month', '1'], ['end-year', '2026']]);
    expect(dates.map((problem) => problem.message)).toEqual(['End must be the same as or after the start']);
    expect(check(valid, { idTaken: true }).map((problem) => problem.message)).toEqual([
      'Your organisation already has a roadmap item with the short name garden-waste: choose another, or edit that one',
    ]);
  });

  it('warns, without stopping, about what the site removes from the text and a review date that has passed', () => {
    const problems = check([
      ...valid,
      ['review_by-day', '1'],
      ['review_by-month', '1'],
      ['review_by-year', '2026'],
      ['body', 'Hello <script>alert(1)</script>'],
    ]);
    expect(problems.map((problem) => [problem.severity, problem.field])).toEqual([
      ['warning', 'review_by'],
      ['warning', 'body'],
    ]);
  });

  it('keeps a real council’s record from naming a demonstration body', () => {
    const problems = check([...valid.filter(([name]) => name !== 'organisation'), ['organisation', 'hartlepool'], ['partners', 'fenmoor']]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'Partners names fenmoor, which belongs to a demonstration (fictional) ' +
        'organisation: real records must not refer to invented ones. Remove it',
    ]);
  });

  it('finds the record ids a record refers to, and reads field paths', () => {
    expect(
      referencedRecordIds({ reuses: ['components/a/b', 'not an id'], adopted_from: 'principles/a/c', related: ['roadmap/x/y'] }),
    ).toEqual(['components/a/b', 'roadmap/x/y', 'principles/a/c']);
    expect(parseFieldPath('links[1].url')).toEqual(['links', 1, 'url']);
    expect(parseFieldPath('title')).toEqual(['title']);
  });
});
