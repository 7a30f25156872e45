/**
 * The contribution form of a record collection, read from its zod schema: one form field per schema
 * field, in the schema's order, with its label and hint from the schema's .meta() and the kind of control
 * that suits its type. Nothing here restates a schema: a new field shows up in the form on its own, as a
 * text box unless its type says otherwise.
 *
 * How a field's kind is found, from the schema alone:
 *   an enum                          → radios (one answer)
 *   a list of an enum                → checkboxes
 *   a list of theme ids              → the themes as checkboxes
 *   a list of service ids (whole numbers) → the service finder (type-ahead)
 *   a list of organisation ids       → the organisation finder (type-ahead)
 *   a list of groups of fields       → repeatable fieldsets ("Add another link")
 *   a list whose items take one of
 *   several shapes (open data)       → one repeatable fieldset for each shape ("Add another CKAN portal")
 *   one value or a list of them      → a text box, one item a line (one item is written on its own)
 *   a list of text                   → a text box, one item a line
 *   the shared month field (YYYY-MM) → a month and year date input
 *   an ISO date                      → a day, month and year date input
 *   a licence id                     → a select of the hub's licences
 *   text that may hold line breaks   → a textarea; any other text → a text input (type url for web addresses)
 *
 * Inside a repeatable fieldset, where a finder or a column of checkboxes would not fit in each row:
 *   a list                           → a text box, items separated by commas (a system's services)
 *   a theme id                       → a select of the themes (a system's service area)
 *
 * Pure and free of Node APIs: the page renders from it at build time and the browser reads answers with it.
 */
import type { z } from 'zod';
import { byCollection, recordCollection, type CollectionDefinition, type RecordCollectionName } from '../../../schemas/collections.ts';
import { HARVEST_FIELDS, isoDate, licenceId, serviceId, organisationId, themeId, webUrl, yearMonth } from '../../../schemas/fields.ts';
import type { LanguageConfig } from '../../../schemas/hub-config.ts';
import { fieldMeta, isOptional } from '../schema-meta.ts';

type Schema = z.core.$ZodType;

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'radios'
  | 'checkboxes'
  | 'month'
  | 'date'
  | 'licence'
  | 'themes'
  | 'services'
  | 'organisations'
  | 'lines'
  | 'group'
  | 'variants'
  | 'list'
  | 'theme';

export interface FormField {
  /** The schema's field name: the control's name and id, and the issue form's field id. */
  key: string;
  label: string;
  /** What to write, from the schema's description, reworded where it speaks of files. */
  hint?: string;
  required: boolean;
  kind: FieldKind;
  /** For text inputs: the input type. */
  inputType?: 'text' | 'url';
  /** The most characters the schema allows, for text. */
  maxLength?: number;
  /** The most items the schema allows, for lists. */
  maxItems?: number;
  /** The allowed values, for radios and checkboxes. */
  options?: readonly string[];
  /** The fields of each item, for repeatable groups. */
  fields?: FormField[];
  /** For groups: what one item is called, from the item schema's title ("System"), when it has one. */
  itemLabel?: string;
  /** For `variants`: a repeatable group for each shape an item may take, keyed <field>_<its first field>. */
  variants?: FormField[];
  /** For `lines`: the schema also takes one value on its own (github: one name, or a list of them). */
  single?: boolean;
  /** For `list`: the items are whole numbers (service ids). */
  numbers?: boolean;
  /** An example value from the schema, as text. */
  example?: string;
  /** The language of the answer when it is not the hub's main language (cy for the Welsh title and summary). */
  lang?: string;
}

export interface FormModel {
  collection: CollectionDefinition;
  /** The schema's fields, in order. */
  fields: FormField[];
  /** Whether the record has Markdown text below its fields: always (.md collections), maybe (.yaml or .md), never. */
  body: 'always' | 'optional' | 'never';
  /** The hub's other languages, which the form asks for translations in. */
  languages: readonly FormLanguage[];
}

interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
  format?: string;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;

function unwrap(schema: Schema): Schema {
  let current = schema;
  while (defOf(current).type === 'optional' && defOf(current).innerType) current = defOf(current).innerType!;
  return current;
}

/**
 * Whether `schema` is `base`, or a copy of it made by .meta() or .optional(): copies keep the same check
 * objects, so the first check identifies the shared field (yearMonth, licenceId…).
 */
