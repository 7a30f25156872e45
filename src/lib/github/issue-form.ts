/**
 * The GitHub issue forms for sharing a record without Git (.github/ISSUE_TEMPLATE/<collection>.yml),
 * and for changing an organisation's own details (organisation.yml), and reading a submitted form back
 * into answers. Both come from one definition per form, built from the zod schema through the web
 * forms' models (formModel, organisationFormModel), so the issue form, the web form at
 * /contribute/new/<collection>/ (or /contribute/organisation/<id>/) and the validator agree on every
 * field, and a new schema field appears in the issue form when `node scripts/issue-forms.ts` is run again.
 *
 * The form, field by field (ids are the schema's field names, so the web form can prefill them):
 *   organisation, slug               → inputs (the record's folder and file name)
 *   one-line text, web addresses,
 *   months, dates, licences          → inputs (months and dates with their format in the description)
 *   text that may run over lines     → textarea (the summary)
 *   an enum                          → dropdown
 *   a list of an enum                → dropdown, multiple
 *   a list of ids or words           → input, "separate them with commas"
 *   a list of groups (links,
 *   distributions, systems)          → textarea, one a line: `Link text | https://…` (a list inside a
 *                                      line, a system's services, separated by commas)
 *   a list of several shapes
 *   (open data)                      → textarea, one a line, the shape told by its parts:
 *                                      `https://portal | name` or `https://…/data.json`
 *   the Markdown text (.md records)  → textarea `body` (no `render`, so it stays Markdown)
 *   confirmation                     → a required checkbox
 *
 * How GitHub writes a submitted form into the issue's body, which is what parseIssueForm reads: each
 * field as `### <label>`, a blank line and the answer, in the form's order; `_No response_` for an empty
 * field (and `None` for a dropdown left unchosen); a multiple dropdown's choices joined with ", ";
 * checkboxes as `- [X] label` or `- [ ] label`. The body is untrusted text: the person can edit it
 * freely after sending, so nothing here assumes the form's shape survived. Everything read is bounded
 * (MAX_ISSUE_BODY) and only ever becomes field values, which the validator then checks.
 *
 * Pure and free of Node APIs, so the web form can use issueFieldValue() to prefill a form.
 */
import { Document } from 'yaml';
import { ORGANISATIONS, RECORD_COLLECTIONS, recordCollection } from '../../../schemas/collections.ts';
import type { z } from 'zod';
import { BODY_HINTS, formModel, type FormField } from '../contribute/form-model.ts';
import { organisationFormModel } from '../contribute/organisation-model.ts';
import { fieldMeta } from '../schema-meta.ts';
import { DEFAULT_REPOSITORY } from '../site-config.ts';
import { isSlug, slugify } from '../slug.ts';

/** The label every issue form adds, and the workflow acts on. */
export const NEW_RECORD_LABEL = 'new-record';

/** Ids of the fields that are not schema fields. */
export const ORGANISATION_FIELD = 'organisation';
export const SLUG_FIELD = 'slug';
export const BODY_FIELD = 'body';
export const CONFIRM_FIELD = 'confirmation';

/** The organisation form's collection, labels and file. */
export const ORGANISATION_COLLECTION = ORGANISATIONS.name;
export const ORGANISATION_FORM_FILE = 'organisation.yml';
/** What an answer of the organisation form says to take a field out (an empty answer keeps it). */
export const REMOVE_ANSWER = '(remove)';

export const CONFIRM_LABEL = 'Before you send';
export const CONFIRM_OPTION = 'I work for or with this organisation, and this contains no personal data beyond a work contact';

/** GitHub's own limit on an issue's body; a longer one did not come from GitHub's form and is refused. */
export const MAX_ISSUE_BODY = 65_536;

/**
 * Schema fields the issue forms leave out on purpose, by collection and field, with the reason. Empty
 * for now: every field of every record type is in its form. A test fails when a schema field is neither
 * in its form nor listed here.
 */
export const OMITTED_FIELDS: Record<string, Record<string, string>> = {};

/** How an answer is read back from the issue. */
export type AnswerKind = 'text' | 'choice' | 'choices' | 'list' | 'ids' | 'numbers' | 'groups' | 'variants' | 'markdown' | 'confirm';

export interface GroupPart {
  key: string;
  label: string;
  required: boolean;
  /** Where the part is in the schema: items are written with their fields in the schema's order. */
  position: number;
  /** For a list inside a line (a system's services): its items are separated by commas, and may be numbers. */
  list?: 'text' | 'numbers';
  /** For a month or a date, how it is written. */
  format?: 'YYYY-MM' | 'YYYY-MM-DD';
  /** For a theme id (a system's service area), an example of one. */
  theme?: string;
}

