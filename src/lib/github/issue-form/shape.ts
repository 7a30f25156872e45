/**
 * The shape of an issue form and of the answers read back from one: the field ids, labels and limits,
 * and the types that describe a form. Kept apart so that building a form, writing its file and reading
 * a submitted one each depend on this module and not on one another.
 */
import { ORGANISATIONS } from '../../../../schemas/collections.ts';

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
  /**
   * Where the answer goes in the record, when the id cannot say it: a translation's key (translations.cy.title),
   * since GitHub takes only letters, digits, - and _ in an id (translations_cy_title).
   */
  key?: string;
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

// ---------------------------------------------------------------------------------------------------
// What reading a submitted form gives.

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