export function isField(schema: Schema, base: Schema): boolean {
  const inner = unwrap(schema);
  if (inner === base) return true;
  const own = defOf(inner).checks?.[0];
  return own !== undefined && own === defOf(base).checks?.[0];
}

function maxOf(schema: Schema, check: 'max_length'): number | undefined {
  for (const item of defOf(unwrap(schema)).checks ?? []) {
    if (item._zod.def.check === check && typeof item._zod.def.maximum === 'number') return item._zod.def.maximum;
  }
  return undefined;
}

function exampleText(example: unknown): string | undefined {
  if (example === undefined || example === null) return undefined;
  if (Array.isArray(example)) return example.every((item) => typeof item !== 'object') ? example.join(', ') : undefined;
  return typeof example === 'object' ? undefined : String(example);
}

/**
 * The schema's descriptions are written for people editing files ("as YYYY-MM", "ids from
 * content/vocabularies/themes.yaml"); in the form, the control already says how, so those parts go.
 */
export function formHint(kind: FieldKind, description: string | undefined): string | undefined {
  if (!description) return undefined;
  let text = description
    // Written for files: "(YYYY-MM)", "(a theme id)", "({ ckan: …, organisation: … })", "see … in CONTRIBUTING.md".
    .replace(/\s*\((?:[^()]*(?:YYYY|\{|theme id)[^()]*)\)/g, '')
    .replace(/;? see “[^”]*” in CONTRIBUTING\.md/g, '')
    .replace(/\b([a-z]+)_([a-z]+)\b/g, '$1 $2') // field names ("contract_end") as words
    .replace(/,? as a theme id from content\/vocabularies\/themes\.yaml.*$/, '.')
    .replace(/,? as (?:YYYY-MM-DD|YYYY-MM)\b/g, '')
    .replace(/,? as an SPDX id from (?:data\/reference\/licences\.csv|the hub’s licence list)/g, '')
    .replace(/ \(defaultLicence in hub\.config\.yaml\)/g, '')
    .replace(/ \(see data\/reference\/services\.csv\)/g, '')
    .replace(/ \(OGL-UK-3\.0\)/g, '')
    .replace(/\s+\./g, '.')
    .trim();
  switch (kind) {
    case 'month':
      text = `${text} For example, 4 2026.`;
      break;
    case 'date':
      text = `${text} For example, 31 3 2027.`;
      break;
    case 'themes':
      text = 'Choose every theme that fits.';
      break;
    case 'services':
      // The finder names the list (“Household waste collection (LGSL 524)”), so the hint need not.
      text =
        'The services this is about, so that people working on the same service find it. ' +
        'Start typing a service’s name, choose it from the list and press “Add service”.';
      break;
    case 'organisations':
      text = `${text.replace(/^Organisation ids of /, '')} Start typing a name, choose it from the list and press “Add”.`.replace(
        /^./,
        (first) => first.toUpperCase(),
      );
      break;
    case 'lines':
      text = `${text} One a line.`;
      break;
    case 'list':
      text = `${text} Separate them with commas.`;
      break;
  }
  return text;
}

/** Whether a union is "one X, or a list of X" (github: a name or a list of names); its list when it is. */
function singleOrList(def: Def): Schema | undefined {
  if (def.type !== 'union' || !def.options || def.options.length !== 2) return undefined;
  const list = def.options.find((option) => defOf(unwrap(option)).type === 'array');
  const one = def.options.find((option) => option !== list);
  return list && one && defOf(unwrap(list)).element === one ? list : undefined;
}

/** The shapes of a list's items when each is one of several groups of fields (open data sources). */
function itemShapes(element: Schema): { schema: Schema; shape: Record<string, Schema> }[] | undefined {
  const def = defOf(unwrap(element));
  if (def.type !== 'union' || !def.options) return undefined;
  const shapes = def.options.map((option) => ({ schema: option, shape: defOf(unwrap(option)).shape }));
  return shapes.every((entry) => defOf(unwrap(entry.schema)).type === 'object' && entry.shape)
    ? (shapes as { schema: Schema; shape: Record<string, Schema> }[])
    : undefined;
}

/** One repeatable group per shape an item may take, keyed <field>_<the shape's first field> (open_data_ckan). */
function variantsOf(key: string, shapes: { schema: Schema; shape: Record<string, Schema> }[], maxItems: number | undefined): FormField[] {
  return shapes.map(({ schema, shape }) => {
    const meta = fieldMeta(schema);
    const first = Object.keys(shape)[0] ?? 'item';
    const hint = formHint('group', meta.description);
    const label = meta.title ?? first;
    // A part titled as its shape is (CKAN portal: the portal's address) is the shape's address.
    const fields = fieldsOf(shape, true).map((part) => (part.label === label ? { ...part, label: `${label} address` } : part));
    return {
      key: `${key}_${first}`,
      label,
      itemLabel: label,
      ...(hint ? { hint } : {}),
      required: false,
      kind: 'group' as const,
      fields,
      ...(maxItems !== undefined ? { maxItems } : {}),
    };
  });
}

function fieldKind(
  key: string,
  schema: Schema,
  nested: boolean,
): Pick<FormField, 'kind' | 'options' | 'inputType' | 'fields' | 'itemLabel' | 'variants' | 'single' | 'numbers'> {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'enum' && def.entries) return { kind: 'radios', options: Object.values(def.entries) };
  if (singleOrList(def)) return { kind: 'lines', single: true };
  if (def.type === 'array' && def.element) {
    const element = def.element;
    const elementDef = defOf(unwrap(element));
    // In a row of a repeatable group, a list is typed in one box.
    if (nested) return { kind: 'list', ...(isField(element, serviceId) ? { numbers: true } : {}) };
    if (elementDef.type === 'enum' && elementDef.entries) return { kind: 'checkboxes', options: Object.values(elementDef.entries) };
    if (isField(element, themeId)) return { kind: 'themes' };
    if (isField(element, serviceId)) return { kind: 'services' };
    if (isField(element, organisationId)) return { kind: 'organisations' };
    if (elementDef.type === 'object' && elementDef.shape) {
      const itemLabel = fieldMeta(element).title;
      return { kind: 'group', fields: fieldsOf(elementDef.shape, true), ...(itemLabel ? { itemLabel } : {}) };
    }
    const shapes = itemShapes(element);
    if (shapes) return { kind: 'variants', variants: variantsOf(key, shapes, maxOf(schema, 'max_length')) };
    return { kind: 'lines' };
  }
  if (nested && isField(inner, themeId)) return { kind: 'theme' };
  if (isField(inner, yearMonth)) return { kind: 'month' };
  if (def.type === 'string' && def.format !== undefined && def.format === defOf(isoDate).format) return { kind: 'date' };
  if (isField(inner, licenceId) || key === 'licence') return { kind: 'licence' };
  if (def.type === 'string' && def.format !== undefined && def.format === defOf(webUrl).format) return { kind: 'text', inputType: 'url' };
  // Text that may run over several lines (a summary) gets a textarea; a title, a single line.
  if (def.type === 'string' && (inner as z.ZodType).safeParse('one\ntwo').success) return { kind: 'textarea' };
  return { kind: 'text', inputType: 'text' };
}

