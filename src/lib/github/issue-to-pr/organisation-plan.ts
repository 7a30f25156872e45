/**
 * The plan for the organisation form, which changes the details of a body already on the hub: its file
 * on disk with only the answered fields changed, checked as the validator checks organisation files.
 * Separate because it edits an existing file (keeping its comments) rather than writing a new one.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORGANISATIONS } from '../../../../schemas/collections.ts';
import { OrganisationFileError, updateOrganisationFile } from '../../contribute/organisation-file.ts';
import { inFileShape } from '../../contribute/organisation-model.ts';
import { MAX_FILE_BYTES, readContentFile } from '../../content-files/read-file.ts';
import { decodeUtf8 } from '../../content-files/text.ts';
import { isSlug, slugify } from '../../slug.ts';
import { closestMatch } from '../../suggest.ts';
import type { Problem } from '../../validation/problem.ts';
import { checkOrganisation, referenceField, suggestReference } from '../../validation/record-checks.ts';
import { CONFIRM_FIELD, CONFIRM_OPTION, ORGANISATION_FIELD, REMOVE_ANSWER, type IssueFormDefinition } from '../issue-form.ts';
import { addFileProblems, planFromAnswers, type ContributionPlan } from './contribution-plan.ts';
import type { IssueHub } from './issue-hub.ts';
import { quoted } from './message-text.ts';

const ORGANISATION_CHANGE_HELP =
  'Write the organisation’s id as it appears at the end of its page address on the hub, e.g. `fenmoor` for …/organisations/fenmoor/. ' +
  'This form changes organisations already on the hub; to add one, say so in a comment and a maintainer will add it.';

/** The path of an organisation's file in the repository. */
export function organisationPath(id: string): string {
  return `content/${ORGANISATIONS.name}/${id}.yaml`;
}

/** An organisation's file as text, or undefined when it is missing, too big or not UTF-8. */
function readOrganisationText(contentDir: string, id: string): string | undefined {
  const file = join(contentDir, ORGANISATIONS.name, `${id}.yaml`);
  try {
    if (!statSync(file).isFile() || statSync(file).size > MAX_FILE_BYTES) return undefined;
    const decoded = decodeUtf8(readFileSync(file));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** An organisation's file checked as `npm run validate` checks one: reading, the schema, then checkOrganisation. */
export function checkOrganisationText(id: string, text: string, hub: IssueHub): Problem[] {
  const scratch = mkdtempSync(join(tmpdir(), 'council-commons-organisation-'));
  try {
    const absolute = join(scratch, `${id}.yaml`);
    writeFileSync(absolute, text);
    const suggest = (path: readonly PropertyKey[], value: unknown) => suggestReference(referenceField(path), value, hub.context);
    const read = readContentFile({
      absolute,
      file: organisationPath(id),
      format: 'yaml',
      schema: ORGANISATIONS.schema,
      singular: ORGANISATIONS.singular,
      suggest,
    });
    if (read.fields) checkOrganisation(id, read.fields, hub.context, read.report);
    return read.problems;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What an organisation with no file is taken to be while its answers are checked: the answers' problems still show. */
const STAND_IN_ORGANISATION = 'name: Unknown\ntype: community-group\n';

/**
 * Reads the organisation form's answers, applies them to the organisation's file (only the answered
 * fields change) and checks the result: every problem, by form field, in the form's order. Reads the
 * content folder only (never GitHub).
 */
export function planOrganisationChange(body: string, definition: IssueFormDefinition, contentDir: string, hub: IssueHub): ContributionPlan {
  const plan = planFromAnswers(body, definition);
  const { answers, problems } = plan;
  if (problems.some((problem) => problem.field === '')) return plan;

  const id = answers.organisation;
  const ids = hub.organisations.map((organisation) => organisation.id);
  const known = isSlug(id) && ids.includes(id);
  if (id === '') problems.push({ field: ORGANISATION_FIELD, message: `this is required, and it is empty. ${ORGANISATION_CHANGE_HELP}` });
  else if (!known) {
    const guess = closestMatch(slugify(id), ids);
    const didYouMean = guess ? ` Did you mean \`${guess}\`?` : '';
    problems.push({
      field: ORGANISATION_FIELD,
      message: `there is no organisation ${quoted(id)} on the hub.${didYouMean} ${ORGANISATION_CHANGE_HELP}`,
    });
  }
  if (!answers.confirmed) {
    problems.push({
      field: CONFIRM_FIELD,
      message:
        `tick “${CONFIRM_OPTION}”. The hub takes changes to an organisation’s details only from people who work for or with it, ` +
        `and never personal data.`,
    });
  }
  const answered = Object.keys(answers.fields).length + answers.removed.length;
  if (answered === 0) {
    problems.push({
      field: '',
      message:
        `every answer is empty, so there is nothing to change. ` +
        `Write what should change under its heading (an empty answer keeps what the hub has), or ${REMOVE_ANSWER} to take a field off.`,
    });
    return plan;
  }

  const current = known ? readOrganisationText(contentDir, id) : STAND_IN_ORGANISATION;
  if (current === undefined) {
    problems.push({
      field: '',
      message:
        `the file of ${quoted(id)} on the hub could not be read, so it cannot be changed from this form. ` +
        `A maintainer will look at it.`,
    });
    return plan;
  }
  let updated: ReturnType<typeof updateOrganisationFile>;
  try {
    const before = updateOrganisationFile(current, {}).data;
    updated = updateOrganisationFile(current, { set: inFileShape(answers.fields, before), remove: answers.removed });
  } catch (error) {
    if (!(error instanceof OrganisationFileError)) throw error;
    problems.push({ field: '', message: `${error.message}. A maintainer will look at it.` });
    return plan;
  }
  const name = hub.organisations.find((organisation) => organisation.id === id)?.name ?? id;
  if (known && updated.changed.length === 0) {
    problems.push({
      field: '',
      message:
        `every answer is what the hub already has for ${name}, so there is nothing to change. ` + 'Change an answer, or close this issue.',
    });
  }

  addFileProblems(plan, checkOrganisationText(known ? id : 'unknown-organisation', updated.text, hub));
  if (problems.length === 0) {
    plan.file = { path: organisationPath(id), text: updated.text };
    plan.title = name;
    plan.organisationName = name;
    plan.changed = updated.changed;
    plan.removed = updated.changed.filter((key) => updated.data[key] === undefined);
  }
  return plan;
}
