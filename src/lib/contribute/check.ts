/**
 * Checks a form's answers with the validator's own checks, and says what is wrong the way GOV.UK forms
 * do: one message per field, naming the field by its label, in the order of the form.
 *
 * The same code as `npm run validate`: the collection's zod schema, with the validator's wording
 * (expectedWording, schemaProblems); then checkRecord (organisation, services, themes, licences, records
 * referred to, dates in order) and checkBody (unsafe HTML, placeholders) from record-checks.ts. Only the
 * sentences differ: a file's problems name a field and a line, a form's name a box on the page.
 */
import { isRecordId } from '../record-id.ts';
import { sentenceCase } from '../labels.ts';
import { isSlug, SLUG_MAX_LENGTH } from '../slug.ts';
import { closestMatch } from '../suggest.ts';
import type { Problem } from '../validation/problem.ts';
import { checkBody, checkRecord, referenceField, suggestReference, type CheckContext, type Finding } from '../validation/record-checks.ts';
import { expectedWording, schemaProblems } from '../validation/schema-problems.ts';
import type { Answers } from './answers.ts';
import { groupControlId } from './control-names.ts';
import { TRANSLATIONS, type FormField, type FormModel } from './form-model.ts';

export interface FormProblem {
  severity: 'error' | 'warning';
  /** The field it is about: a schema key, or organisation, slug or body. */
  field: string;
  /** The id of the control the error summary links to (and focus moves to). */
  target: string;
  /** The id of the form group or date input that shows the message: the message's id is `<group>-error`. */
  group: string;
  message: string;
}

export interface AnswerCheckOptions {
  /** True when a record with this organisation and slug already exists and this is not an edit of it. */
  idTaken?: boolean;
}

/** ['links', 1, 'url'] from links[1].url, as schemaProblems names fields. */
export function parseFieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return path;
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

/** A validator sentence as form text: `code` marks gone, no full stop at the end (GOV.UK's style). */
function plain(text: string): string {
  return text
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\.\s*$/, '')
    .trim();
}

/** "did you mean `beta`?" → "Did you mean beta?"; fixes about files are not for the form. */
function plainFix(fix: string | undefined): string | undefined {
  if (!fix || /content\/|npm run|\.csv|\.yaml|the file/i.test(fix)) return undefined;
  return sentenceCase(plain(fix));
}

function joined(message: string, fix?: string): string {
  return fix ? `${message}. ${fix}` : message;
}

export interface Place {
  field: string;
  target: string;
  group: string;
  label: string;
  kind: FormField['kind'] | 'organisation' | 'slug' | 'body';
  /** For a field inside a repeatable group: which item, in words ("link 2"). */
  item?: string;
}

const CHOSEN_KINDS = new Set(['radios', 'licence', 'organisation', 'theme']);

/** The control of a part of a group's row: a month's month box, else the part's own control. */
function partTarget(id: string, part: FormField | undefined): string {
  return part?.kind === 'month' ? `${id}-month` : part?.kind === 'date' ? `${id}-day` : id;
}

/** Where a problem in item `index` of a repeatable group (`group`, in form row `row`) shows, `field` being the schema field. */
function rowPlace(field: string, group: FormField, row: number, partKey: PropertyKey | undefined): Place {
  const part = group.fields?.find((candidate) => candidate.key === partKey) ?? group.fields?.[0];
  const singular = group.itemLabel ? lowerFirst(group.itemLabel) : lowerFirst(group.label).replace(/s$/, '');
  const id = groupControlId(group.key, row, part?.key ?? 'url');
  return {
    field,
    target: partTarget(id, part),
    group: id,
    label: part?.label ?? group.label,
    kind: part?.kind ?? 'text',
    item: `${singular} ${row + 1}`,
  };
}