/** The form fields of a schema's shape, in its order; `nested` for the fields of a repeatable group's rows. */
export function fieldsOf(shape: Record<string, Schema>, nested = false): FormField[] {
  // harvested_from and harvested_on are the harvest's to set: a person sharing by form never fills them in.
  // translations are asked for language by language, after the rest (translationFields).
  return Object.entries(shape)
    .filter(([key]) => !HARVEST_FIELDS.has(key) && key !== TRANSLATIONS)
    .map(([key, schema]) => {
      const meta = fieldMeta(schema);
      const kind = fieldKind(key, schema, nested);
      const maxLength = maxOf(schema, 'max_length');
      const unwrapped = defOf(unwrap(schema));
      const list = singleOrList(unwrapped);
      const maxItems = unwrapped.type === 'array' ? maxOf(schema, 'max_length') : list ? maxOf(list, 'max_length') : undefined;
      const example = exampleText(meta.examples?.[0]);
      let hint = formHint(kind.kind, meta.description);
      if (hint && kind.kind === 'list' && example) hint = hint.replace(/\.$/, `, for example ${example}.`);
      return {
        key,
        label: meta.title ?? key.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase()),
        ...(hint ? { hint } : {}),
        required: !isOptional(schema),
        ...kind,
        ...(unwrapped.type === 'string' && maxLength !== undefined ? { maxLength } : {}),
        ...(maxItems !== undefined ? { maxItems } : {}),
        ...(example !== undefined ? { example } : {}),
      };
    });
}

/** The field that holds a record's title and summary in the hub's other languages (schemas/fields.ts). */
export const TRANSLATIONS = 'translations';

