/**
 * The organisation form's pure parts: the form read from the organisation schema (organisation-model.ts),
 * answers both ways for every organisation file on the hub (answers.ts), the file with only the edited
 * fields changed (organisation-file.ts), which must pass the real validator and leave every other byte
 * alone, the checks with their GOV.UK-style messages (organisation-check.ts), the changes in words and
 * the issue form filled in with an edit (github.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '../../schemas/collections.ts';
import { formValues, readAnswers } from '../../src/lib/contribute/answers.ts';
import { rowCounts } from '../../src/lib/contribute/control-names.ts';
import { organisationIssueFormUrl, organisationIssueUrl } from '../../src/lib/contribute/github.ts';
import { changeLines } from '../../src/lib/contribute/organisation-changes.ts';
import {
  checkOrganisationAnswers,
  organisationCheckContext,
  organisationWithAnswers,
  type OrganisationFormReference,
} from '../../src/lib/contribute/organisation-check.ts';
import { formEdit, OrganisationFileError, updateOrganisationFile } from '../../src/lib/contribute/organisation-file.ts';
import {
  EDITABLE_ORGANISATION_FIELDS,
  editableFields,
  inFileShape,
  organisationFormModel,
} from '../../src/lib/contribute/organisation-model.ts';
import { issueFormDefinition, parseIssueForm, REMOVE_ANSWER } from '../../src/lib/github/issue-form.ts';
import { loadReferenceData, UK_REFERENCE_FILES } from '../../src/lib/reference-data.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, copyOf, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

const TODAY = '2026-12-07';
const model = organisationFormModel();
const shown = model.fields.map((field) => field.key);
const CONTENT = join(ROOT, 'content');
const organisationFiles = readdirSync(join(CONTENT, 'organisations')).filter((name) => name.endsWith('.yaml'));
const read = (file: string) => readFileSync(file, 'utf8');
const fenmoorText = read(join(CONTENT, 'organisations/fenmoor.yaml'));

/** Control names and values as the browser sends them (FormData), from formValues. */
const entriesOf = (values: Map<string, string[]>) =>
  [...values].flatMap(([name, list]) => list.map((value) => [name, value] as [string, string]));

/** A form's answers with some controls changed, the rest as the organisation has them. */
function answered(data: Record<string, unknown>, changes: Record<string, string | undefined>) {
  const values = formValues(model, { organisation: 'x', slug: '', data: editableFields(data) });
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) values.delete(name);
    else values.set(name, [value]);
  }
  return readAnswers(model, entriesOf(values), { previous: editableFields(data) });
}

const dataOf = (text: string) => parse(text, { version: '1.2' }) as Record<string, unknown>;