/** One shape of a `variants` answer's lines: its parts, told apart from the other shapes by how many there are. */
export interface Variant {
  label: string;
  parts: GroupPart[];
}

export interface IssueField {
  /** The schema's field name (or organisation, slug, body, confirmation): the form field's id. */
  id: string;
  label: string;
  description: string;
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  required: boolean;
  kind: AnswerKind;
  options?: readonly string[];
  placeholder?: string;
  /** For groups: the parts of each line, in the order they are written. */
  parts?: GroupPart[];
  /** For `variants`: the shapes a line may take. */
  variants?: Variant[];
  /** For groups: what one line is called, when the schema names its items ("System"). */
  itemLabel?: string;
  /** True for the fields of the record's schema (not organisation, slug, body or confirmation). */
  schemaField: boolean;
}

export interface IssueFormDefinition {
  /** A new record of a collection, or a change to an organisation's details. */
  kind: 'record' | 'organisation';
  collection: string;
  singular: string;
  /** The issue form's file name in .github/ISSUE_TEMPLATE/. */
  file: string;
  labels: string[];
  fields: IssueField[];
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
const sentence = (text: string) => (text === '' || /[.!?:]$/.test(text) ? text : `${text}.`);

function groupParts(field: FormField): GroupPart[] {
  const fields = field.fields ?? [];
  const urls = new Set(fields.filter((part) => part.inputType === 'url').map((part) => part.key));
  const parts: GroupPart[] = fields.map((part, position) => ({
    key: part.key,
    label: part.label,
    required: part.required,
    position,
    ...(part.kind === 'list' ? { list: part.numbers ? ('numbers' as const) : ('text' as const) } : {}),
    ...(part.kind === 'month' ? { format: 'YYYY-MM' as const } : part.kind === 'date' ? { format: 'YYYY-MM-DD' as const } : {}),
    ...(part.kind === 'theme' ? { theme: part.example ?? 'housing' } : {}),
  }));
  // As people say them: the required text first, then the web address, then the optional parts
  // ("Discovery report | https://…", "CSV | https://… | text/csv").
  return [...parts].sort((a, b) => Number(!a.required) - Number(!b.required) || Number(urls.has(a.key)) - Number(urls.has(b.key)));
}

/** A group item written as a line of the issue form: `Discovery report | https://…`. */
export function groupLine(parts: readonly GroupPart[], item: Record<string, unknown>): string {
  const text = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value ?? ''));
  const values = parts.map((part) => text(item[part.key]).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').trim());
  while (values.length > 0 && values.at(-1) === '') values.pop();
  return values.join(' | ');
}

function exampleOf(schema: z.core.$ZodType | undefined): unknown {
  return schema ? fieldMeta(schema).examples?.[0] : undefined;
}

