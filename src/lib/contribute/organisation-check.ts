/**
 * Checks the organisation form's answers with the validator's own checks, as check.ts does for records:
 * the organisation schema (with the validator's wording) on the whole organisation as it would be after
 * the edit, then checkOrganisation from record-checks.ts (components used, systems' themes, services and
 * dates, placeholders). Each problem is said GOV.UK's way, by the label of the field it is about.
 *
 * Only problems in the fields the form shows are reported: the others (name, type, harvest…) are as the
 * file on the hub has them, which passed the validator when it was merged, and cannot be changed here.
 */
import { ORGANISATIONS } from '../../../schemas/collections.ts';
import { checkOrganisation, referenceField, suggestReference, type CheckContext, type Finding } from '../validation/record-checks.ts';
import { expectedWording, schemaProblems } from '../validation/schema-problems.ts';
import type { Answers } from './answers.ts';
import { findingMessage, oneEachInOrder, parseFieldPath, placeOf, problemAt, schemaMessage, type FormProblem } from './check.ts';
import type { FormModel } from './form-model.ts';

/** What the organisation form checks answers against (/contribute/organisation/reference.json): ids only. */
export interface OrganisationFormReference {
  /** Organisation id → whether it is a demonstration body. */
  organisations: Record<string, boolean>;
  services: number[];
  /** What the hub's service list is called (hub.config.yaml), for messages; absent for a hub without one. */
  serviceList?: { name: string; abbreviation: string };
  themes: string[];
}

/** The validator's check context from the form's reference data and the component ids found on the hub. */
export function organisationCheckContext(reference: OrganisationFormReference, recordIds: Iterable<string>, today: string): CheckContext {
  return {
    organisations: new Map(Object.entries(reference.organisations).map(([id, demonstration]) => [id, { demonstration }])),
    recordIds: new Set(recordIds),
    themeIds: new Set(reference.themes),
    // Only whether an id is in the list is checked; the label is not needed.
    services: new Map(reference.services.map((id) => [id, { id, label: String(id), description: '', uri: '' }])),
    serviceList: reference.serviceList ?? 'none',
    licences: new Map(),
    today,
  };
}

export interface OrganisationBeingEdited {
  id: string;
  /** Every field of the organisation as the hub has it now. */
  data: Record<string, unknown>;
}

/** The organisation as it would be with the form's answers: its other fields as they are, the form's replaced. */
export function organisationWithAnswers(
  model: FormModel,
  current: Record<string, unknown>,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const shown = new Set(model.fields.map((field) => field.key));
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(ORGANISATIONS.schema.shape)) {
    const value = shown.has(key) ? fields[key] : current[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** Everything wrong with the organisation form's answers, errors and warnings, one per control, in the form's order. */
export function checkOrganisationAnswers(
  model: FormModel,
  answers: Answers,
  organisation: OrganisationBeingEdited,
  context: CheckContext,
): FormProblem[] {
  const shown = new Set(model.fields.map((field) => field.key));
  const merged = organisationWithAnswers(model, organisation.data, answers.fields);
  const found: FormProblem[] = [];
  const onForm = (path: readonly PropertyKey[]) => shown.has(String(path[0] ?? ''));

  const checked = ORGANISATIONS.schema.safeParse(merged, { error: expectedWording });
  if (!checked.success) {
    const suggest = (path: readonly PropertyKey[], value: unknown) => suggestReference(referenceField(path), value, context);
    const problems = schemaProblems(checked.error.issues, {
      file: '',
      singular: ORGANISATIONS.singular,
      schema: ORGANISATIONS.schema,
      value: merged,
      locate: () => ({ line: 1, column: 1 }),
      suggest,
    });
    for (const problem of problems) {
      const path = parseFieldPath(problem.field);
      if (!onForm(path)) continue;
      const place = placeOf(model, answers, path);
      found.push(problemAt(place, schemaMessage(problem, place)));
    }
  }

  checkOrganisation(organisation.id, merged, context, (finding: Finding) => {
    if (!onForm(finding.path)) return;
    const place = placeOf(model, answers, finding.path);
    found.push(problemAt(place, findingMessage(finding, place, context), finding.severity ?? 'error'));
  });

  return oneEachInOrder(found, new Map(model.fields.map((field, index) => [field.key, index])));
}
