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
 *
 * This file is the public entry point; each job lives in its own module under issue-form/:
 *   shape.ts              the field ids, labels, limits and types every other module shares
 *   sentences.ts          the small English helpers the words are made with
 *   group-lines.ts        the `a | b | c` line of a group item, written and split
 *   group-parts.ts        the parts of a groups or variants field, from the web form's model
 *   field-description.ts  the words under each field
 *   issue-field.ts        a web form field as an issue form field (the table above)
 *   definitions.ts        each form's definition, record or organisation
 *   form-file.ts          the .github/ISSUE_TEMPLATE/<collection>.yml text
 *   prefill.ts            a value as the issue form takes it (the web form's prefill)
 *   sections.ts           where each answer is in a submitted body
 *   identify-form.ts      which form an issue came from
 *   list-answers.ts       lists, groups and variants read back
 *   read-answers.ts       a submitted body read back into answers
 */
export {
  BODY_FIELD,
  CONFIRM_FIELD,
  CONFIRM_LABEL,
  CONFIRM_OPTION,
  MAX_ISSUE_BODY,
  NEW_RECORD_LABEL,
  OMITTED_FIELDS,
  ORGANISATION_COLLECTION,
  ORGANISATION_FIELD,
  ORGANISATION_FORM_FILE,
  REMOVE_ANSWER,
  SLUG_FIELD,
  type AnswerKind,
  type AnswerProblem,
  type GroupPart,
  type IssueAnswers,
  type IssueField,
  type IssueFormDefinition,
  type Variant,
} from './issue-form/shape.ts';
export { groupLine, variantLine } from './issue-form/group-lines.ts';
export { issueFieldById, issueFormDefinition, issueFormDefinitions, KEEP_OR_REMOVE } from './issue-form/definitions.ts';
export { issueForm, issueFormYaml } from './issue-form/form-file.ts';
export { issueFieldValue } from './issue-form/prefill.ts';
export { issueHeadings } from './issue-form/sections.ts';
export { identifyIssueForm } from './issue-form/identify-form.ts';
export { listItems, parseGroups, parseVariants } from './issue-form/list-answers.ts';
export { parseIssueForm } from './issue-form/read-answers.ts';
