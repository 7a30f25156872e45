/**
 * The issue forms (.github/ISSUE_TEMPLATE/<collection>.yml): generated from the schemas and current,
 * every schema field in its form (or left out with a reason), within GitHub's rules for issue forms,
 * each kind of field as the right control; and reading a submitted form back (src/lib/github/issue-form.ts),
 * as GitHub writes it into the issue's body, for every record in the test content and for the ways
 * people and the web form write answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLLECTIONS } from '../../schemas/collections.ts';
import { COMPONENT_KINDS } from '../../schemas/component.ts';
import { LOOKING_FOR, ROADMAP_STATUSES } from '../../schemas/roadmap.ts';
import { main as issueForms, TEMPLATE_DIR } from '../../scripts/issue-forms.ts';
import { issueValue } from '../../src/lib/contribute/github.ts';
import {
  CONFIRM_OPTION,
  identifyIssueForm,
  issueFieldById,
  issueFieldValue,
  issueFormDefinition,
  listItems,
  MAX_ISSUE_BODY,
  OMITTED_FIELDS,
  parseIssueForm,
  REMOVE_ANSWER,
  type IssueFormDefinition,
} from '../../src/lib/github/issue-form.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { githubContent, removeTemp, ROOT, runScript, tempDir } from './helpers.ts';
import { HARVEST_FIELDS } from '../../schemas/fields.ts';
import { loadHubConfig } from '../../src/lib/hub-config.ts';
import { EDITABLE_ORGANISATION_FIELDS, editableFields, inFileShape } from '../../src/lib/contribute/organisation-model.ts';

afterAll(removeTemp);

// Parsed YAML is untyped; these tests read it as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const form = (collection: string): Data => parse(readFileSync(join(ROOT, TEMPLATE_DIR, `${collection}.yml`), 'utf8'));
const definition = (collection: string) => issueFormDefinition(collection)!;
const names = RECORD_COLLECTIONS.map((collection) => collection.name);

/** A form's answers as GitHub writes them into the issue: `### label`, a blank line, the answer. */
function submitted(def: IssueFormDefinition, answers: Record<string, unknown>, options: { confirmed?: boolean } = {}): string {
  return def.fields
    .map((field) => {
      let value: string;
      if (field.kind === 'confirm')
        value = (field.options ?? []).map((option) => `- [${options.confirmed === false ? ' ' : 'X'}] ${option}`).join('\n');
      else value = issueFieldValue(field, answers[field.id]) || '_No response_';
      return `### ${field.label}\n\n${value}`;
    })
    .join('\n\n');
}

