/**
 * One of the validator's problems said for the issue form: against the form field and line the person
 * wrote, in their words, with only the fixes that make sense in an issue. Separate because it is the
 * translation between the validator's vocabulary and the form's, used by both kinds of plan.
 */
import { parseFieldPath } from '../../contribute/check.ts';
import type { Problem } from '../../validation/problem.ts';
import { BODY_FIELD, issueFieldById, ORGANISATION_FIELD, SLUG_FIELD, type IssueFormDefinition } from '../issue-form.ts';
import { sentenceCase } from '../../labels.ts';
import { quoted, sentence } from './message-text.ts';

/** A problem to show on the issue, by its form field. */
export interface IssueProblem {
  /** The form field id, or '' for the issue as a whole. */
  field: string;
  /** 1-based item of a list, or line of a groups answer. */
  item?: number;
  /** The part of a group's line, by its label. */
  part?: string;
  /** One or two sentences; `backticks` mark values, shown as code. */
  message: string;
}

export const ORGANISATION_HELP =
  'Write your organisation’s id as it appears at the end of its page address on the hub, e.g. `fenmoor` for …/organisations/fenmoor/. ' +
  'If your organisation is not on the hub yet, say so in a comment on this issue and a maintainer will add it.';

/** The validator's suggested fix, when it makes sense in an issue (not "move the file…"). */
function usableFix(fix: string | undefined): string | undefined {
  if (!fix) return undefined;
  const didYouMean = /did you mean `[^`]+`\?/i.exec(fix);
  if (didYouMean) return sentenceCase(didYouMean[0]);
  if (/content\/|npm run|\.csv\b|\.ya?ml\b|\bfile\b|folder|add a line/i.test(fix)) return undefined;
  return sentence(sentenceCase(fix));
}

/** What the validator found, as the person wrote it: a string as code, anything else in words. */
function foundText(found: string | undefined): string {
  if (found === undefined) return 'nothing';
  if (found.startsWith('"')) {
    try {
      return quoted(JSON.parse(found));
    } catch {
      return quoted(found);
    }
  }
  return found;
}

/** One of the validator's problems, said for the issue form. */
export function issueProblem(problem: Problem, definition: IssueFormDefinition): { problem: IssueProblem; warning: boolean } {
  const path = parseFieldPath(problem.field);
  const key = typeof path[0] === 'string' ? path[0] : '';
  const field = key ? issueFieldById(definition, key) : undefined;
  const item = typeof path[1] === 'number' ? path[1] + 1 : undefined;
  const parts = [...(field?.parts ?? []), ...(field?.variants ?? []).flatMap((variant) => variant.parts)];
  const part = typeof path[2] === 'string' ? (parts.find((candidate) => candidate.key === path[2])?.label ?? path[2]) : undefined;
  const fix = usableFix(problem.fix);
  const withFix = (message: string) => (fix ? `${sentence(message)} ${fix}` : sentence(message));
  const at = { ...(item !== undefined ? { item } : {}), ...(part !== undefined ? { part } : {}) };
  const warning = problem.severity === 'warning';

  if (!key) {
    switch (problem.rule) {
      case 'reference/organisation':
        return {
          problem: {
            field: ORGANISATION_FIELD,
            message: `${withFix(`there is no organisation ${quoted(problem.found)} on the hub`)} ${ORGANISATION_HELP}`,
          },
          warning: false,
        };
      case 'content/unsafe-html': {
        const what = /holds (.+?), which/.exec(problem.message)?.[1] ?? 'HTML the hub removes';
        return {
          problem: {
            field: BODY_FIELD,
            message:
              `the text holds ${what}, which the hub does not accept from the form. Remove it: ` +
              `write plain Markdown, and link only to https:// addresses.`,
          },
          warning: false,
        };
      }
      case 'content/placeholder':
      case 'content/broken-html':
      case 'content/layout-table':
        return { problem: { field: BODY_FIELD, message: withFix(problem.message) }, warning };
      case 'path/reserved-id':
        return { problem: { field: ORGANISATION_FIELD, message: withFix(problem.message) }, warning: false };
      default:
        return { problem: { field: problem.rule.startsWith('path/') ? SLUG_FIELD : '', message: withFix(problem.message) }, warning };
    }
  }
  let message: string;
  switch (problem.rule) {
    case 'schema/required':
      message = 'this is required, and it is empty.';
      break;
    case 'schema/type':
    case 'schema/enum':
    case 'schema/format':
    case 'schema/length':
      message = withFix(`you wrote ${foundText(problem.found)}; it should be ${problem.expected ?? 'different'}`);
      break;
    case 'reference/organisation':
      message = withFix(`there is no organisation ${quoted(problem.found)} on the hub`);
      break;
    case 'reference/service':
      message =
        `${quoted(problem.found)} is not in the Local Government Service List. ` +
        `Use the number of the service, as on the hub’s Services page.`;
      break;
    case 'reference/theme':
      message = fix
        ? withFix(`${quoted(problem.found)} is not one of the hub’s themes`)
        : `${quoted(problem.found)} is not one of the hub’s themes; the hub’s Themes page lists them.`;
      break;
    case 'reference/licence':
      message = withFix(`the hub does not know the licence ${quoted(problem.found)}`);
      break;
    default:
      message = withFix(problem.message);
  }
  return { problem: { field: key, ...at, message }, warning };
}
