/**
 * The plan for a new record from a record collection's form: the organisation and file name checked,
 * the file written as the web form writes it, and the validator's checks of it. Separate from the
 * organisation plan because a new record is written from nothing, and must not replace one on the hub.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordCollection } from '../../../../schemas/collections.ts';
import { recordFile } from '../../contribute/record-file.ts';
import { checkPlannedFiles } from '../../import/check.ts';
import { isSlug, slugify } from '../../slug.ts';
import { closestMatch } from '../../suggest.ts';
import type { Problem } from '../../validation/problem.ts';
import { CONFIRM_FIELD, CONFIRM_OPTION, ORGANISATION_FIELD, SLUG_FIELD, type IssueFormDefinition } from '../issue-form.ts';
import { addFileProblems, planFromAnswers, type ContributionPlan } from './contribution-plan.ts';
import type { IssueHub } from './issue-hub.ts';
import { ORGANISATION_HELP } from './issue-problem.ts';
import { quoted } from './message-text.ts';
import { planOrganisationChange } from './organisation-plan.ts';

/** The record file's path for an organisation and file name, in each of the collection's file types. */
function existingRecord(contentDir: string, collection: string, organisation: string, slug: string): string | undefined {
  const definition = recordCollection(collection);
  for (const extension of definition?.extensions ?? []) {
    const relative = `${collection}/${organisation}/${slug}${extension}`;
    if (existsSync(join(contentDir, relative))) return `content/${relative}`;
  }
  return undefined;
}

const PLACEHOLDER_ORGANISATION = 'unknown-organisation';
const PLACEHOLDER_SLUG = 'unknown-file-name';

/**
 * Reads an issue form's answers, writes the record file and checks it: every problem, by form field,
 * in the form's order. Reads the content folder only (never GitHub).
 */
export function planContribution(body: string, definition: IssueFormDefinition, contentDir: string, hub: IssueHub): ContributionPlan {
  if (definition.kind === 'organisation') return planOrganisationChange(body, definition, contentDir, hub);
  const plan = planFromAnswers(body, definition);
  const { answers, problems } = plan;
  if (problems.some((problem) => problem.field === '')) return plan;

  const organisationIds = hub.organisations.map((organisation) => organisation.id);
  const organisationOk = isSlug(answers.organisation);
  if (answers.organisation === '')
    problems.push({ field: ORGANISATION_FIELD, message: `this is required, and it is empty. ${ORGANISATION_HELP}` });
  else if (!organisationOk) {
    const guess = closestMatch(slugify(answers.organisation), organisationIds);
    const didYouMean = guess ? ` Did you mean \`${guess}\`?` : '';
    problems.push({
      field: ORGANISATION_FIELD,
      message: `${quoted(answers.organisation)} is not an organisation id.${didYouMean} ${ORGANISATION_HELP}`,
    });
  }
  const title = typeof answers.fields.title === 'string' ? answers.fields.title : '';
  const slugOk = isSlug(answers.slug);
  if (answers.slug === '') {
    problems.push({
      field: SLUG_FIELD,
      message:
        `this is required, and it is empty. Write a short name of lowercase letters, digits and hyphens, e.g. ` +
        `\`${slugify(title) || 'garden-waste-online'}\`.`,
    });
  } else if (!slugOk) {
    problems.push({
      field: SLUG_FIELD,
      message:
        `${quoted(answers.slug)} cannot be a file name: use lowercase letters a to z, digits and single hyphens, at most 80 characters, ` +
        `e.g. \`${slugify(title) || 'garden-waste-online'}\`.`,
    });
  }
  if (organisationOk && slugOk) {
    const existing = existingRecord(contentDir, definition.collection, answers.organisation, answers.slug);
    if (existing) {
      problems.push({
        field: SLUG_FIELD,
        message:
          `there is already a ${definition.singular} with the file name ${quoted(answers.slug)} for this organisation ` +
          `(${quoted(existing)}). Choose another file name; to change that ${definition.singular} instead, edit its file on GitHub.`,
      });
    }
  }
  if (!answers.confirmed) {
    problems.push({
      field: CONFIRM_FIELD,
      message:
        `tick “${CONFIRM_OPTION}”. The hub shares records only from people who work for or with the organisation, ` +
        `and never personal data.`,
    });
  }

  // The file, written as the web form writes it, and the validator's checks of it.
  const organisation = organisationOk ? answers.organisation : PLACEHOLDER_ORGANISATION;
  const slug = slugOk ? answers.slug : PLACEHOLDER_SLUG;
  const file = recordFile(definition.collection, { organisation, slug, fields: answers.fields, body: answers.body });
  const relative = file.path.replace(/^content\//, '');
  const found = checkPlannedFiles([{ relative, display: file.path, text: file.text }], hub).get(file.path) ?? [];
  // The stand-in organisation or file name's own problems: what is wrong with the answer is said already.
  const standIn = (problem: Problem) =>
    (!organisationOk && problem.field === '' && problem.rule === 'reference/organisation') || (!slugOk && problem.rule.startsWith('path/'));
  addFileProblems(
    plan,
    found.filter((problem) => !standIn(problem)),
  );
  if (problems.length === 0) {
    plan.file = file;
    plan.title = title;
    plan.organisationName = hub.organisations.find((candidate) => candidate.id === answers.organisation)?.name ?? answers.organisation;
  }
  return plan;
}
