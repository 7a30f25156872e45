/**
 * Which of the hub's issue forms an issue was made from, by its labels or else its headings. Separate
 * because the workflow needs it before reading any answer, to choose the definition to read them with.
 */
import type { FormLanguage } from '../../contribute/form-model.ts';
import { issueFormDefinitions } from './definitions.ts';
import { issueHeadings } from './sections.ts';
import type { IssueFormDefinition } from './shape.ts';

/**
 * Which collection's form an issue was made from: its collection label when it has exactly one, else the
 * one form whose every heading is in the body. Undefined when neither tells.
 */
export function identifyIssueForm(
  body: string,
  labels: readonly string[],
  /** The hub's other languages (hub.config.yaml), which the record forms ask for translations in. */
  languages: readonly FormLanguage[] = [],
): IssueFormDefinition | undefined {
  const all = issueFormDefinitions(languages);
  const labelled = all.filter((definition) => labels.includes(definition.collection));
  if (labelled.length === 1) return labelled[0];
  const headings = issueHeadings(body);
  const candidates = labelled.length > 1 ? labelled : all;
  const complete = candidates.filter((definition) => definition.fields.every((field) => headings.has(field.label)));
  return complete.length === 1 ? complete[0] : undefined;
}