/** A language the form asks for translations in: its code and its name in the hub's main language. */
export type FormLanguage = Pick<LanguageConfig, 'code' | 'name'>;

/** The languages a form asks for translations in: the hub's languages after its main one. */
export function formLanguages(languages: readonly LanguageConfig[] | undefined): FormLanguage[] {
  return (languages ?? []).slice(1).map(({ code, name }) => ({ code, name }));
}

/** The schemas of one language's entry under `translations` (title, summary), by field. */
export function translationShape(shape: Record<string, Schema>): Record<string, Schema> | undefined {
  const field = shape[TRANSLATIONS];
  if (!field) return undefined;
  const entry = (defOf(unwrap(field)) as Def & { valueType?: Schema }).valueType;
  return entry ? defOf(unwrap(entry)).shape : undefined;
}

/**
 * The translated fields the form asks for: each part of a translation (title, summary) in each of the hub's
 * other languages, keyed `translations.<code>.<part>` and marked with the language (lang), so that a
 * screen reader says them right. readAnswers puts them back under `translations`.
 */
export function translationFields(shape: Record<string, Schema>, languages: readonly FormLanguage[]): FormField[] {
  const parts = translationShape(shape);
  if (!parts) return [];
  return languages.flatMap((language) =>
    fieldsOf(parts).map((field) => ({
      ...field,
      key: `${TRANSLATIONS}.${language.code}.${field.key}`,
      label: `${field.label} in ${language.name}`,
      hint: `The ${field.key} in ${language.name}, if you publish in it too. Keep the ${field.key} in the main language above.`,
      required: false,
      lang: language.code,
    })),
  );
}

/** The language and part of a translated field's key (translations.cy.title → cy, title), else undefined. */
export function translationKey(key: string): { language: string; part: string } | undefined {
  const match = /^translations\.([^.]+)\.([^.]+)$/.exec(key);
  return match ? { language: match[1]!, part: match[2]! } : undefined;
}

/** A field's value in a record: under `translations` for a translated field. */
export function fieldValue(data: Record<string, unknown>, key: string): unknown {
  const translated = translationKey(key);
  if (!translated) return data[key];
  const entry = (data[TRANSLATIONS] as Record<string, Record<string, unknown>> | undefined)?.[translated.language];
  return entry?.[translated.part];
}

/** Moves translated answers (translations.cy.title) under `translations`, in the hub's order of languages. */
export function nestTranslations(fields: Record<string, unknown>): void {
  for (const key of Object.keys(fields)) {
    const translated = translationKey(key);
    if (!translated) continue;
    const translations = (fields[TRANSLATIONS] ??= {}) as Record<string, Record<string, unknown>>;
    (translations[translated.language] ??= {})[translated.part] = fields[key];
    delete fields[key];
  }
}

const models = new Map<string, FormModel>();

/** The form of a record collection, or undefined for a name that is not one; `languages`: the hub's other languages. */
export function formModel(collectionName: string, languages: readonly FormLanguage[] = []): FormModel | undefined {
  const cacheKey = [collectionName, ...languages.map((language) => `${language.code}:${language.name}`)].join('|');
  const cached = models.get(cacheKey);
  if (cached) return cached;
  const collection = recordCollection(collectionName);
  if (!collection) return undefined;
  const extensions: readonly string[] = collection.extensions;
  const shape = collection.schema.shape as Record<string, Schema>;
  const fields = fieldsOf(shape);
  // Each language's title and summary come straight after the main ones, as the record's page shows them.
  const afterSummary = fields.findIndex((field) => field.key === 'summary') + 1;
  fields.splice(afterSummary, 0, ...translationFields(shape, languages));
  const model: FormModel = {
    collection,
    fields,
    body: !extensions.includes('.md') ? 'never' : extensions.includes('.yaml') ? 'optional' : 'always',
    languages,
  };
  models.set(cacheKey, model);
  return model;
}

/** What to write in the Markdown text, by collection (matching the skeletons `npm run new` writes). */
export const BODY_HINTS: Record<RecordCollectionName, string> = byCollection((collection) => collection.bodyHint);

/** Every field of a model, with the groups' own fields after their group (for finding labels). */
export function allFields(model: FormModel): FormField[] {
  const withParts = (field: FormField): FormField[] => [field, ...(field.fields ?? []), ...(field.variants ?? []).flatMap(withParts)];
  return model.fields.flatMap(withParts);
}