/** Where a problem at a path shows in the form. */
export function placeOf(model: FormModel, answers: Answers, path: readonly PropertyKey[]): Place {
  // A translation's problem is at its own box (translations.cy.title), or the language's first.
  const key =
    path[0] === TRANSLATIONS && typeof path[1] === 'string'
      ? ((
          model.fields.find((candidate) => candidate.key === `${TRANSLATIONS}.${String(path[1])}.${String(path[2])}`) ??
          model.fields.find((candidate) => candidate.key.startsWith(`${TRANSLATIONS}.${String(path[1])}.`))
        )?.key ?? TRANSLATIONS)
      : String(path[0] ?? '');
  const field = model.fields.find((candidate) => candidate.key === key);
  if (!field) return { field: 'organisation', target: 'organisation', group: 'organisation', label: 'Organisation', kind: 'organisation' };
  const index = typeof path[1] === 'number' ? path[1] : undefined;
  if (field.kind === 'group') {
    const first = field.fields?.[0];
    if (index === undefined)
      return {
        field: key,
        target: partTarget(groupControlId(key, answers.rows[key]?.[0] ?? 0, first?.key ?? 'url'), first),
        group: key,
        label: field.label,
        kind: 'group',
      };
    return rowPlace(key, field, answers.rows[key]?.[index] ?? index, path[2]);
  }
  if (field.kind === 'variants') {
    const origin = index === undefined ? undefined : answers.variantRows?.[key]?.[index];
    const variant = field.variants?.find((candidate) => candidate.key === origin?.key);
    if (!origin || !variant) {
      const first = field.variants?.[0];
      return {
        field: key,
        target: groupControlId(first?.key ?? key, 0, first?.fields?.[0]?.key ?? 'url'),
        group: key,
        label: field.label,
        kind: 'variants',
      };
    }
    return rowPlace(key, variant, origin.row, path[2]);
  }
  if (field.kind === 'month') return { field: key, target: `${key}-month`, group: key, label: field.label, kind: field.kind };
  if (field.kind === 'date') return { field: key, target: `${key}-day`, group: key, label: field.label, kind: field.kind };
  return { field: key, target: key, group: key, label: field.label, kind: field.kind };
}

export function problemAt(place: Place, message: string, severity: 'error' | 'warning' = 'error'): FormProblem {
  return {
    severity,
    field: place.field,
    target: place.target,
    group: place.group,
    message: place.item ? `${message} (${place.item})` : message,
  };
}

/** The message for one of the schema's problems. */
export function schemaMessage(problem: Problem, place: Place): string {
  const label = place.label;
  // A radio nobody chose is an enum "found nothing": the form asks for it as for any missing answer.
  if (problem.rule === 'schema/required' || problem.found === 'nothing') {
    return `${CHOSEN_KINDS.has(place.kind) ? 'Choose' : 'Enter'} the ${lowerFirst(label)}`;
  }
  if (place.kind === 'month') return `${label} must be a real month, for example 4 2026`;
  if (place.kind === 'date') return `${label} must be a real date, for example 31 3 2027`;
  return joined(`${label} must be ${plain(problem.expected ?? 'different')}`, plainFix(problem.fix));
}

/** The message for one of checkRecord's or checkBody's findings. */
export function findingMessage(finding: Finding, place: Place, context: CheckContext): string {
  const fix = plainFix(finding.fix);
  switch (finding.rule) {
    case 'reference/organisation':
      if (place.field === 'organisation') {
        const closest = finding.found ? closestMatch(finding.found, context.organisations.keys()) : undefined;
        return joined(
          `There is no organisation “${finding.found ?? ''}” on the hub: choose yours from the list`,
          closest ? `Did you mean ${closest}?` : undefined,
        );
      }
      return joined(`${place.label}: there is no organisation “${finding.found ?? ''}” on the hub`, fix);
    case 'reference/service': {
      const list = context.serviceList;
      if (list === 'none') return `${place.label}: this hub has no service list, so leave it empty and choose themes instead`;
      return `${place.label}: ${finding.found ?? ''} is not in the ${list?.name ?? 'hub’s service list'}`;
    }
    case 'reference/licence':
      return joined(`Choose a licence from the list: the hub does not know “${finding.found ?? ''}”`, fix);
    case 'reference/theme':
      return joined(`${place.label}: the hub has no theme “${finding.found ?? ''}”, choose one from the list`, fix);
    case 'dates/end-before-start':
      return `${place.label} must be the same as or after the start`;
    default: {
      const text = plain(finding.message.replace(new RegExp(`^\`${place.field}\``), place.label));
      const sentence = text.startsWith(place.label) ? text : `${place.label}: ${text}`;
      return joined(sentence, fix);
    }
  }
}

/** The form's order: organisation, title, slug, then the schema's fields, then the text. */
function order(model: FormModel): Map<string, number> {
  const keys = ['organisation', model.fields[0]?.key ?? 'title', 'slug', ...model.fields.slice(1).map((field) => field.key), 'body'];
  return new Map(keys.map((key, index) => [key, index]));
}

/**
 * Everything wrong with a form's answers, errors and warnings, one per control (the first found), in
 * the order of the form.
 */