/** "a", "a and b", "a, b and c". */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function describe(field: FormField, schema: z.core.$ZodType, parts: GroupPart[] | undefined, ownWords?: string): { description: string; placeholder?: string } {
  const base = sentence((ownWords ?? fieldMeta(schema).description ?? '').trim());
  const example = exampleOf(schema);
  switch (field.kind) {
    case 'month':
      return { description: /YYYY-MM/.test(base) ? base : `${base} Write it as YYYY-MM.`.trim(), placeholder: typeof example === 'string' ? example : '2026-04' };
    case 'date':
      return { description: /YYYY-MM-DD/.test(base) ? base : `${base} Write it as YYYY-MM-DD, for example 2026-04-30.`.trim(), placeholder: typeof example === 'string' ? example : '2026-04-30' };
    case 'checkboxes':
      return { description: `${base} Choose all that apply.`.trim() };
    case 'services':
    case 'themes':
    case 'organisations':
    case 'lines': {
      const shown = Array.isArray(example) && example.length > 0 ? example.join(', ') : undefined;
      return { description: `${base} Separate them with commas${shown ? `, for example: ${shown}` : ''}.`.trim(), ...(shown ? { placeholder: shown } : {}) };
    }
    case 'group': {
      const labels = (parts ?? []).map((part) => part.label);
      const optional = (parts ?? []).filter((part) => !part.required).map((part) => part.label);
      const sample = Array.isArray(example) && example[0] && typeof example[0] === 'object' ? groupLine(parts ?? [], example[0] as Record<string, unknown>) : undefined;
      const lower = (list: GroupPart[]) => inWords(list.map((part) => part.label.toLowerCase()));
      const formats = (['YYYY-MM', 'YYYY-MM-DD'] as const).map((format) => ({ format, parts: (parts ?? []).filter((part) => part.format === format) })).filter((entry) => entry.parts.length > 0);
      const lists = (parts ?? []).filter((part) => part.list);
      const text = [
        base,
        `One a line, written: ${labels.join(' | ')}.`,
        optional.length > 0 ? `${upperFirst(inWords(optional.map((label) => label.toLowerCase())))} may be left out.` : '',
        ...formats.map((entry) => `Write ${lower(entry.parts)} as ${entry.format}.`),
        lists.length > 0 ? `Separate ${lower(lists)} with commas.` : '',
        ...(parts ?? []).filter((part) => part.theme).map((part) => `${part.label} is a theme id, as on the hub’s Themes page, e.g. ${part.theme}.`),
        sample ? `For example: ${sample}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return { description: text, ...(sample ? { placeholder: sample } : {}) };
    }
    case 'variants': {
      const shapes = variantsOf(field);
      const lines = shapes.map((variant) => variantLine(variant, Object.fromEntries(variant.parts.map((part) => [part.key, exampleAt(field, variant, part.key)]))));
      const text = [
        base,
        `One a line, written as one of: ${shapes.map((variant) => `${variant.parts.map((part) => part.label).join(' | ')} (${article(variant.label)} ${variant.label})`).join('; ')}.`,
        `For example: ${lines.join(' or ')}`,
      ].join(' ');
      return { description: text, placeholder: lines.join('\n') };
    }
    default:
      return { description: base, ...(typeof example === 'string' || typeof example === 'number' ? { placeholder: String(example) } : {}) };
  }
}

/** The example value of a shape's part, from the schema. */
function exampleAt(field: FormField, variant: Variant, key: string): string {
  const shape = field.variants?.find((candidate) => candidate.label === variant.label);
  return shape?.fields?.find((part) => part.key === key)?.example ?? '';
}

/**
 * The shapes of a `variants` field's lines. They are told apart by their number of parts, so no two may
 * have the same number: a schema change that breaks this stops the forms from being generated.
 */
function variantsOf(field: FormField): Variant[] {
  // In the schema's order: an address, then what it needs (https://data.gov.uk | example-council).
  const variants = (field.variants ?? []).map((variant) => ({ label: variant.label, parts: groupParts(variant).sort((a, b) => a.position - b.position) }));
  const counts = variants.map((variant) => variant.parts.length);
  if (new Set(counts).size !== counts.length) throw new Error(`The shapes of ${field.key} have the same number of parts (${counts.join(', ')}), so a line of the issue form could not tell them apart.`);
  return variants;
}

/** An item of a `variants` field as a line: its shape's parts, separated by |. */
export function variantLine(variant: Variant, item: Record<string, unknown>): string {
  return groupLine(variant.parts, item);
}

function issueField(field: FormField, schema: z.core.$ZodType, ownWords?: string): IssueField {
  const parts = field.kind === 'group' ? groupParts(field) : undefined;
  const { description, placeholder } = describe(field, schema, parts, ownWords);
  const common = { id: field.key, label: field.label, description, required: field.required, schemaField: true, ...(placeholder ? { placeholder } : {}) };
  switch (field.kind) {
    case 'radios':
      return { ...common, type: 'dropdown', kind: 'choice', options: field.options ?? [] };
    case 'checkboxes':
      return { ...common, type: 'dropdown', kind: 'choices', options: field.options ?? [] };
    case 'services':
      return { ...common, type: 'input', kind: 'numbers' };
    case 'themes':
    case 'organisations':
      return { ...common, type: 'input', kind: 'ids' };
    case 'lines':
      return { ...common, type: 'input', kind: 'list' };
    case 'group':
      return { ...common, type: 'textarea', kind: 'groups', parts: parts ?? [], ...(field.itemLabel ? { itemLabel: field.itemLabel } : {}) };
    case 'variants':
      return { ...common, type: 'textarea', kind: 'variants', variants: variantsOf(field) };
    case 'textarea':
      return { ...common, type: 'textarea', kind: 'text' };
    default:
      return { ...common, type: 'input', kind: 'text' };
  }
}

const definitions = new Map<string, IssueFormDefinition>();

const confirmField = (): IssueField => ({
  id: CONFIRM_FIELD,
  label: CONFIRM_LABEL,
  description: 'Everything in this issue is public. Records name teams and organisations, not people: use a team mailbox or web page as the contact.',
  type: 'checkboxes',
  required: true,
  kind: 'confirm',
  options: [CONFIRM_OPTION],
  schemaField: false,
});

/** What each optional answer of the organisation form does when it is left empty. */
export const KEEP_OR_REMOVE = `Left empty, it stays as the hub has it; write ${REMOVE_ANSWER} to take it off.`;

/** The organisation form: which organisation, then each field of its own details, all optional. */
function organisationIssueFormDefinition(): IssueFormDefinition {
  const shape = ORGANISATIONS.schema.shape as Record<string, z.core.$ZodType>;
  const fields = organisationFormModel().fields.map((field) => {
    // A list of groups or of shapes is described by its parts below, so the form's words, which leave
    // out how the file writes them, say the rest.
    const asked = issueField(field, shape[field.key]!, field.kind === 'group' || field.kind === 'variants' ? field.hint : undefined);
    const example = asked.description.indexOf(' For example: ');
    const description = example === -1 ? `${asked.description} ${KEEP_OR_REMOVE}` : `${asked.description.slice(0, example)} ${KEEP_OR_REMOVE}${asked.description.slice(example)}`;
    return { ...asked, required: false, description };
  });
  const organisation: IssueField = {
    id: ORGANISATION_FIELD,
    label: 'Organisation',
    description:
      'The id of the organisation whose details change: the last part of its page address on the hub, e.g. fenmoor for …/organisations/fenmoor/. This form changes organisations already on the hub; to add one, open an ordinary issue and a maintainer will add it.',
    type: 'input',
    required: true,
    kind: 'text',
    placeholder: 'fenmoor',
    schemaField: false,
  };
  return {
    kind: 'organisation',
    collection: ORGANISATION_COLLECTION,
    singular: ORGANISATIONS.singular,
    file: ORGANISATION_FORM_FILE,
    labels: [NEW_RECORD_LABEL, ORGANISATION_COLLECTION],
    fields: uniqueLabels(ORGANISATION_COLLECTION, [organisation, ...fields, confirmField()]),
  };
}

function uniqueLabels(form: string, fields: IssueField[]): IssueField[] {
  const labels = new Set<string>();
  for (const field of fields) {
    if (labels.has(field.label)) throw new Error(`The ${form} issue form has two fields labelled "${field.label}": GitHub refuses that, and the answers could not be told apart.`);
    labels.add(field.label);
  }
  return fields;
}

/** The issue form of a record collection, or of organisations (their details), or undefined for a name that is neither. */
export function issueFormDefinition(collectionName: string): IssueFormDefinition | undefined {
  const cached = definitions.get(collectionName);
  if (cached) return cached;
  if (collectionName === ORGANISATION_COLLECTION) {
    const definition = organisationIssueFormDefinition();
    definitions.set(collectionName, definition);
    return definition;
  }
  const collection = recordCollection(collectionName);
  const model = formModel(collectionName);
  if (!collection || !model) return undefined;
  const shape = collection.schema.shape as Record<string, z.core.$ZodType>;
  const omitted = OMITTED_FIELDS[collection.name] ?? {};
  const schemaFields = model.fields.filter((field) => !(field.key in omitted)).map((field) => issueField(field, shape[field.key]!));
  const [first, ...rest] = schemaFields;
  const singular = collection.singular;
  const organisation: IssueField = {
    id: ORGANISATION_FIELD,
    label: 'Organisation',
    description: `Your organisation’s id on the hub: the last part of its page address, e.g. fenmoor for …/organisations/fenmoor/. If your organisation is not on the hub yet, say so in a comment after sending this, and a maintainer will add it.`,
    type: 'input',
    required: true,
    kind: 'text',
    placeholder: 'fenmoor',
    schemaField: false,
  };
  const slug: IssueField = {
    id: SLUG_FIELD,
    label: 'File name',
    description: `A short name for this ${singular}’s web address and file: lowercase letters, digits and hyphens, e.g. garden-waste-online. Choose it carefully: changing it later breaks links.`,
    type: 'input',
    required: true,
    kind: 'text',
    placeholder: 'garden-waste-online',
    schemaField: false,
  };
  const extensions: readonly string[] = collection.extensions;
  const body: IssueField[] = extensions.includes('.md')
    ? [
        {
          id: BODY_FIELD,
          label: 'Text',
          description: `${BODY_HINTS[collection.name] || `The ${singular}’s text.`} Markdown works here: ## headings, lists and links.`,
          type: 'textarea',
          required: false,
          kind: 'markdown',
          schemaField: false,
        },
      ]
    : [];
  const fields = uniqueLabels(collection.name, [organisation, ...(first ? [first] : []), slug, ...rest, ...body, confirmField()]);
  const definition: IssueFormDefinition = { kind: 'record', collection: collection.name, singular, file: `${collection.name}.yml`, labels: [NEW_RECORD_LABEL, collection.name], fields };
  definitions.set(collectionName, definition);
  return definition;
}

/** Every issue form: one per record collection, then the organisation form. */
export function issueFormDefinitions(): IssueFormDefinition[] {
  return [...RECORD_COLLECTIONS.map((collection) => collection.name), ORGANISATION_COLLECTION].map((name) => issueFormDefinition(name)!);
}

// ---------------------------------------------------------------------------------------------------
// The form file.

/** What the top of a form says, its name and description, and the title it gives the issue. */
function formWords(definition: IssueFormDefinition): { intro: string; name: string; description: string; title: string } {
  const singular = definition.singular;
  const guide = `Everything you write here is public. The fields are explained in [CONTRIBUTING.md](https://github.com/${DEFAULT_REPOSITORY}/blob/main/CONTRIBUTING.md).`;
  if (definition.kind === 'organisation') {
    return {
      intro: [
        'Change your organisation’s details on Council Commons without using Git: its summary, website, GitHub, open data, maintainers, contact, the components it uses and its systems. Its name, type and codes come from the local-authority register and are not changed here.',
        `Answer only what should change: an answer left empty keeps what the hub has now, and ${REMOVE_ANSWER} takes a field off. A list you write replaces the whole list. When you send this form, a check reads your answers within a few minutes. If something needs changing, it says what in a comment, and you edit this issue to fix it; when everything is right, it opens a pull request for the hub’s maintainers to review.`,
        `The form on the hub, at /contribute/organisation/, fills this in for you with your organisation’s details as they are now. ${guide}`,
      ].join('\n\n'),
      name: 'Change an organisation’s details',
      description: 'A body’s own details on the hub: summary, website, GitHub, open data, maintainers, contact, components used and systems. Fill in a form; a pull request is made for you.',
      title: 'Organisation details: ',
    };
  }
  const collection = recordCollection(definition.collection)!;
  return {
    intro: [
      `Share ${article(singular)} ${singular} on Council Commons without using Git. When you send this form, a check reads your answers within a few minutes. If something needs changing, it says what in a comment, and you edit this issue to fix it; when everything is right, it opens a pull request for the hub’s maintainers to review, and the ${singular} appears on the hub once they merge it.`,
      guide,
    ].join('\n\n'),
    name: `Share ${article(singular)} ${singular}`,
    description: `${(fieldMeta(collection.schema).description ?? '').replace(/\s*File: .*$/, '')} Fill in a form; a pull request is made for you.`.trim(),
    title: `New ${singular}: `,
  };
}

/** The issue form as GitHub's form schema: name, description, title, labels and body. */
export function issueForm(definition: IssueFormDefinition): Record<string, unknown> {
  const { intro, name, description, title } = formWords(definition);
  const body: Record<string, unknown>[] = [{ type: 'markdown', attributes: { value: intro } }];
  for (const field of definition.fields) {
    const attributes: Record<string, unknown> = { label: field.label, description: field.description };
    if (field.type === 'dropdown') {
      if (field.kind === 'choices') attributes.multiple = true;
      attributes.options = [...(field.options ?? [])];
    } else if (field.type === 'checkboxes') {
      attributes.options = (field.options ?? []).map((label) => ({ label, required: true }));
    } else if (field.placeholder) {
      attributes.placeholder = field.placeholder;
    }
    body.push({ type: field.type, id: field.id, attributes, ...(field.required && field.type !== 'checkboxes' ? { validations: { required: true } } : {}) });
  }
  return { name, description, title, labels: definition.labels, body };
}

/** The text of .github/ISSUE_TEMPLATE/<collection>.yml. */
export function issueFormYaml(definition: IssueFormDefinition): string {
  const organisation = definition.kind === 'organisation';
  const header = [
    organisation ? '# The issue form for changing an organisation’s details without Git.' : `# The issue form for sharing ${article(definition.singular)} ${definition.singular} without Git.`,
    '#',
    '# GENERATED by `node scripts/issue-forms.ts` from the zod schemas in schemas/: do not edit it by hand. Field',
    `# ids are the schema’s field names, so the web form (${organisation ? '/contribute/organisation/<id>/' : '/contribute/new/<collection>/'}) can fill them in, and`,
    '# the issue-to-pr workflow reads the answers back by these labels (src/lib/github/issue-form.ts).',
  ].join('\n');
  const document = new Document(issueForm(definition), { version: '1.2' });
  return `${header}\n${document.toString({ lineWidth: 110, minContentWidth: 40 })}`;
}

// ---------------------------------------------------------------------------------------------------
// Prefilling a form (for the web form's "Send as an issue").

/** A field's value as its issue form field takes it: lists comma-separated, groups one a line. */
export function issueFieldValue(field: IssueField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'groups' && Array.isArray(value)) {
    return value.map((item) => groupLine(field.parts ?? [], item && typeof item === 'object' ? (item as Record<string, unknown>) : {})).join('\n');
  }
  if (field.kind === 'variants' && Array.isArray(value)) {
    return value
      .map((item) => {
        const fields = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
        const variant = field.variants?.find((candidate) => Object.keys(fields).every((key) => candidate.parts.some((part) => part.key === key)));
        return variant ? variantLine(variant, fields) : '';
      })
      .filter(Boolean)
      .join('\n');
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

// ---------------------------------------------------------------------------------------------------
// Reading a submitted form.

/** Something wrong with an answer that is found while reading it, before the validator runs. */
export interface AnswerProblem {
  /** The field id, or '' for the issue as a whole. */
  field: string;
  /** 1-based line or item, for groups. */
  item?: number;
  /** One or two sentences; values in `backticks`. */
  message: string;
}

export interface IssueAnswers {
  collection: string;
  organisation: string;
  slug: string;
  /** The record's fields, only those answered. */
  fields: Record<string, unknown>;
  body: string;
  confirmed: boolean;
  /** Every field id that was not answered (missing section, _No response_ or None). */
  unanswered: string[];
  /** In the organisation form, the fields answered (remove), to take out. */
  removed: string[];
  problems: AnswerProblem[];
}

const HEADING = /^###[ \t]+(.*?)[ \t]*$/;
/** More headings of the form than this and the in-order search is not tried (it is quadratic in them). */
const MAX_HEADINGS = 200;
const NO_RESPONSE = '_No response_';

function headingLabel(line: string): string | undefined {
  const match = HEADING.exec(line);
  return match ? match[1]!.trim() : undefined;
}

/** The `### ` headings of a body, as written. */
export function issueHeadings(body: string): Set<string> {
  const found = new Set<string>();
  for (const line of body.split('\n')) {
    const label = headingLabel(line.replace(/\r$/, ''));
    if (label !== undefined) found.add(label);
  }
  return found;
}

/**
 * Which collection's form an issue was made from: its collection label when it has exactly one, else the
 * one form whose every heading is in the body. Undefined when neither tells.
 */
export function identifyIssueForm(body: string, labels: readonly string[]): IssueFormDefinition | undefined {
  const all = issueFormDefinitions();
  const labelled = all.filter((definition) => labels.includes(definition.collection));
  if (labelled.length === 1) return labelled[0];
  const headings = issueHeadings(body);
  const candidates = labelled.length > 1 ? labelled : all;
  const complete = candidates.filter((definition) => definition.fields.every((field) => headings.has(field.label)));
  return complete.length === 1 ? complete[0] : undefined;
}

/** Lines of a section's answer, with the blank lines around it removed. */
function sectionText(lines: readonly string[], from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines
    .slice(start, end)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n');
}

/**
 * Finds each field's heading. First as GitHub writes the form (every heading once, in order), where a
 * heading inside a text answer (a `### Summary` in the Markdown text) is told apart from the real one by
 * position: after a multi-line answer the last candidate is taken, after a one-line answer the first.
 * If the body no longer has that shape (the person deleted or moved a section), each label's first
 * heading is taken, and a section that is missing counts as unanswered.
 */
function locateSections(lines: readonly string[], fields: readonly IssueField[]): Map<string, { from: number; to: number }> {
  const positions = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const label = headingLabel(line);
    if (label !== undefined) positions.set(label, [...(positions.get(label) ?? []), index]);
  });
  const at = (field: IssueField) => positions.get(field.label) ?? [];
  const firstContent = lines.findIndex((line) => line.trim() !== '');

  // In order: memoised search, at most fields × headings steps.
  const failed = new Set<string>();
  const chosen: number[] = [];
  const place = (index: number, after: number): boolean => {
    if (index === fields.length) return true;
    const key = `${index}:${after}`;
    if (failed.has(key)) return false;
    let candidates = at(fields[index]!).filter((position) => position > after);
    if (index === 0) candidates = candidates.filter((position) => position === firstContent);
    else if (fields[index - 1]!.type === 'textarea') candidates = [...candidates].reverse();
    for (const position of candidates) {
      chosen[index] = position;
      if (place(index + 1, position)) return true;
    }
    failed.add(key);
    return false;
  };
  const sections = new Map<string, { from: number; to: number }>();
  // A body with hundreds of the form's headings was not written by the form: the first of each will do.
  const headings = fields.reduce((count, field) => count + at(field).length, 0);
  if (fields.length > 0 && headings <= MAX_HEADINGS && place(0, -1)) {
    fields.forEach((field, index) => sections.set(field.id, { from: chosen[index]! + 1, to: index + 1 < fields.length ? chosen[index + 1]! : lines.length }));
    return sections;
  }

  // Out of shape: the first heading of each label.
  const found = fields
    .map((field) => ({ field, position: at(field)[0] }))
    .filter((entry): entry is { field: IssueField; position: number } => entry.position !== undefined)
    .sort((a, b) => a.position - b.position);
  found.forEach((entry, index) => sections.set(entry.field.id, { from: entry.position + 1, to: found[index + 1]?.position ?? lines.length }));
  return sections;
}

