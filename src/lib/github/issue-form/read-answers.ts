/**
 * A submitted issue form read back into a record's answers, field by field, as the schema expects them.
 * Separate because it is the reader's entry point: it decides what an empty, removed or out-of-shape
 * answer means, and leaves finding sections and splitting lists to their own modules.
 */
import { isSlug, slugify } from '../../slug.ts';
import { nestTranslations } from '../../contribute/form-model.ts';
import { listItems, parseGroups, parseVariants } from './list-answers.ts';
import { locateSections, sectionText } from './sections.ts';
import {
  MAX_ISSUE_BODY,
  ORGANISATION_FIELD,
  REMOVE_ANSWER,
  SLUG_FIELD,
  type IssueAnswers,
  type IssueField,
  type IssueFormDefinition,
} from './shape.ts';

const NO_RESPONSE = '_No response_';

/** The id in an organisation answer: the id itself, or the last part of its page address. */
function organisationAnswer(text: string): string {
  const value = text.trim();
  const fromAddress = /\/organisations\/([A-Za-z0-9-]+)\/?(?:[?#].*)?$/.exec(value);
  return (fromAddress ? fromAddress[1]! : value).toLowerCase();
}

function isEmptyAnswer(text: string, field: IssueField): boolean {
  return text === '' || text === NO_RESPONSE || (field.type === 'dropdown' && text === 'None');
}

/**
 * A submitted issue form as a record's answers: the organisation and file name, the schema's fields as
 * the schema expects them (numbers for services, lists, groups), the Markdown text and the confirmation.
 * Values are kept as written where they are wrong, so that the validator can say what is wrong with them.
 */
export function parseIssueForm(body: string, definition: IssueFormDefinition): IssueAnswers {
  const answers: IssueAnswers = {
    collection: definition.collection,
    organisation: '',
    slug: '',
    fields: {},
    body: '',
    confirmed: false,
    unanswered: [],
    removed: [],
    problems: [],
  };
  if (body.length > MAX_ISSUE_BODY) {
    answers.problems.push({
      field: '',
      message:
        `the issue is ${body.length.toLocaleString('en-GB')} characters long, more than the ${MAX_ISSUE_BODY.toLocaleString('en-GB')} ` +
        `GitHub allows, so it was not read. Shorten the text.`,
    });
    answers.unanswered = definition.fields.map((field) => field.id);
    return answers;
  }
  const lines = body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const sections = locateSections(lines, definition.fields);

  for (const field of definition.fields) {
    const section = sections.get(field.id);
    const text = section ? sectionText(lines, section.from, section.to) : '';
    if (field.kind === 'confirm') {
      answers.confirmed = text.split('\n').some((line) => /^\s*[-*]\s*\[[xX]\]/.test(line));
      continue;
    }
    if (isEmptyAnswer(text.trim(), field)) {
      answers.unanswered.push(field.id);
      continue;
    }
    if (field.id === ORGANISATION_FIELD) {
      answers.organisation = organisationAnswer(text);
      continue;
    }
    if (field.id === SLUG_FIELD) {
      const written = text
        .trim()
        .toLowerCase()
        .replace(/\.(md|ya?ml)$/, '');
      answers.slug = isSlug(written) ? written : slugify(written) || written;
      continue;
    }
    if (field.kind === 'markdown') {
      answers.body = text;
      continue;
    }
    if (definition.kind === 'organisation' && field.schemaField && text.trim().toLowerCase() === REMOVE_ANSWER) {
      answers.removed.push(field.id);
      continue;
    }
    let value: unknown;
    switch (field.kind) {
      case 'choice':
        value = text.trim();
        break;
      case 'choices':
        value = listItems(text);
        break;
      case 'list':
        value = listItems(text);
        break;
      case 'ids':
        value = listItems(text).map((item) => item.toLowerCase());
        break;
      case 'numbers':
        value = listItems(text).map((item) => (/^\d{1,9}$/.test(item) ? Number(item) : item));
        break;
      case 'groups': {
        const parsed = parseGroups(text, field);
        answers.problems.push(...parsed.problems);
        value = parsed.items;
        break;
      }
      case 'variants': {
        const parsed = parseVariants(text, field);
        answers.problems.push(...parsed.problems);
        value = parsed.items;
        break;
      }
      default:
        value = text.trim();
    }
    if (Array.isArray(value) && value.length === 0) {
      answers.unanswered.push(field.id);
      continue;
    }
    answers.fields[field.key ?? field.id] = value;
  }
  nestTranslations(answers.fields);
  return answers;
}
