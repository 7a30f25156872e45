/**
 * The definition of each issue form: one per record collection and one for an organisation's own
 * details, with the fields that are not schema fields (organisation, file name, text, confirmation)
 * put around the schema's. Separate because both the form file and the reader start from a definition.
 */
import type { z } from 'zod';
import { ORGANISATIONS, RECORD_COLLECTIONS, recordCollection } from '../../../../schemas/collections.ts';
import { BODY_HINTS, formModel, translationKey, translationShape, type FormLanguage } from '../../contribute/form-model.ts';
import { organisationFormModel } from '../../contribute/organisation-model.ts';
import { issueField } from './issue-field.ts';
import {
  BODY_FIELD,
  CONFIRM_FIELD,
  CONFIRM_LABEL,
  CONFIRM_OPTION,
  NEW_RECORD_LABEL,
  OMITTED_FIELDS,
  ORGANISATION_COLLECTION,
  ORGANISATION_FIELD,
  ORGANISATION_FORM_FILE,
  REMOVE_ANSWER,
  SLUG_FIELD,
  type IssueField,
  type IssueFormDefinition,
} from './shape.ts';

const definitions = new Map<string, IssueFormDefinition>();

const confirmField = (): IssueField => ({
  id: CONFIRM_FIELD,
  label: CONFIRM_LABEL,
  description:
    'Everything in this issue is public. Records name teams and organisations, not people: use a team mailbox or web page as the contact.',
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
    const description =
      example === -1
        ? `${asked.description} ${KEEP_OR_REMOVE}`
        : `${asked.description.slice(0, example)} ${KEEP_OR_REMOVE}${asked.description.slice(example)}`;
    return { ...asked, required: false, description };
  });
  const organisation: IssueField = {
    id: ORGANISATION_FIELD,
    label: 'Organisation',
    description:
      'The id of the organisation whose details change: the last part of its page address on the hub, e.g. ' +
      'fenmoor for …/organisations/fenmoor/. This form changes organisations already on the hub; ' +
      'to add one, open an ordinary issue and a maintainer will add it.',
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
    if (labels.has(field.label))
      throw new Error(
        `The ${form} issue form has two fields labelled "${field.label}": GitHub refuses that, and the answers could not be told apart.`,
      );
    labels.add(field.label);
  }
  return fields;
}

/** The issue form of a record collection, or of organisations (their details), or undefined for a name that is neither. */
export function issueFormDefinition(collectionName: string, languages: readonly FormLanguage[] = []): IssueFormDefinition | undefined {
  // A record's form asks for its title and summary in each of the hub's other languages too (hub.config.yaml).
  // The organisation form asks for no translations (the register gives Welsh bodies' names), so it is the same for every hub.
  const cacheKey =
    collectionName === ORGANISATION_COLLECTION
      ? collectionName
      : [collectionName, ...languages.map((language) => `${language.code}:${language.name}`)].join('|');
  const cached = definitions.get(cacheKey);
  if (cached) return cached;
  if (collectionName === ORGANISATION_COLLECTION) {
    const definition = organisationIssueFormDefinition();
    definitions.set(collectionName, definition);
    return definition;
  }
  const collection = recordCollection(collectionName);
  const model = formModel(collectionName, languages);
  if (!collection || !model) return undefined;
  const shape = collection.schema.shape as Record<string, z.core.$ZodType>;
  const translationParts = translationShape(shape);
  // A translated field's schema is its part's (title, summary) under translations.
  const schemaOf = (key: string) => (shape[key] ?? translationParts?.[translationKey(key)?.part ?? '']) as z.core.$ZodType;
  const omitted = OMITTED_FIELDS[collection.name] ?? {};
  const schemaFields = model.fields.filter((field) => !(field.key in omitted)).map((field) => issueField(field, schemaOf(field.key)));
  const [first, ...rest] = schemaFields;
  const singular = collection.singular;
  const organisation: IssueField = {
    id: ORGANISATION_FIELD,
    label: 'Organisation',
    description:
      `Your organisation’s id on the hub: the last part of its page address, e.g. fenmoor for …/organisations/fenmoor/. ` +
      `If your organisation is not on the hub yet, say so in a comment after sending this, and a maintainer will add it.`,
    type: 'input',
    required: true,
    kind: 'text',
    placeholder: 'fenmoor',
    schemaField: false,
  };
  const slug: IssueField = {
    id: SLUG_FIELD,
    label: 'File name',
    description:
      `A short name for this ${singular}’s web address and file: lowercase letters, digits and hyphens, e.g. garden-waste-online. ` +
      `Choose it carefully: changing it later breaks links.`,
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
  const definition: IssueFormDefinition = {
    kind: 'record',
    collection: collection.name,
    singular,
    file: `${collection.name}.yml`,
    labels: [NEW_RECORD_LABEL, collection.name],
    fields,
  };
  definitions.set(cacheKey, definition);
  return definition;
}

/** Every issue form: one per record collection, then the organisation form. */
export function issueFormDefinitions(languages: readonly FormLanguage[] = []): IssueFormDefinition[] {
  return [...RECORD_COLLECTIONS.map((collection) => collection.name), ORGANISATION_COLLECTION].map((name) =>
    issueFormDefinition(name, languages)!,
  );
}

/** The field of a form by id. */
export function issueFieldById(definition: IssueFormDefinition, id: string): IssueField | undefined {
  return definition.fields.find((field) => field.id === id);
}