/** Splits a list answer on commas and line breaks; drops empty items, surrounding brackets, quotes and repeats. */
export function listItems(text: string): string[] {
  const inner = text.trim().replace(/^\[([\s\S]*)\]$/, '$1');
  const items: string[] = [];
  for (const raw of inner.split(/[,\n]/)) {
    const item = raw.trim().replace(/^[-*]\s+/, '').replace(/^[`'"“‘]+|[`'"”’]+$/g, '').trim();
    if (item !== '' && !items.includes(item)) items.push(item);
  }
  return items;
}

/** The id in an organisation answer: the id itself, or the last part of its page address. */
function organisationAnswer(text: string): string {
  const value = text.trim();
  const fromAddress = /\/organisations\/([A-Za-z0-9-]+)\/?(?:[?#].*)?$/.exec(value);
  return (fromAddress ? fromAddress[1]! : value).toLowerCase();
}

function splitParts(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === '\\' && line[index + 1] === '|') {
      current += '|';
      index++;
    } else if (char === '|') {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

/**
 * A groups answer, one item a line (`Discovery report | https://…`). Also reads the YAML-like lines the
 * web form has written (`- title: …` then `  url: …`).
 */
export function parseGroups(text: string, field: IssueField, parts: readonly GroupPart[] = field.parts ?? []): { items: Record<string, unknown>[]; problems: AnswerProblem[] } {
  const keys = new Set(parts.map((part) => part.key));
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const items: Record<string, string>[] = [];
  const problems: AnswerProblem[] = [];
  const keyLine = /^(-\s+)?([a-z_]+):\s*(.*)$/;
  const yamlLike = lines.length > 0 && ((match) => match !== null && match[1] !== undefined && keys.has(match[2]!))(keyLine.exec(lines[0]!));
  if (yamlLike) {
    for (const line of lines) {
      const match = keyLine.exec(line);
      if (!match || !keys.has(match[2]!)) {
        problems.push({ field: field.id, item: Math.max(1, items.length), message: `the line \`${line}\` could not be read: write each one as ${parts.map((part) => part.label).join(' | ')}.` });
        continue;
      }
      if (match[1] !== undefined || items.length === 0) items.push({});
      const value = match[3]!.trim().replace(/^(['"])(.*)\1$/, '$2');
      if (value !== '') items.at(-1)![match[2]!] = value;
    }
    return { items: items.map((item) => inSchemaOrder(item, parts)), problems };
  }
  lines.forEach((raw, index) => {
    const line = raw.replace(/^[-*]\s+/, '');
    const values = splitParts(line);
    if (values.length > parts.length) {
      problems.push({
        field: field.id,
        item: index + 1,
        message: `this line has ${values.length} parts separated by |, but ${article(itemName(field))} ${itemName(field)} has at most ${parts.length}: write ${parts.map((part) => part.label).join(' | ')}.`,
      });
    }
    const item: Record<string, string> = {};
    parts.forEach((part, index) => {
      const value = values[index];
      if (value !== undefined && value !== '') item[part.key] = value;
    });
    items.push(item);
  });
  return { items: items.map((item) => inSchemaOrder(item, parts)), problems };
}

/** What one line of a groups answer is called, in a sentence: "system", "distribution". */
function itemName(field: IssueField): string {
  const name = field.itemLabel ?? field.label.replace(/s$/, '');
  return /^[A-Z][a-z]/.test(name) ? name.toLowerCase() : name;
}

/**
 * An item's fields in the schema's order, as the content files write them, with a list inside the line
 * (a system's services) split on its commas, and numbers as numbers.
 */
function inSchemaOrder(item: Record<string, string>, parts: readonly GroupPart[]): Record<string, unknown> {
  const byKey = new Map(parts.map((part) => [part.key, part]));
  const value = (key: string, text: string): unknown => {
    const list = byKey.get(key)?.list;
    if (!list) return text;
    const items = listItems(text);
    return list === 'numbers' ? items.map((entry) => (/^\d{1,9}$/.test(entry) ? Number(entry) : entry)) : items;
  };
  return Object.fromEntries(
    Object.entries(item)
      .sort(([a], [b]) => (byKey.get(a)?.position ?? 99) - (byKey.get(b)?.position ?? 99))
      .map(([key, text]) => [key, value(key, text)]),
  );
}

/**
 * A `variants` answer (open data), one item a line, each line's shape told by how many parts it has:
 * `https://data.gov.uk | example-council` is a CKAN portal, `https://…/data.json` a catalogue. A line
 * with a number of parts no shape has is read as the shape with the most parts, for the validator to
 * say what is missing or extra.
 */
export function parseVariants(text: string, field: IssueField): { items: Record<string, unknown>[]; problems: AnswerProblem[] } {
  const variants = [...(field.variants ?? [])].sort((a, b) => a.parts.length - b.parts.length);
  const items: Record<string, unknown>[] = [];
  const problems: AnswerProblem[] = [];
  const lines = text.split('\n').map((line) => line.trim().replace(/^[-*]\s+/, '')).filter((line) => line !== '');
  lines.forEach((line, index) => {
    const count = splitParts(line).length;
    const variant = variants.find((candidate) => candidate.parts.length === count) ?? variants.at(-1);
    if (!variant) return;
    if (count > variant.parts.length) {
      const shapes = (field.variants ?? []).map((candidate) => `${article(candidate.label)} ${candidate.label} (${candidate.parts.map((part) => part.label).join(' | ')})`);
      problems.push({ field: field.id, item: index + 1, message: `this line has ${count} parts separated by |, but each line is ${shapes.join(' or ')}.` });
    }
    const parsed = parseGroups(line, field, variant.parts);
    items.push(...parsed.items);
  });
  return { items, problems };
}

function isEmptyAnswer(text: string, field: IssueField): boolean {
  return text === '' || text === NO_RESPONSE || (field.type === 'dropdown' && text === 'None');
}

/**
 * A submitted issue form as a record's answers: the organisation and file name, the schema's fields as
 * the schema expects them (numbers for services, lists, groups), the Markdown text and the confirmation.
 * Values are kept as written where they are wrong, so that the validator can say what is wrong with them.
 */
export function parseIssueForm(body: string, definition: IssueFormDefinition): IssueAnswers {
  const answers: IssueAnswers = { collection: definition.collection, organisation: '', slug: '', fields: {}, body: '', confirmed: false, unanswered: [], removed: [], problems: [] };
  if (body.length > MAX_ISSUE_BODY) {
    answers.problems.push({ field: '', message: `the issue is ${body.length.toLocaleString('en-GB')} characters long, more than the ${MAX_ISSUE_BODY.toLocaleString('en-GB')} GitHub allows, so it was not read. Shorten the text.` });
    answers.unanswered = definition.fields.map((field) => field.id);
    return answers;
  }
  const lines = body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const sections = locateSections(lines, definition.fields);

  for (const field of definition.fields) {
    const section = sections.get(field.id);
    const text = section ? sectionText(lines, section.from, section.to) : '';
    if (field.kind === 'confirm') {
      answers.confirmed = text.split('\n').some((line) => /^\s*[-*]\s*\[[xX]\]/.test(line));
      continue;
    }
    if (isEmptyAnswer(text.trim(), field)) {
      answers.unanswered.push(field.id);
      continue;
    }
    if (field.id === ORGANISATION_FIELD) {
      answers.organisation = organisationAnswer(text);
      continue;
    }
    if (field.id === SLUG_FIELD) {
      const written = text.trim().toLowerCase().replace(/\.(md|ya?ml)$/, '');
      answers.slug = isSlug(written) ? written : slugify(written) || written;
      continue;
    }
    if (field.kind === 'markdown') {
      answers.body = text;
      continue;
    }
    if (definition.kind === 'organisation' && field.schemaField && text.trim().toLowerCase() === REMOVE_ANSWER) {
      answers.removed.push(field.id);
      continue;
    }
    let value: unknown;
    switch (field.kind) {
      case 'choice':
        value = text.trim();
        break;
      case 'choices':
        value = listItems(text);
        break;
      case 'list':
        value = listItems(text);
        break;
      case 'ids':
        value = listItems(text).map((item) => item.toLowerCase());
        break;
      case 'numbers':
        value = listItems(text).map((item) => (/^\d{1,9}$/.test(item) ? Number(item) : item));
        break;
      case 'groups': {
        const parsed = parseGroups(text, field);
        answers.problems.push(...parsed.problems);
        value = parsed.items;
        break;
      }
      case 'variants': {
        const parsed = parseVariants(text, field);
        answers.problems.push(...parsed.problems);
        value = parsed.items;
        break;
      }
      default:
        value = text.trim();
    }
    if (Array.isArray(value) && value.length === 0) {
      answers.unanswered.push(field.id);
      continue;
    }
    answers.fields[field.id] = value;
  }
  return answers;
}

/** The field of a form by id. */
export function issueFieldById(definition: IssueFormDefinition, id: string): IssueField | undefined {
  return definition.fields.find((field) => field.id === id);
}
