/**
 * The form for an organisation's own details (/contribute/organisation/<id>/), read from the organisation
 * schema as the record forms are read from theirs (form-model.ts): only the fields a body looks after
 * itself. Everything else in its file stays as it is: the fields that come from the local-authority
 * register (name to combined_authority, updated by `npm run organisations`), `harvest`, which narrows the
 * weekly harvest, and `demonstration`.
 *
 * Pure and free of Node APIs: the pages, the browser, the issue form and issue-to-pr share it.
 */
import type { z } from 'zod';
import { ORGANISATIONS } from '../../../schemas/collections.ts';
import { fieldsOf, type FormField, type FormModel } from './form-model.ts';

/** The fields the organisation form edits, in the schema's order. */
export const EDITABLE_ORGANISATION_FIELDS = [
  'summary',
  'website',
  'github',
  'open_data',
  'maintainers',
  'contact',
  'uses',
  'systems',
] as const;

export type EditableOrganisationField = (typeof EDITABLE_ORGANISATION_FIELDS)[number];

const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_ORGANISATION_FIELDS);

export function isEditableOrganisationField(key: string): key is EditableOrganisationField {
  return EDITABLE.has(key);
}

/**
 * Lists typed one item a line get their example in the hint, since an id or a handle is easier copied
 * than described; "one name, or a list" is how the file takes them, which the box makes moot.
 */
function withExample(field: FormField): FormField {
  if (field.kind !== 'lines' || !field.example || !field.hint) return field;
  const hint = field.hint
    .replace(/: one name, or a list when it has several\./, '.')
    .replace(/ One a line\.$/, ` One a line, for example ${field.example.split(', ')[0]}.`);
  return { ...field, hint };
}

let model: FormModel | undefined;

/** The organisation form: the editable fields of the organisation schema. */
export function organisationFormModel(): FormModel {
  if (model) return model;
  const shape = ORGANISATIONS.schema.shape as Record<string, z.core.$ZodType>;
  const editable = Object.fromEntries(Object.entries(shape).filter(([key]) => EDITABLE.has(key)));
  model = { collection: ORGANISATIONS, fields: fieldsOf(editable).map(withExample), body: 'never', languages: [] };
  return model;
}

/** An organisation's editable fields, in the schema's order, from all of its fields. */
export function editableFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(EDITABLE_ORGANISATION_FIELDS.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));
}

/**
 * Answers as the file writes them: a one-item list is written as its one value where the schema takes
 * either and the organisation had one value, or none (github: example-council).
 */
export function inFileShape(fields: Record<string, unknown>, current: Record<string, unknown>): Record<string, unknown> {
  const single = new Set(
    organisationFormModel()
      .fields.filter((field) => field.single)
      .map((field) => field.key),
  );
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      single.has(key) && Array.isArray(value) && value.length === 1 && !Array.isArray(current[key]) ? value[0] : value,
    ]),
  );
}