export function checkAnswers(model: FormModel, answers: Answers, context: CheckContext, options: AnswerCheckOptions = {}): FormProblem[] {
  const collection = model.collection;
  const found: FormProblem[] = [];
  const organisationPlace: Place = {
    field: 'organisation',
    target: 'organisation',
    group: 'organisation',
    label: 'Organisation',
    kind: 'organisation',
  };
  const slugPlace: Place = { field: 'slug', target: 'slug', group: 'slug', label: 'Short name', kind: 'slug' };
  const bodyPlace: Place = { field: 'body', target: 'body', group: 'body', label: 'Text', kind: 'body' };

  if (answers.organisation === '') found.push(problemAt(organisationPlace, 'Choose your organisation'));
  if (answers.slug === '') found.push(problemAt(slugPlace, 'Enter a short name for the web address'));
  else if (!isSlug(answers.slug)) {
    found.push(
      problemAt(
        slugPlace,
        'Short name must be lowercase letters a to z, digits and single hyphens, ' +
          `at most ${SLUG_MAX_LENGTH} characters, for example garden-waste-online`,
      ),
    );
  } else if (options.idTaken) {
    found.push(
      problemAt(
        slugPlace,
        `Your organisation already has a ${collection.singular} with the short name ${answers.slug}: choose another, or edit that one`,
      ),
    );
  }

  // 1. The schema, exactly as the validator applies it.
  const checked = collection.schema.safeParse(answers.fields, { error: expectedWording });
  if (!checked.success) {
    const suggest = (path: readonly PropertyKey[], value: unknown) => suggestReference(referenceField(path), value, context);
    const problems = schemaProblems(checked.error.issues, {
      file: '',
      singular: collection.singular,
      schema: collection.schema,
      value: answers.fields,
      locate: () => ({ line: 1, column: 1 }),
      suggest,
    });
    for (const problem of problems) {
      const place = placeOf(model, answers, parseFieldPath(problem.field));
      found.push(problemAt(place, schemaMessage(problem, place)));
    }
  }

  // 2. References, licences, dates and text: the validator's record checks.
  const organisation = answers.organisation;
  const checkable = organisation !== '' && isSlug(answers.slug);
  const report = (finding: Finding) => {
    if (finding.path.length === 0 && finding.rule !== 'reference/organisation') return;
    if (finding.rule === 'reference/organisation' && finding.path.length === 0 && organisation === '') return;
    const place = finding.path.length === 0 ? organisationPlace : placeOf(model, answers, finding.path);
    found.push(problemAt(place, findingMessage(finding, place, context), finding.severity ?? 'error'));
  };
  checkRecord(
    {
      collection: collection.name as Parameters<typeof checkRecord>[0]['collection'],
      organisation: organisation || '-',
      slug: answers.slug,
      id: `${collection.name}/${organisation}/${checkable ? answers.slug : '-'}`,
    },
    answers.fields,
    context,
    report,
  );
  if (answers.body !== '') {
    checkBody(answers.body, 0, (_offset, finding) =>
      found.push(problemAt(bodyPlace, findingMessage(finding, bodyPlace, context), finding.severity ?? 'error')),
    );
  }

  return oneEachInOrder(found, order(model));
}

/** One message per control (the first found), errors before warnings, in the order of `ranks` (by field). */
export function oneEachInOrder(found: readonly FormProblem[], ranks: ReadonlyMap<string, number>): FormProblem[] {
  const seen = new Set<string>();
  const errors = found.filter((problem) => problem.severity === 'error');
  const erroneous = new Set(errors.map((problem) => problem.group));
  return [...errors, ...found.filter((problem) => problem.severity === 'warning' && !erroneous.has(problem.group))]
    .filter((problem) => {
      const key = `${problem.severity}:${problem.group}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        (a.problem.severity === b.problem.severity ? 0 : a.problem.severity === 'error' ? -1 : 1) ||
        (ranks.get(a.problem.field) ?? 99) - (ranks.get(b.problem.field) ?? 99) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/**
 * The well-formed record ids a record's fields refer to (reuses, related, adopted_from…): the form asks
 * the hub whether each exists before it checks, since a page cannot hold every id of a large hub.
 */
export function referencedRecordIds(fields: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const key of ['reuses', 'related', 'adopted_from', 'uses']) {
    const value = fields[key];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string' && isRecordId(item)) ids.add(item);
  }
  return [...ids];
}