describe('the organisation form', () => {
  it('has the fields a body looks after itself, in the schema’s order, and none of the register’s, the harvest’s or demonstration', () => {
    expect(shown).toEqual([...EDITABLE_ORGANISATION_FIELDS]);
    expect(shown).toEqual(
      Object.keys(ORGANISATIONS.schema.shape).filter((key) => (EDITABLE_ORGANISATION_FIELDS as readonly string[]).includes(key)),
    );
    for (const key of ['name', 'type', 'gss_code', 'harvest', 'demonstration']) expect(shown).not.toContain(key);
  });

  it(
    'chooses each control from the schema: a list of names for github, ' +
      'a group per shape for open data, rows of several controls for systems',
    () => {
      const byKey = Object.fromEntries(model.fields.map((field) => [field.key, field]));
      expect(Object.fromEntries(model.fields.map((field) => [field.key, field.kind]))).toEqual({
        summary: 'textarea',
        website: 'text',
        github: 'lines',
        open_data: 'variants',
        maintainers: 'lines',
        contact: 'text',
        uses: 'lines',
        systems: 'group',
      });
      expect(byKey.github!.single).toBe(true);
      expect(byKey.maintainers!.single).toBeUndefined();
      expect(byKey.website!.inputType).toBe('url');
      expect(byKey.summary!.maxLength).toBe(500);
      expect(
        byKey.open_data!.variants!.map((variant) => [
          variant.key,
          variant.label,
          variant.fields!.map((part) => [part.key, part.label, part.required]),
        ]),
      ).toEqual([
        [
          'open_data_ckan',
          'CKAN portal',
          [
            ['ckan', 'CKAN portal address', true],
            ['organisation', 'Name on the portal', true],
          ],
        ],
        ['open_data_data_json', 'DCAT catalogue', [['data_json', 'data.json', true]]],
      ]);
      expect(byKey.systems!.itemLabel).toBe('System');
      expect(byKey.systems!.fields!.map((part) => [part.key, part.kind, part.required])).toEqual([
        ['product', 'text', true],
        ['supplier', 'text', true],
        ['service_area', 'theme', true],
        ['services', 'list', false],
        ['contract_start', 'month', false],
        ['contract_end', 'month', true],
        ['notes', 'textarea', false],
      ]);
      expect(byKey.systems!.fields!.find((part) => part.key === 'services')!.numbers).toBe(true);
    },
  );

  it('gives hints from the schema’s descriptions, reworded where they speak of files', () => {
    const hints = model.fields
      .flatMap((field) => [
        field,
        ...(field.fields ?? []),
        ...(field.variants ?? []).flatMap((variant) => [variant, ...(variant.fields ?? [])]),
      ])
      .map((field) => `${field.key}: ${field.hint ?? ''}`);
    for (const hint of hints) {
      expect(hint).not.toMatch(/YYYY|content\/|data\/reference|CONTRIBUTING|\{|\b[a-z]+_[a-z]+\b(?!:)/);
      expect(hint.length, hint).toBeGreaterThan(15);
    }
    const systems = model.fields.find((field) => field.key === 'systems')!;
    expect(systems.hint).toContain(
      'each with its product, supplier, service area, contract end and optionally services, contract start and notes',
    );
    expect(systems.fields!.find((part) => part.key === 'services')!.hint).toMatch(/Separate them with commas, for example 58, 59, 69\.$/);
    expect(systems.fields!.find((part) => part.key === 'service_area')!.hint).toBe('The kind of service the system supports.');
    expect(model.fields.find((field) => field.key === 'uses')!.hint).toMatch(
      /One a line, for example components\/fenmoor\/bin-day-finder\.$/,
    );
  });
});

describe('answers both ways', () => {
  it('fills the form with every organisation on the hub and reads it back unchanged', () => {
    const { content, errors } = validateContent({ contentDir: CONTENT, today: TODAY });
    expect(errors).toEqual([]);
    expect(content.organisations.length).toBe(organisationFiles.length);
    let withSystems = 0;
    for (const organisation of content.organisations) {
      const data = organisation.data as Record<string, unknown>;
      if (data.systems) withSystems++;
      const values = formValues(model, { organisation: organisation.id, slug: '', data: editableFields(data) });
      const again = readAnswers(model, entriesOf(values), { previous: editableFields(data) });
      expect(again.fields, organisation.id).toEqual(editableFields(data));
    }
    expect(withSystems).toBeGreaterThan(0);
  });

  it('reads one GitHub name as a name and several as a list, keeping a list that was one', () => {
    expect(answered({}, { github: 'example-council' }).fields.github).toBe('example-council');
    expect(answered({}, { github: 'example-council\n example-labs \n' }).fields.github).toEqual(['example-council', 'example-labs']);
    expect(answered({ github: ['example-council'] }, {}).fields.github).toEqual(['example-council']);
  });

  it('reads both kinds of open data into one list, in the order the organisation had them, and says where each came from', () => {
    const data = {
      open_data: [{ data_json: 'https://data.example.gov.uk/data.json' }, { ckan: 'https://data.gov.uk', organisation: 'example-council' }],
    };
    const values = formValues(model, { organisation: 'x', slug: '', data });
    expect(values.get('open_data_ckan[0][ckan]')).toEqual(['https://data.gov.uk']);
    expect(values.get('open_data_data_json[0][data_json]')).toEqual(['https://data.example.gov.uk/data.json']);
    const again = readAnswers(
      model,
      [...entriesOf(values), ['open_data_ckan[3][ckan]', 'https://ckan.example.org'], ['open_data_ckan[3][organisation]', 'example']],
      { previous: data },
    );
    expect(again.fields.open_data).toEqual([...data.open_data, { ckan: 'https://ckan.example.org', organisation: 'example' }]);
    expect(again.variantRows?.open_data).toEqual([
      { key: 'open_data_data_json', row: 0 },
      { key: 'open_data_ckan', row: 0 },
      { key: 'open_data_ckan', row: 3 },
    ]);
    // A changed item keeps its place; a removed one leaves the others in theirs.
    values.set('open_data_data_json[0][data_json]', ['https://data.example.gov.uk/v2/data.json']);
    expect(readAnswers(model, entriesOf(values), { previous: data }).fields.open_data).toEqual([
      { data_json: 'https://data.example.gov.uk/v2/data.json' },
      data.open_data[1],
    ]);
    const three = {
      open_data: [
        { ckan: 'https://a.example', organisation: 'a' },
        { data_json: 'https://b.example/data.json' },
        { ckan: 'https://c.example', organisation: 'c' },
      ],
    };
    const rows = formValues(model, { organisation: 'x', slug: '', data: three });
    rows.delete('open_data_ckan[0][ckan]');
    rows.delete('open_data_ckan[0][organisation]');
    expect(readAnswers(model, entriesOf(rows), { previous: three }).fields.open_data).toEqual([three.open_data[1], three.open_data[2]]);
  });

  it('counts the rows each group needs to show an organisation, as its form page draws them before its details arrive', () => {
    const data = {
      open_data: [
        { ckan: 'https://a.example', organisation: 'a' },
        { data_json: 'https://b.example/data.json' },
        { ckan: 'https://c.example', organisation: 'c' },
      ],
      systems: [
        { product: 'A', service_area: 'housing' },
        { product: 'B', service_area: 'housing' },
        { product: 'C', service_area: 'housing' },
        { product: 'D', service_area: 'housing' },
      ],
      github: ['one', 'two'],
    };
    expect(rowCounts(formValues(model, { organisation: 'x', slug: '', data }).keys())).toEqual(
      new Map([
        ['open_data_ckan', 2],
        ['open_data_data_json', 1],
        ['systems', 4],
      ]),
    );
    expect(rowCounts(formValues(model, { organisation: 'x', slug: '', data: {} }).keys())).toEqual(new Map());
    // A row left blank in the middle still counts, as the form keeps its place.
    expect(rowCounts(['links[0][url]', 'links[4][title]', 'title', 'start-month'])).toEqual(new Map([['links', 5]]));
  });

  it('reads a system’s services typed with commas as numbers, and its months from their boxes', () => {
    const answers = readAnswers(model, [
      ['systems[0][product]', 'Tallowmere Revenues'],
      ['systems[0][services]', '58, 59,69'],
      ['systems[0][contract_end]-month', '3'],
      ['systems[0][contract_end]-year', '2027'],
      ['systems[1][product]', ''],
    ]);
    expect(answers.fields.systems).toEqual([{ product: 'Tallowmere Revenues', services: [58, 59, 69], contract_end: '2027-03' }]);
    expect(answers.rows.systems).toEqual([0]);
  });
});

describe('the file', () => {
  it('is every organisation file as it was, byte for byte, when nothing is changed', () => {
    for (const name of organisationFiles) {
      const text = read(join(CONTENT, 'organisations', name));
      const answers = answered(dataOf(text), {});
      const updated = updateOrganisationFile(text, formEdit(answers.fields, shown));
      expect(updated.changed, name).toEqual([]);
      expect(updated.text, name).toBe(text);
    }
  });

  it('changes only the edited fields’ lines: comments, the register’s fields and the harvest settings stay as they were', () => {
    const before = dataOf(fenmoorText);
    expect(before.harvest).toBeDefined();
    const answers = answered(before, {
      website: 'https://www.fenmoor.example/council/',
      github: 'fenmoor-council\nfenmoor-labs',
      'systems[1][notes]': 'Two one-year extensions available.',
      contact: undefined,
    });
    const updated = updateOrganisationFile(fenmoorText, formEdit(answers.fields, shown));
    expect(updated.changed).toEqual(['website', 'github', 'contact', 'systems']);
    const after = dataOf(updated.text);
    expect(after.website).toBe('https://www.fenmoor.example/council/');
    expect(after.github).toEqual(['fenmoor-council', 'fenmoor-labs']);
    expect(after.contact).toBeUndefined();
    expect((after.systems as Record<string, unknown>[])[1]!.notes).toBe('Two one-year extensions available.');
    for (const key of Object.keys(before).filter((key) => !updated.changed.includes(key))) expect(after[key], key).toEqual(before[key]);
    // Every line but the changed fields' is in the new text, in the same order.
    const changedLines = /^(website|github|contact):/;
    const kept = fenmoorText
      .slice(0, fenmoorText.indexOf('\nsystems:'))
      .split('\n')
      .filter((line) => !changedLines.test(line));
    const keptAfter = updated.text
      .slice(0, updated.text.indexOf('\nsystems:'))
      .split('\n')
      .filter((line) => !changedLines.test(line));
    expect(keptAfter).toEqual(kept);
    expect(updated.text).toContain(
      "# Systems and contracts, as in the council's published contracts register (all fictional).\nsystems:\n",
    );
  });

  it('puts a new field where the schema orders it, before the first field that follows it and that field’s comment', () => {
    const text =
      '# A header.\nname: Ashdown\ntype: county\ngss_code: E99999911\n' +
      "demonstration: true\n# Who reviews.\nmaintainers: ['@ashdown-council/digital']\n";
    const updated = updateOrganisationFile(text, {
      set: {
        website: 'https://ashdown.example/',
        github: 'ashdown-council',
        systems: [{ product: 'P', supplier: 'S', service_area: 'housing', contract_end: '2028-01' }],
      },
    });
    // demonstration comes last in the schema, so a new systems goes before it too.
    expect(updated.text).toBe(
      '# A header.\nname: Ashdown\ntype: county\ngss_code: E99999911\nwebsite: https://ashdown.example/\n' +
        'github: ashdown-council\nsystems:\n  - product: P\n    supplier: S\n    service_area: housing\n' +
        "    contract_end: 2028-01\ndemonstration: true\n# Who reviews.\nmaintainers: ['@ashdown-council/digital']\n",
    );
  });

  it('takes a field out with the comment directly above it, but never the file’s opening comment', () => {
    const text =
      '# The file.\nsummary: S\nname: X\ntype: community-group\n\n# Our portal.\nopen_data:\n' +
      '  - data_json: https://data.example.org/data.json\ncontact: a@example.org\n';
    const updated = updateOrganisationFile(text, { remove: ['summary', 'open_data'] });
    expect(updated.text).toBe('# The file.\nname: X\ntype: community-group\n\ncontact: a@example.org\n');
  });

  it('keeps Windows line endings and a byte-order mark, and refuses what it must not touch', () => {
    const text = '\uFEFFname: X\r\ntype: community-group\r\nwebsite: https://x.example/\r\n';
    const updated = updateOrganisationFile(text, { set: { website: 'https://y.example/', summary: 'A group.' } });
    expect(updated.text).toBe('\uFEFFname: X\r\ntype: community-group\r\nsummary: A group.\r\nwebsite: https://y.example/\r\n');
    expect(() => updateOrganisationFile(text, { set: { name: 'Y' } })).toThrow('name is not a field the organisation form changes');
    expect(() => updateOrganisationFile('- a\n- b\n', { set: { website: 'https://y.example/' } })).toThrow(OrganisationFileError);
    expect(() => updateOrganisationFile('name: [unclosed\n', {})).toThrow(OrganisationFileError);
  });

  it('writes text the YAML would misread in a form that reads back as written', () => {
    const text = 'name: X\ntype: community-group\n';
    for (const summary of [
      'yes',
      '2026-04',
      '# not a comment',
      'a: b',
      'it\'s "quoted" — ünïcode',
      'Line one.\nLine two.',
      `${'long words '.repeat(20)}end`,
    ]) {
      expect(dataOf(updateOrganisationFile(text, { set: { summary } }).text).summary, summary).toBe(summary);
    }
  });

  it('passes the real validator after an edit of each kind, in a copy of the content', () => {
    const content = copyOf(CONTENT);
    const before = dataOf(fenmoorText);
    const answers = answered(before, {
      summary: 'A fictional county council, for demonstration only.',
      'open_data_data_json[0][data_json]': 'https://data.fenmoor.example/data.json',
      maintainers: '@fenmoor-council/digital\nfenmoor-data-team',
      uses: 'components/fenmoor/school-transport-eligibility-checker\ncomponents/kestrelford/address-finder',
      'systems[3][product]': 'Fenwick Libraries',
      'systems[3][supplier]': 'Brindlecote Technologies',
      'systems[3][service_area]': 'libraries-and-culture',
      'systems[3][services]': '44, 45',
      'systems[3][contract_start]-month': '1',
      'systems[3][contract_start]-year': '2024',
      'systems[3][contract_end]-month': '12',
      'systems[3][contract_end]-year': '2028',
    });
    const themes = new Set(
      (parse(read(join(CONTENT, 'vocabularies/themes.yaml'))) as { themes: { id: string }[] }).themes.map((theme) => theme.id),
    );
    expect(themes.has('libraries-and-culture'), 'the theme used here exists').toBe(true);
    const updated = updateOrganisationFile(fenmoorText, formEdit(answers.fields, shown));
    expect(updated.changed).toEqual(['summary', 'open_data', 'maintainers', 'uses', 'systems']);
    writeFileSync(join(content, 'organisations/fenmoor.yaml'), updated.text);
    const report = validateContent({ contentDir: content, today: TODAY });
    expect(report.errors.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([]);
    const fenmoor = report.content.organisations.find((organisation) => organisation.id === 'fenmoor')!;
    expect(fenmoor.data).toEqual(updated.data);
    expect(fenmoor.data.systems).toHaveLength(4);
    expect(fenmoor.data.open_data).toEqual([...(before.open_data as unknown[]), { data_json: 'https://data.fenmoor.example/data.json' }]);
  });

  it('writes a body’s first details into a file of the register’s fields only, which the validator accepts', () => {
    const content = contentFixture();
    const file = join(content, 'organisations/brackwater.yaml');
    const answers = answered(dataOf(read(file)), {
      website: 'https://www.brackwater.example/',
      github: 'brackwater-council',
      'open_data_ckan[0][ckan]': 'https://data.gov.uk',
      'open_data_ckan[0][organisation]': 'brackwater-district-council',
    });
    const updated = updateOrganisationFile(read(file), formEdit(answers.fields, shown));
    writeFileSync(file, updated.text);
    const report = validateContent({ contentDir: content, today: TODAY });
    expect(report.errors).toEqual([]);
    expect(updated.text).toBe(
      'name: Brackwater\nofficial_name: Brackwater District Council\ntype: district\ngss_code: E99999912\n' +
        'nation: england\ncounty: ashdown\nwebsite: https://www.brackwater.example/\ngithub: brackwater-council\n' +
        'open_data:\n  - ckan: https://data.gov.uk\n    organisation: brackwater-district-council\n' +
        'demonstration: true\nuses: [components/ashdown-civic-tech/bin-day-finder]\n',
    );
  });
});

describe('checks', () => {
  const reference = loadReferenceData(UK_REFERENCE_FILES);
  const formReference: OrganisationFormReference = {
    organisations: { fenmoor: true, kestrelford: true, hartlepool: false },
    services: [...reference.services.keys()],
    serviceList: { name: 'Local Government Service List', abbreviation: 'LGSL' },
    themes: (parse(read(join(CONTENT, 'vocabularies/themes.yaml'))) as { themes: { id: string }[] }).themes
      .map((theme) => theme.id)
      .filter((id) => id !== 'adult-social-care'),
  };
  const allThemes = { ...formReference, themes: [...formReference.themes, 'adult-social-care'] };
  const context = organisationCheckContext(formReference, ['components/fenmoor/bin-day-finder', 'components/hartlepool/real-thing'], TODAY);
  const fenmoor = { id: 'fenmoor', data: dataOf(fenmoorText) };
  const check = (changes: Record<string, string | undefined>, organisation = fenmoor) =>
    checkOrganisationAnswers(model, answered(organisation.data, changes), organisation, context);

  it('finds nothing wrong with the organisation as it is', () => {
    const { systems, ...rest } = fenmoor.data;
    expect(systems).toBeDefined();
    const own = { id: 'fenmoor', data: { ...rest, uses: ['components/fenmoor/bin-day-finder'] } };
    expect(check({}, own)).toEqual([]);
    expect(
      checkOrganisationAnswers(
        model,
        answered(fenmoor.data, {}),
        fenmoor,
        organisationCheckContext(allThemes, fenmoor.data.uses as string[], TODAY),
      ),
    ).toEqual([]);
  });

  it('says what is wrong GOV.UK’s way, one message a control, each pointing at its control, in the form’s order', () => {
    const problems = check({
      website: 'www.fenmoor.example',
      github: 'fenmoor council',
      'open_data_ckan[0][organisation]': 'Fenmoor Council',
      'open_data_data_json[2][data_json]': 'http://data.fenmoor.example/data.json',
      uses: 'components/fenmoor/nothing-here',
      'systems[1][service_area]': '',
      'systems[1][services]': '209, 99999',
      'systems[2][contract_end]-month': '13',
      'systems[2][contract_start]-year': '2031',
    });
    expect(problems.map((problem) => [problem.target, problem.group, problem.message])).toEqual([
      [
        'website',
        'website',
        'Website must be a full web address starting https:// (or http://), ' +
          'e.g. https://www.example.gov.uk/page. Write https://www.fenmoor.example',
      ],
      ['github', 'github', 'GitHub must be a GitHub organisation or user name, without @ or https://github.com/, e.g. alphagov'],
      [
        'open_data_ckan-0-organisation',
        'open_data_ckan-0-organisation',
        expect.stringMatching(
          new RegExp(
            /^Name on the portal must be the organisation’s name on the portal, as in its address: /.source +
              /lowercase letters, digits, - and _, e\.g\. example-council.* \(CKAN portal 1\)$/.source,
          ),
        ),
      ],
      [
        'open_data_data_json-2-data_json',
        'open_data_data_json-2-data_json',
        'data.json must be a full web address starting https://, e.g. https://data.example.gov.uk/ (DCAT catalogue 3)',
      ],
      [
        'uses',
        'uses',
        expect.stringMatching(/^Components used names components\/fenmoor\/nothing-here, but there is no such component on the hub/),
      ],
      ['systems-1-service_area', 'systems-1-service_area', 'Choose the service area (system 2)'],
      ['systems-2-contract_end-month', 'systems-2-contract_end', 'Contract end must be a real month, for example 4 2026 (system 3)'],
      ['systems-1-services', 'systems-1-services', 'Services: 99999 is not in the Local Government Service List (system 2)'],
    ]);
    // A theme the hub no longer has (the list on the page was older than the hub's).
    expect(
      check({})
        .filter((problem) => problem.field === 'systems')
        .map((problem) => [problem.target, problem.message]),
    ).toEqual([['systems-1-service_area', 'Service area: the hub has no theme “adult-social-care”, choose one from the list (system 2)']]);
    expect(problems.every((problem) => problem.severity === 'error')).toBe(true);
  });

  it('refuses a real body using a demonstration body’s component, and a contract that ends before it starts', () => {
    const real = { id: 'hartlepool', data: { name: 'Hartlepool', type: 'unitary', gss_code: 'E06000001' } };
    const problems = check(
      {
        uses: 'components/fenmoor/bin-day-finder',
        'systems[0][product]': 'P',
        'systems[0][supplier]': 'S',
        'systems[0][service_area]': 'housing',
        'systems[0][contract_start]-month': '5',
        'systems[0][contract_start]-year': '2027',
        'systems[0][contract_end]-month': '4',
        'systems[0][contract_end]-year': '2027',
      },
      real,
    );
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['uses', expect.stringContaining('demonstration')],
      ['systems', 'Contract end must be the same as or after the start (system 1)'],
    ]);
  });

  it('checks the organisation as it would be: the form’s fields replaced, every other field as it is', () => {
    expect(
      organisationWithAnswers(
        model,
        { name: 'X', type: 'county', website: 'https://old.example/', harvest: { off: true } },
        { summary: 'New.' },
      ),
    ).toEqual({ name: 'X', type: 'county', summary: 'New.', harvest: { off: true } });
  });
});