/** The rules GitHub sets for an issue form's file (docs: "Syntax for issue forms" and "Syntax for GitHub's form schema"). */
function keepsGitHubRules(data: Data, labels: string[]): void {
  const allowedTop = ['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body'];
  expect(Object.keys(data).filter((key) => !allowedTop.includes(key))).toEqual([]);
  for (const key of ['name', 'description']) expect(typeof data[key] === 'string' && data[key].trim() !== '').toBe(true);
  expect(data.labels).toEqual(labels);
  const body = data.body as Data[];
  const ids = body.filter((element) => element.id !== undefined).map((element) => element.id);
  expect(new Set(ids).size).toBe(ids.length);
  const fieldLabels = body.filter((element) => element.type !== 'markdown').map((element) => element.attributes.label);
  expect(new Set(fieldLabels).size).toBe(fieldLabels.length);
  const attributes: Record<string, string[]> = {
    markdown: ['value'],
    input: ['label', 'description', 'placeholder', 'value'],
    textarea: ['label', 'description', 'placeholder', 'value', 'render'],
    dropdown: ['label', 'description', 'multiple', 'options', 'default'],
    checkboxes: ['label', 'description', 'options'],
  };
  for (const element of body) {
    expect(Object.keys(attributes)).toContain(element.type);
    expect(Object.keys(element).filter((key) => !['type', 'id', 'attributes', 'validations'].includes(key))).toEqual([]);
    expect(Object.keys(element.attributes).filter((key) => !attributes[element.type]!.includes(key))).toEqual([]);
    if (element.type === 'markdown') {
      expect(element.id).toBeUndefined();
      continue;
    }
    expect(element.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(typeof element.attributes.label === 'string' && element.attributes.label.trim() !== '').toBe(true);
    expect(
      typeof element.attributes.description === 'string' && element.attributes.description.trim() !== '',
      `${element.id} has a description`,
    ).toBe(true);
    if (element.validations) expect(element.validations).toEqual({ required: true });
    if (element.type === 'dropdown') {
      const options = element.attributes.options as unknown[];
      expect(options.length).toBeGreaterThan(0);
      expect(options.every((option) => typeof option === 'string')).toBe(true);
      expect(new Set(options).size).toBe(options.length);
    }
    if (element.type === 'textarea') expect(element.attributes.render).toBeUndefined();
  }
  expect(body.some((element) => element.type !== 'markdown')).toBe(true);
}

describe('the issue forms in .github/ISSUE_TEMPLATE', () => {
  it('are current with the schemas (node scripts/issue-forms.ts --check)', async () => {
    const run = await runScript('scripts/issue-forms.ts', ['--check']);
    expect(run.stdout + run.stderr).toBe('The issue forms are up to date.\n');
    expect(run.status).toBe(0);
  });

  it('--check names missing or changed forms and exits 1; writing them makes them current', () => {
    const root = tempDir();
    const lines: string[] = [];
    expect(issueForms(['--check'], (line) => lines.push(line), root)).toBe(1);
    expect(lines.at(-1)).toContain(
      `${TEMPLATE_DIR}/roadmap.yml, ${TEMPLATE_DIR}/principles.yml, ${TEMPLATE_DIR}/lessons.yml, ` +
        `${TEMPLATE_DIR}/datasets.yml, ${TEMPLATE_DIR}/components.yml, ${TEMPLATE_DIR}/organisation.yml`,
    );
    expect(issueForms([], (line) => lines.push(line), root)).toBe(0);
    for (const file of ['roadmap.yml', 'organisation.yml'])
      expect(readFileSync(join(root, TEMPLATE_DIR, file), 'utf8')).toBe(readFileSync(join(ROOT, TEMPLATE_DIR, file), 'utf8'));
    expect(issueForms(['--check'], (line) => lines.push(line), root)).toBe(0);
    expect(issueForms(['--nope'], () => {}, root)).toBe(2);
  });

  it.each(names)('%s: every schema field has a form field with the field’s name as its id (none is left out)', (name) => {
    const collection = RECORD_COLLECTIONS.find((candidate) => candidate.name === name)!;
    const ids = (form(name).body as Data[]).filter((element) => element.type !== 'markdown').map((element) => element.id);
    const omitted = OMITTED_FIELDS[name] ?? {};
    for (const [field, reason] of Object.entries(omitted))
      expect(reason.length, `${name}.${field} is left out: say why`).toBeGreaterThan(10);
    // translations is asked for in each of the hub's other languages (hub.config.yaml): translations_cy_title…
    const otherLanguages = loadHubConfig(join(ROOT, 'content')).languages.slice(1);
    const expected = Object.keys(collection.schema.shape)
      .filter((key) => !(key in omitted) && !HARVEST_FIELDS.has(key))
      .flatMap((key) =>
        key === 'translations'
          ? otherLanguages.flatMap(({ code }) => [`translations_${code}_title`, `translations_${code}_summary`])
          : [key],
      );
    expect(otherLanguages.length).toBeGreaterThan(0);
    expect(ids.filter((id: string) => !['organisation', 'slug', 'body', 'confirmation'].includes(id))).toEqual(expected);
    expect(ids.slice(0, 3)).toEqual(['organisation', 'title', 'slug']);
    expect(ids.at(-1)).toBe('confirmation');
    expect(ids.includes('body')).toBe((collection.extensions as readonly string[]).includes('.md'));
  });

  it.each(names)('%s keeps GitHub’s rules for issue forms', (name) => {
    keepsGitHubRules(form(name), ['new-record', name]);
  });

  it('asks for each kind of field with the right control', () => {
    const roadmap = form('roadmap').body as Data[];
    const byId = (id: string) => roadmap.find((element) => element.id === id);
    expect(byId('status')).toMatchObject({
      type: 'dropdown',
      attributes: { label: 'Status', options: [...ROADMAP_STATUSES] },
      validations: { required: true },
    });
    expect(byId('status').attributes.multiple).toBeUndefined();
    expect(byId('looking_for')).toMatchObject({
      type: 'dropdown',
      attributes: { label: 'Looking for', multiple: true, options: [...LOOKING_FOR] },
    });
    expect(byId('looking_for').validations).toBeUndefined();
    for (const id of ['services', 'themes', 'partners', 'reuses']) {
      expect(byId(id).type).toBe('input');
      expect(byId(id).attributes.description).toContain('Separate them with commas');
    }
    for (const id of ['start', 'end'])
      expect(byId(id)).toMatchObject({ type: 'input', attributes: { description: expect.stringContaining('YYYY-MM') } });
    expect(byId('review_by').attributes.description).toContain('YYYY-MM-DD');
    expect(byId('links')).toMatchObject({
      type: 'textarea',
      attributes: { label: 'Links', description: expect.stringContaining('One a line, written: Link text | Address.') },
    });
    expect(byId('summary').type).toBe('textarea');
    expect(byId('title')).toMatchObject({
      type: 'input',
      attributes: { label: 'Title', description: expect.stringContaining('At most 150 characters') },
      validations: { required: true },
    });
    expect(byId('body')).toMatchObject({ type: 'textarea', attributes: { label: 'Text' } });
    expect(byId('body').validations).toBeUndefined();
    expect(byId('organisation')).toMatchObject({ type: 'input', validations: { required: true } });
    expect(byId('slug')).toMatchObject({ type: 'input', attributes: { label: 'File name' }, validations: { required: true } });
    expect(byId('confirmation')).toMatchObject({
      type: 'checkboxes',
      attributes: { options: [{ label: CONFIRM_OPTION, required: true }] },
    });
    expect(CONFIRM_OPTION).toBe('I work for or with this organisation, and this contains no personal data beyond a work contact');

    const datasets = form('datasets').body as Data[];
    expect(datasets.find((element) => element.id === 'distributions')).toMatchObject({
      type: 'textarea',
      attributes: { description: expect.stringContaining('Format | Download address | Media type | Title') },
    });
    expect(datasets.find((element) => element.id === 'issued').attributes.description).toContain('YYYY-MM-DD');
    expect(datasets.find((element) => element.id === 'licence').validations).toEqual({ required: true });
    const components = form('components').body as Data[];
    expect(components.find((element) => element.id === 'kind')).toMatchObject({
      type: 'dropdown',
      attributes: { options: [...COMPONENT_KINDS] },
    });
    expect(components.find((element) => element.id === 'platforms').attributes.description).toContain('Separate them with commas');
  });
});

describe('reading a submitted issue form', () => {
  it('reads back every record of the test content exactly, as GitHub writes its form', () => {
    const { content } = githubContent();
    const report = validateContent({ contentDir: content });
    expect(report.errors).toEqual([]);
    expect(report.content.records.length).toBeGreaterThan(5);
    for (const record of report.content.records) {
      const def = definition(record.collection);
      const fields = record.data as Record<string, unknown>;
      const body = submitted(def, { ...fields, organisation: record.organisation, slug: record.slug, body: record.body?.trim() });
      const answers = parseIssueForm(body, def);
      expect(answers.problems, record.id).toEqual([]);
      expect(answers.organisation).toBe(record.organisation);
      expect(answers.slug).toBe(record.slug);
      expect(answers.fields, record.id).toEqual(fields);
      expect(answers.body).toBe(record.body?.trim() ?? '');
      expect(answers.confirmed).toBe(true);
      expect(identifyIssueForm(body, []), record.id).toBe(def);
    }
  });

  it('takes _No response_ as no answer, and None as no answer only for a dropdown', () => {
    const def = definition('roadmap');
    const body = submitted(def, { organisation: 'fenmoor', slug: 'x', title: 'X', summary: 'Y', status: 'beta', funding: 'None' }).replace(
      '### Looking for\n\n_No response_',
      '### Looking for\n\nNone',
    );
    const answers = parseIssueForm(body, def);
    expect(answers.fields).toEqual({ title: 'X', summary: 'Y', status: 'beta', funding: 'None' });
    expect(answers.unanswered).toContain('looking_for');
    expect(answers.unanswered).toContain('start');
  });

  it('reads lists: a multiple dropdown’s ", ", commas or lines, brackets and quotes, repeats dropped, services as numbers', () => {
    const def = definition('roadmap');
    const body = submitted(def, { organisation: 'fenmoor', slug: 'x' })
      .replace('### Looking for\n\n_No response_', '### Looking for\n\npartners, code')
      .replace('### Services\n\n_No response_', '### Services\n\n[524, 530,530, "abc"]')
      .replace('### Themes\n\n_No response_', '### Themes\n\nWaste-and-Recycling\n- housing')
      .replace('### Reuses\n\n_No response_', '### Reuses\n\n`components/fenmoor/bin-day-finder`,');
    const { fields } = parseIssueForm(body, def);
    expect(fields.looking_for).toEqual(['partners', 'code']);
    expect(fields.services).toEqual([524, 530, 'abc']);
    expect(fields.themes).toEqual(['waste-and-recycling', 'housing']);
    expect(fields.reuses).toEqual(['components/fenmoor/bin-day-finder']);
    expect(listItems(' , ,')).toEqual([]);
  });

  it('reads an organisation’s page address as its id, and makes a file name of words', () => {
    const def = definition('principles');
    const body = submitted(def, {
      organisation: 'https://hub.example/council-commons/organisations/Fenmoor/',
      slug: 'Start with user needs.md',
      title: 'T',
      summary: 'S',
    });
    const answers = parseIssueForm(body, def);
    expect(answers.organisation).toBe('fenmoor');
    expect(answers.slug).toBe('start-with-user-needs');
  });

  it('reads the confirmation from a ticked box only', () => {
    const def = definition('datasets');
    expect(parseIssueForm(submitted(def, {}), def).confirmed).toBe(true);
    expect(parseIssueForm(submitted(def, {}).replace('- [X]', '- [x]'), def).confirmed).toBe(true);
    expect(parseIssueForm(submitted(def, {}, { confirmed: false }), def).confirmed).toBe(false);
  });

  it('reads links and distributions one a line, and the web form’s YAML-like lines', () => {
    const def = definition('datasets');
    const distributions = issueFieldById(def, 'distributions')!;
    const body = submitted(def, {}).replace(
      '### Distributions\n\n_No response_',
      '### Distributions\n\nCSV | https://data.example.gov.uk/a.csv | text/csv | 2025 \\| 2026\n' +
        '- JSON | https://data.example.gov.uk/a.json\nXLSX | https://x.example/a | a | b | c',
    );
    const answers = parseIssueForm(body, def);
    expect(answers.fields.distributions).toEqual([
      { format: 'CSV', url: 'https://data.example.gov.uk/a.csv', media_type: 'text/csv', title: '2025 | 2026' },
      { format: 'JSON', url: 'https://data.example.gov.uk/a.json' },
      { format: 'XLSX', url: 'https://x.example/a', media_type: 'a', title: 'b' },
    ]);
    expect(answers.problems).toEqual([
      {
        field: 'distributions',
        item: 3,
        message:
          'this line has 5 parts separated by |, but a distribution has at most 4: write Format | Download address | Media type | Title.',
      },
    ]);

    // What the web form's "Send as an issue" fills in today (src/lib/contribute/github.ts).
    const links = [
      { title: 'Blog: part 1', url: 'https://example.gov.uk/blog' },
      { title: 'Report', url: 'https://example.gov.uk/report' },
    ];
    const roadmap = definition('roadmap');
    const fromWebForm = submitted(roadmap, {}).replace('### Links\n\n_No response_', `### Links\n\n${issueValue(links)}`);
    expect(parseIssueForm(fromWebForm, roadmap).fields.links).toEqual(links);
    expect(issueFieldValue(distributions, [{ url: 'https://a.example/x', format: 'CSV' }])).toBe('CSV | https://a.example/x');
  });

  it('keeps headings inside the text that match the form’s labels, before or after the text', () => {
    const def = definition('lessons');
    const text = '## What we tried\n\n### Summary\n\nNot the summary.\n\n### Before you send\n\nStill the text.';
    const body = submitted(def, { organisation: 'fenmoor', slug: 'x', title: 'T', summary: 'The summary.', body: text });
    const answers = parseIssueForm(body, def);
    expect(answers.fields.summary).toBe('The summary.');
    expect(answers.body).toBe(text);
    expect(answers.confirmed).toBe(true);
  });

  it('still reads a body whose sections were moved or deleted by hand, and Windows line endings', () => {
    const def = definition('principles');
    const body =
      '### Title\r\n\r\nMoved first\r\n\r\n### Organisation\r\n\r\nfenmoor\r\n\r\n' +
      '### Summary\r\n\r\nS\r\n\r\n### Before you send\r\n\r\n- [X] yes';
    const answers = parseIssueForm(body, def);
    expect(answers.organisation).toBe('fenmoor');
    expect(answers.fields).toEqual({ title: 'Moved first', summary: 'S' });
    expect(answers.unanswered).toContain('slug');
    expect(answers.confirmed).toBe(true);
  });

  it('reads a body full of the form’s headings quickly', () => {
    const def = definition('roadmap');
    const body = `${'### Title\n\nx\n\n### Summary\n\ny\n\n'.repeat(1500)}### Before you send\n\n- [X] yes`;
    const started = performance.now();
    const answers = parseIssueForm(body, def);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answers.fields.title).toBe('x');
  });

  it('refuses a body longer than GitHub allows, without reading it', () => {
    const def = definition('roadmap');
    const answers = parseIssueForm(`### Title\n\n${'x'.repeat(MAX_ISSUE_BODY)}`, def);
    expect(answers.fields).toEqual({});
    expect(answers.problems[0]!.message).toMatch(/^the issue is 65,547 characters long, more than the 65,536 GitHub allows/);
  });

  it('tells which form an issue came from: by its collection label, else by its headings', () => {
    const lessons = submitted(definition('lessons'), {});
    expect(identifyIssueForm(lessons, ['new-record', 'lessons'])?.collection).toBe('lessons');
    expect(identifyIssueForm(lessons, ['new-record'])?.collection).toBe('lessons');
    expect(identifyIssueForm(lessons, ['new-record', 'lessons', 'roadmap'])?.collection).toBe('lessons');
    expect(identifyIssueForm('Please add our roadmap.', ['new-record'])).toBeUndefined();
    expect(identifyIssueForm('### Title\n\nX', ['new-record', 'datasets'])?.collection).toBe('datasets');
  });
});

