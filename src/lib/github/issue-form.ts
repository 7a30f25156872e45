/**
 * The GitHub issue forms for sharing a record without Git (.github/ISSUE_TEMPLATE/<collection>.yml),
 * and reading a submitted form back into a record's answers. Both come from one definition per
 * collection, built from the zod schema through the contribution form's model (formModel), so the issue
 * form, the web form at /contribute/new/<collection>/ and the validator agree on every field, and a
 * new schema field appears in the issue form when `node scripts/issue-forms.ts` is run again.
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
 *   distributions)                   → textarea, one a line: `Link text | https://…`
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
import { RECORD_COLLECTIONS, recordCollection } from '../../../schemas/collections.ts';
import type { z } from 'zod';
import { BODY_HINTS, formModel, type FormField } from '../contribute/form-model.ts';
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
export type AnswerKind = 'text' | 'choice' | 'choices' | 'list' | 'ids' | 'numbers' | 'groups' | 'markdown' | 'confirm';

export interface GroupPart {
  key: string;
  label: string;
  required: boolean;
  /** Where the part is in the schema: items are written with their fields in the schema's order. */
  position: number;
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
  /** True for the fields of the record's schema (not organisation, slug, body or confirmation). */
  schemaField: boolean;
}

export interface IssueFormDefinition {
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
  const parts = fields.map((part, position) => ({ key: part.key, label: part.label, required: part.required, position, url: part.inputType === 'url' }));
  // As people say them: the required text first, then the web address, then the optional parts
  // ("Discovery report | https://…", "CSV | https://… | text/csv").
  const sorted = [...parts].sort((a, b) => Number(!a.required) - Number(!b.required) || Number(a.url) - Number(b.url));
  return sorted.map(({ key, label, required, position }) => ({ key, label, required, position }));
}

/** A group item written as a line of the issue form: `Discovery report | https://…`. */
export function groupLine(parts: readonly GroupPart[], item: Record<string, unknown>): string {
  const values = parts.map((part) => String(item[part.key] ?? '').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').trim());
  while (values.length > 0 && values.at(-1) === '') values.pop();
  return values.join(' | ');
}

function exampleOf(schema: z.core.$ZodType | undefined): unknown {
  return schema ? fieldMeta(schema).examples?.[0] : undefined;
}

function describe(field: FormField, schema: z.core.$ZodType, parts: GroupPart[] | undefined): { description: string; placeholder?: string } {
  const base = sentence((fieldMeta(schema).description ?? '').trim());
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
      const text = [
        base,
        `One a line, written: ${labels.join(' | ')}.`,
        optional.length > 0 ? `${upperFirst(optional.map((label) => label.toLowerCase()).join(' and '))} may be left out.` : '',
        sample ? `For example: ${sample}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return { description: text, ...(sample ? { placeholder: sample } : {}) };
    }
    default:
      return { description: base, ...(typeof example === 'string' || typeof example === 'number' ? { placeholder: String(example) } : {}) };
  }
}

function issueField(field: FormField, schema: z.core.$ZodType): IssueField {
  const parts = field.kind === 'group' ? groupParts(field) : undefined;
  const { description, placeholder } = describe(field, schema, parts);
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
      return { ...common, type: 'textarea', kind: 'groups', parts: parts ?? [] };
    case 'textarea':
      return { ...common, type: 'textarea', kind: 'text' };
    default:
      return { ...common, type: 'input', kind: 'text' };
  }
}

const definitions = new Map<string, IssueFormDefinition>();

/** The issue form of a record collection, or undefined for a name that is not one. */
export function issueFormDefinition(collectionName: string): IssueFormDefinition | undefined {
  const cached = definitions.get(collectionName);
  if (cached) return cached;
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
  const confirm: IssueField = {
    id: CONFIRM_FIELD,
    label: CONFIRM_LABEL,
    description: 'Everything in this issue is public. Records name teams and organisations, not people: use a team mailbox or web page as the contact.',
    type: 'checkboxes',
    required: true,
    kind: 'confirm',
    options: [CONFIRM_OPTION],
    schemaField: false,
  };
  const fields = [organisation, ...(first ? [first] : []), slug, ...rest, ...body, confirm];
  const labels = new Set<string>();
  for (const field of fields) {
    if (labels.has(field.label)) throw new Error(`The ${collection.name} issue form has two fields labelled "${field.label}": GitHub refuses that, and the answers could not be told apart.`);
    labels.add(field.label);
  }
  const definition: IssueFormDefinition = { collection: collection.name, singular, file: `${collection.name}.yml`, labels: [NEW_RECORD_LABEL, collection.name], fields };
  definitions.set(collectionName, definition);
  return definition;
}

export function issueFormDefinitions(): IssueFormDefinition[] {
  return RECORD_COLLECTIONS.map((collection) => issueFormDefinition(collection.name)!);
}

// ---------------------------------------------------------------------------------------------------
// The form file.

/** The issue form as GitHub's form schema: name, description, title, labels and body. */
export function issueForm(definition: IssueFormDefinition): Record<string, unknown> {
  const collection = recordCollection(definition.collection)!;
  const singular = definition.singular;
  const intro = [
    `Share ${article(singular)} ${singular} on Council Commons without using Git. When you send this form, a check reads your answers within a few minutes. If something needs changing, it says what in a comment, and you edit this issue to fix it; when everything is right, it opens a pull request for the hub’s maintainers to review, and the ${singular} appears on the hub once they merge it.`,
    `Everything you write here is public. The fields are explained in [CONTRIBUTING.md](https://github.com/${DEFAULT_REPOSITORY}/blob/main/CONTRIBUTING.md).`,
  ].join('\n\n');
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
  const description = (fieldMeta(collection.schema).description ?? '').replace(/\s*File: .*$/, '');
  return {
    name: `Share ${article(singular)} ${singular}`,
    description: `${description} Fill in a form; a pull request is made for you.`.trim(),
    title: `New ${singular}: `,
    labels: definition.labels,
    body,
  };
}

/** The text of .github/ISSUE_TEMPLATE/<collection>.yml. */
export function issueFormYaml(definition: IssueFormDefinition): string {
  const header = [
    `# The issue form for sharing ${article(definition.singular)} ${definition.singular} without Git.`,
    '#',
    '# GENERATED by `node scripts/issue-forms.ts` from the zod schemas in schemas/: do not edit it by hand. Field',
    '# ids are the schema’s field names, so the web form (/contribute/new/<collection>/) can fill them in, and',
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
export function parseGroups(text: string, field: IssueField): { items: Record<string, string>[]; problems: AnswerProblem[] } {
  const parts = field.parts ?? [];
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
        message: `this line has ${values.length} parts separated by |, but ${article(field.label)} ${field.label.toLowerCase().replace(/s$/, '')} has at most ${parts.length}: write ${parts.map((part) => part.label).join(' | ')}.`,
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

/** An item's fields in the schema's order, as the content files write them. */
function inSchemaOrder(item: Record<string, string>, parts: readonly GroupPart[]): Record<string, string> {
  const position = new Map(parts.map((part) => [part.key, part.position]));
  return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (position.get(a) ?? 99) - (position.get(b) ?? 99)));
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
  const answers: IssueAnswers = { collection: definition.collection, organisation: '', slug: '', fields: {}, body: '', confirmed: false, unanswered: [], problems: [] };
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