describe('what the edit changes, in words, and as an issue', () => {
  const config = { repository: 'council-commons/council-commons', branch: 'main' };
  const before = dataOf(fenmoorText);
  const answers = answered(before, {
    website: 'https://www.fenmoor.example/council/',
    contact: undefined,
    'open_data_data_json[0][data_json]': 'https://data.fenmoor.example/data.json',
    'systems[0][contract_end]-month': '9',
  });
  const updated = updateOrganisationFile(fenmoorText, formEdit(answers.fields, shown));

  it('names each changed field with its new value, or says it is taken out', () => {
    expect(changeLines(model, updated.changed, updated.data)).toEqual([
      { key: 'website', label: 'Website', now: ['https://www.fenmoor.example/council/'] },
      {
        key: 'open_data',
        label: 'Open data',
        now: [
          'CKAN portal: https://data.fenmoor.example, fenmoor-county-council',
          'DCAT catalogue: https://data.fenmoor.example/data.json',
        ],
      },
      { key: 'contact', label: 'Contact', now: ['Taken out'] },
      {
        key: 'systems',
        label: 'Systems and contracts',
        now: [
          'Casewren Case Management, Brindlecote Technologies, forms-and-case-management, services 279, ' +
            'contract start April 2019, contract end September 2027, Holds Blue Badge and concessionary travel cases. ' +
            'Being re-procured now, with a new contract from 2027; what Blue Badge renewals online needs is part of the tender.',
          expect.stringMatching(/^Carrowfen Care Records, /),
          expect.stringMatching(/^Moorway Highways Asset Manager, /),
        ],
      },
    ]);
  });

  it(
    'fills the organisation issue form with the changed fields only, ' + '(remove) for one taken out, which reads back as the same edit',
    () => {
      const url = new URL(organisationIssueUrl(config, { id: 'fenmoor', name: 'Fenmoor' }, updated.changed, updated.data));
      expect(url.pathname).toBe('/council-commons/council-commons/issues/new');
      const query = Object.fromEntries(url.searchParams);
      expect(Object.keys(query)).toEqual(['template', 'title', 'organisation', 'website', 'open_data', 'contact', 'systems']);
      expect(query).toMatchObject({
        template: 'organisation.yml',
        title: 'Organisation details: Fenmoor',
        organisation: 'fenmoor',
        contact: REMOVE_ANSWER,
      });
      expect(query.open_data).toBe('https://data.fenmoor.example | fenmoor-county-council\nhttps://data.fenmoor.example/data.json');
      expect(url.search).not.toContain('+');

      // As GitHub writes the issue: each field under its label, an empty one as _No response_.
      const definition = issueFormDefinition('organisations')!;
      const body = definition.fields
        .map(
          (field) => `### ${field.label}\n\n${field.kind === 'confirm' ? '- [X] yes' : url.searchParams.get(field.id) || '_No response_'}`,
        )
        .join('\n\n');
      const read = parseIssueForm(body, definition);
      expect(read.problems).toEqual([]);
      expect(read.organisation).toBe('fenmoor');
      expect(read.removed).toEqual(['contact']);
      const again = updateOrganisationFile(fenmoorText, { set: inFileShape(read.fields, before), remove: read.removed });
      expect(again.text).toBe(updated.text);
      expect(organisationIssueFormUrl(config, { id: 'fenmoor', name: 'Fenmoor' })).toBe(
        'https://github.com/council-commons/council-commons/issues/new?' +
          'template=organisation.yml&title=Organisation%20details%3A%20Fenmoor&organisation=fenmoor',
      );
    },
  );
});