describe('the organisation form (.github/ISSUE_TEMPLATE/organisation.yml)', () => {
  const data = parse(readFileSync(join(ROOT, TEMPLATE_DIR, 'organisation.yml'), 'utf8')) as Data;
  const def = definition('organisations');
  const body = data.body as Data[];
  const byId = (id: string) => body.find((element) => element.id === id);

  it('keeps GitHub’s rules, with the labels the workflow acts on', () => {
    keepsGitHubRules(data, ['new-record', 'organisations']);
    expect(def.file).toBe('organisation.yml');
    expect(def.kind).toBe('organisation');
  });

  it(
    'asks which organisation, then each of its own details under the schema’s name, ' +
      'none required, each saying an empty answer keeps it',
    () => {
      const ids = body.filter((element) => element.type !== 'markdown').map((element) => element.id);
      expect(ids).toEqual(['organisation', ...EDITABLE_ORGANISATION_FIELDS, 'confirmation']);
      expect(byId('organisation').validations).toEqual({ required: true });
      for (const id of EDITABLE_ORGANISATION_FIELDS) {
        expect(byId(id).validations, id).toBeUndefined();
        expect(byId(id).attributes.description, id).toContain(
          `Left empty, it stays as the hub has it; write ${REMOVE_ANSWER} to take it off.`,
        );
      }
      expect(byId('confirmation')).toMatchObject({
        type: 'checkboxes',
        attributes: { options: [{ label: CONFIRM_OPTION, required: true }] },
      });
      expect(data.body[0].attributes.value).toContain('an answer left empty keeps what the hub has now');
      for (const id of ['name', 'type', 'gss_code', 'harvest', 'demonstration', 'slug', 'title']) expect(byId(id), id).toBeUndefined();
    },
  );

  it('asks for lists with commas, open data and systems one a line, with their formats', () => {
    for (const id of ['github', 'maintainers', 'uses'])
      expect(byId(id)).toMatchObject({ type: 'input', attributes: { description: expect.stringContaining('Separate them with commas') } });
    expect(byId('summary').type).toBe('textarea');
    expect(byId('open_data')).toMatchObject({
      type: 'textarea',
      attributes: {
        description: expect.stringContaining(
          'One a line, written as one of: CKAN portal address | Name on the portal (a CKAN portal); data.json (a DCAT catalogue).',
        ),
        placeholder: 'https://data.gov.uk | example-council\nhttps://data.example.gov.uk/data.json',
      },
    });
    expect(byId('systems').attributes.description).toContain(
      'One a line, written: Product | Supplier | Service area | Contract end | Services | Contract start | Notes. ' +
        'Services, contract start and notes may be left out. Write contract end and contract start as YYYY-MM. ' +
        'Separate services with commas. Service area is a theme id',
    );
    expect(byId('systems').attributes.description).toMatch(
      /For example: Tallowmere Revenues and Benefits \| Pellwick Data \| council-tax-and-benefits \| 2027-03 \| 58, 59, 69 \| 2020-04$/,
    );
  });

  it('reads back every organisation of the test and demonstration content exactly, as GitHub writes its form', () => {
    const { content } = githubContent();
    const organisations = [
      ...validateContent({ contentDir: content }).content.organisations,
      ...validateContent({ contentDir: join(ROOT, 'content') }).content.organisations.filter(
        (organisation) => organisation.data.demonstration,
      ),
    ];
    expect(organisations.filter((organisation) => organisation.data.systems && organisation.data.open_data).length).toBeGreaterThan(0);
    for (const organisation of organisations) {
      const fields = editableFields(organisation.data as Record<string, unknown>);
      const issue = submitted(def, { ...fields, organisation: organisation.id });
      const answers = parseIssueForm(issue, def);
      expect(answers.problems, organisation.id).toEqual([]);
      expect(answers.organisation).toBe(organisation.id);
      expect(inFileShape(answers.fields, fields), organisation.id).toEqual(fields);
      expect(answers.removed).toEqual([]);
      expect(answers.unanswered.sort()).toEqual(EDITABLE_ORGANISATION_FIELDS.filter((key) => fields[key] === undefined).sort());
      expect(identifyIssueForm(issue, []), organisation.id).toBe(def);
    }
  });

  it('reads (remove) as taking a field out, and an empty answer as keeping it', () => {
    const issue = submitted(def, { organisation: 'fenmoor', website: 'https://www.fenmoor.example/' })
      .replace('### Contact\n\n_No response_', `### Contact\n\n${REMOVE_ANSWER}`)
      .replace('### GitHub\n\n_No response_', '### GitHub\n\n(Remove)');
    const answers = parseIssueForm(issue, def);
    expect(answers.fields).toEqual({ website: 'https://www.fenmoor.example/' });
    expect(answers.removed).toEqual(['github', 'contact']);
    expect(answers.unanswered).toContain('summary');
    // In a record form, (remove) is only text.
    const roadmap = definition('roadmap');
    expect(parseIssueForm(submitted(roadmap, { title: REMOVE_ANSWER }), roadmap).fields.title).toBe(REMOVE_ANSWER);
  });

  it('reads open data lines by their shape, and systems with their services as numbers', () => {
    const issue = submitted(def, { organisation: 'fenmoor' })
      .replace(
        '### Open data\n\n_No response_',
        '### Open data\n\n- https://data.gov.uk | example-council\nhttps://data.example.gov.uk/data.json\nhttps://a.example | b | c',
      )
      .replace(
        '### Systems and contracts\n\n_No response_',
        '### Systems and contracts\n\n' +
          'Tallowmere Revenues | Pellwick Data | council-tax-and-benefits | 2027-03 | 58, 59,69 | 2020-04 | Two extensions ' +
          '\\| available.\nCasewren | Brindlecote | forms-and-case-management | 2028-01',
      );
    const answers = parseIssueForm(issue, def);
    expect(answers.fields.open_data).toEqual([
      { ckan: 'https://data.gov.uk', organisation: 'example-council' },
      { data_json: 'https://data.example.gov.uk/data.json' },
      { ckan: 'https://a.example', organisation: 'b' },
    ]);
    expect(answers.problems).toEqual([
      {
        field: 'open_data',
        item: 3,
        message:
          'this line has 3 parts separated by |, but each line is a CKAN portal ' +
          '(CKAN portal address | Name on the portal) or a DCAT catalogue (data.json).',
      },
    ]);
    expect(answers.fields.systems).toEqual([
      {
        product: 'Tallowmere Revenues',
        supplier: 'Pellwick Data',
        service_area: 'council-tax-and-benefits',
        services: [58, 59, 69],
        contract_start: '2020-04',
        contract_end: '2027-03',
        notes: 'Two extensions | available.',
      },
      { product: 'Casewren', supplier: 'Brindlecote', service_area: 'forms-and-case-management', contract_end: '2028-01' },
    ]);
    expect(issueFieldValue(issueFieldById(def, 'systems')!, answers.fields.systems)).toBe(
      'Tallowmere Revenues | Pellwick Data | council-tax-and-benefits | 2027-03 | 58, 59, 69 | 2020-04 | Two extensions \\| available.\n' +
        'Casewren | Brindlecote | forms-and-case-management | 2028-01',
    );
  });

  it('is told from the record forms by its label, or by its headings', () => {
    const issue = submitted(def, { organisation: 'fenmoor', website: 'https://x.example/' });
    expect(identifyIssueForm(issue, ['new-record', 'organisations'])).toBe(def);
    expect(identifyIssueForm(issue, ['new-record'])).toBe(def);
    expect(identifyIssueForm(submitted(definition('roadmap'), {}), ['new-record'])?.collection).toBe('roadmap');
  });
});
