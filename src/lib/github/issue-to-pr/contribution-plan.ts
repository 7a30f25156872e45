/**
 * The plan of what an issue would change, and the two steps every plan shares: reading the answers, and
 * adding what the validator found, in the form's order. Separate so the record plan and the organisation
 * plan build the same plan the same way.
 */
import type { Problem } from '../../validation/problem.ts';
import { parseIssueForm, type IssueAnswers, type IssueFormDefinition } from '../issue-form.ts';
import { issueProblem, type IssueProblem } from './issue-problem.ts';

export interface ContributionPlan {
  definition: IssueFormDefinition;
  answers: IssueAnswers;
  problems: IssueProblem[];
  warnings: IssueProblem[];
  /** The file to commit, when there are no problems. */
  file?: { path: string; text: string };
  /** The record's title and its organisation's name, for the pull request. */
  title?: string;
  organisationName?: string;
  /** From the organisation form: the fields the file changes, in the schema's order, and which of them go. */
  changed?: string[];
  removed?: string[];
}

/** A plan of the issue's answers as read, with the problems found in reading them. */
export function planFromAnswers(body: string, definition: IssueFormDefinition): ContributionPlan {
  const answers = parseIssueForm(body, definition);
  const problems: IssueProblem[] = answers.problems.map((problem) => ({
    field: problem.field,
    ...(problem.item !== undefined ? { item: problem.item } : {}),
    message: problem.message,
  }));
  return { definition, answers, problems, warnings: [] };
}

/**
 * Adds what the validator found in the planned file to the plan's problems and warnings, said of the
 * form's answers (each once: two findings may read the same when said of one answer), then puts both
 * lists in the form's order.
 */
export function addFileProblems(plan: ContributionPlan, found: readonly Problem[]): void {
  const seen = new Set<string>();
  for (const problem of found) {
    const { problem: said, warning } = issueProblem(problem, plan.definition);
    const key = `${said.field}|${said.item ?? ''}|${said.part ?? ''}|${said.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (warning ? plan.warnings : plan.problems).push(said);
  }
  const order = new Map(plan.definition.fields.map((field, index) => [field.id, index]));
  const byField = (a: IssueProblem, b: IssueProblem) =>
    (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1) || (a.item ?? 0) - (b.item ?? 0);
  plan.problems.sort(byField);
  plan.warnings.sort(byField);
}
