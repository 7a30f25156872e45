/**
 * Turns an issue made from one of the hub's issue forms into a pull request that adds the record (or,
 * from the organisation form, changes an organisation's details), or says in one comment on the issue
 * what to change first. Runs in the issue-to-pr workflow, a trusted
 * job on the default branch with a token that can write contents, pull requests and issues; everything
 * it reads from the issue is untrusted text, typed by anyone who can open an issue.
 *
 * What it does, in order:
 *  1. Reads the event GitHub gave the job (never text from a command line or a shell): which issue, and
 *     whether it carries the `new-record` label. Anything else is skipped without calling GitHub.
 *  2. Reads the issue itself from the API, so that a run that waited in the queue uses the newest text.
 *  3. Works out which form it came from (its collection label, or its headings), reads the answers
 *     (issue-form.ts), writes the record file as the web form does (contribute/record-file.ts), and
 *     checks it with the validator's own per-file checks against the content folder on disk
 *     (import/check.ts): organisation, services, themes, licences, records referred to, dates, and that
 *     no record already has that file name. Unsafe HTML in the text, only a warning for files, is refused.
 *     From the organisation form: the organisation's file on disk with only the answered fields changed
 *     (contribute/organisation-file.ts; an empty answer keeps a field, `(remove)` takes it out), checked
 *     as the validator checks organisation files.
 *  4. With problems: one comment on the issue (found again by a hidden marker and updated), each problem
 *     by its form label in plain English, and the `needs-changes` label. Without: a branch
 *     `contribution/issue-<n>` from the default branch, the file committed through the contents API, a
 *     pull request that closes the issue and credits its author, a comment linking it, and the
 *     `pull-request-opened` label. When the issue is edited later, the file on that branch is updated (or
 *     moved, if the file name changed) and the same pull request is kept: never a second one.
 *
 * A pull request opened or updated with the workflow's GITHUB_TOKEN does not start the check and ci workflows by
 * itself (GitHub's rule against workflows triggering workflows). On github.com its runs wait for a
 * maintainer's "Approve workflows to run"; elsewhere a maintainer closes and reopens the pull request.
 * The pull request and the comment say so (PULL_REQUEST_CHECKS_NOTE).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Octokit } from 'octokit';
import { ORGANISATIONS, recordCollection } from '../../../schemas/collections.ts';
import { parseFieldPath } from '../contribute/check.ts';
import { OrganisationFileError, updateOrganisationFile } from '../contribute/organisation-file.ts';
import { inFileShape } from '../contribute/organisation-model.ts';
import { recordFile } from '../contribute/record-file.ts';
import { classifyPath, isPathProblem, listFiles } from '../content/files.ts';
import { MAX_FILE_BYTES, readContentFile } from '../content/read-file.ts';
import { decodeUtf8 } from '../content/text.ts';
import { checkPlannedFiles, loadHub, type Hub } from '../import/check.ts';
import { isSlug, slugify } from '../slug.ts';
import { closestMatch } from '../suggest.ts';
import type { Problem } from '../validation/problem.ts';
import { checkOrganisation, referenceField, suggestReference } from '../validation/record-checks.ts';
import { explainError, statusOf } from './client.ts';
import {
  BODY_FIELD,
  CONFIRM_FIELD,
  CONFIRM_OPTION,
  REMOVE_ANSWER,
  identifyIssueForm,
  issueFieldById,
  MAX_ISSUE_BODY,
  NEW_RECORD_LABEL,
  ORGANISATION_FIELD,
  parseIssueForm,
  SLUG_FIELD,
  type IssueAnswers,
  type IssueFormDefinition,
} from './issue-form.ts';
import { clean, code, inline, plural, takeWithin, text } from './markdown.ts';
import { authorStatus, readOrganisation } from './ownership.ts';
import { REPOSITORY_NAME } from './pr-comment.ts';
import { LOGIN } from './report.ts';

export const ISSUE_COMMENT_MARKER = '<!-- council-commons:issue-to-pr -->';
export const NEEDS_CHANGES_LABEL = 'needs-changes';
export const PULL_REQUEST_LABEL = 'pull-request-opened';
/** The largest event file read: GitHub's webhook payloads are capped at 25 MB. */
export const MAX_EVENT_BYTES = 25 * 1024 * 1024;
/** Problems listed in one comment; the rest are counted. */
const MAX_LISTED = 40;
/** Comments are cut well under GitHub's 65,536 characters. */
const MAX_COMMENT = 60_000;

export const PULL_REQUEST_CHECKS_NOTE =
  'GitHub does not start the hub’s checks (the check and ci workflows) by itself on a pull request that a workflow opened or updated. ' +
  'A maintainer starts them with **Approve workflows to run** in the pull request’s merge box; where GitHub does not offer that button, ' +
  'close the pull request and reopen it. Do it again after each update from the issue.';

/** A failure to explain and stop on (exit code 1). */
export class IssueToPrError extends Error {}

export function branchFor(issue: number): string {
  return `contribution/issue-${issue}`;
}

// ---------------------------------------------------------------------------------------------------
// The event and the issue.

export interface IssueSnapshot {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: string;
  /** The author, when GitHub gave a login of the expected shape. */
  author?: { login: string; id?: number };
  isPullRequest: boolean;
}

export interface IssueEvent {
  action: string;
  issue: IssueSnapshot;
  /** The label added, for a `labeled` event. */
  label?: string;
  /** The repository's default branch, from the event. */
  defaultBranch?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An issue as the event or the API gives it, checked field by field; the text fields stay untrusted. */
export function issueSnapshot(value: unknown): IssueSnapshot {
  if (!isObject(value) || typeof value.number !== 'number' || !Number.isInteger(value.number) || value.number <= 0) {
    throw new IssueToPrError('the event names no issue: this script runs on GitHub’s `issues` events only.');
  }
  const labels = Array.isArray(value.labels)
    ? value.labels.map((label) => (typeof label === 'string' ? label : isObject(label) && typeof label.name === 'string' ? label.name : '')).filter((name) => name !== '')
    : [];
  const user = isObject(value.user) ? value.user : {};
  const login = typeof user.login === 'string' && LOGIN.test(user.login) ? user.login : undefined;
  const id = typeof user.id === 'number' && Number.isInteger(user.id) && user.id > 0 ? user.id : undefined;
  return {
    number: value.number,
    title: typeof value.title === 'string' ? value.title : '',
    body: typeof value.body === 'string' ? value.body : '',
    labels,
    state: typeof value.state === 'string' ? value.state : 'open',
    ...(login ? { author: { login, ...(id ? { id } : {}) } } : {}),
    isPullRequest: value.pull_request !== undefined && value.pull_request !== null,
  };
}

const BRANCH_NAME = /^(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/;

/** The `issues` event from the file GitHub wrote ($GITHUB_EVENT_PATH). */
export function parseIssueEvent(json: string): IssueEvent {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new IssueToPrError('the event file is not JSON: it should be the one GitHub writes at $GITHUB_EVENT_PATH.');
  }
  if (!isObject(value)) throw new IssueToPrError('the event file does not hold an event.');
  const issue = issueSnapshot(value.issue);
  const repository = isObject(value.repository) ? value.repository : {};
  const defaultBranch = typeof repository.default_branch === 'string' && BRANCH_NAME.test(repository.default_branch) ? repository.default_branch : undefined;
  const label = isObject(value.label) && typeof value.label.name === 'string' ? value.label.name : undefined;
  return { action: typeof value.action === 'string' ? value.action : '', issue, ...(label !== undefined ? { label } : {}), ...(defaultBranch ? { defaultBranch } : {}) };
}

/** Why this event needs nothing done, or undefined when it does. */
export function skipReason(event: IssueEvent): string | undefined {
  const { issue } = event;
  if (issue.isPullRequest) return `#${issue.number} is a pull request, not an issue: nothing to do.`;
  if (!['opened', 'edited', 'labeled', 'reopened'].includes(event.action)) return `Issue #${issue.number} was ${event.action || 'changed'}: nothing to do.`;
  if (!issue.labels.includes(NEW_RECORD_LABEL)) return `Issue #${issue.number} does not have the ${NEW_RECORD_LABEL} label: nothing to do.`;
  if (event.action === 'labeled' && event.label !== undefined && event.label !== NEW_RECORD_LABEL) return `Issue #${issue.number} was given the label ${event.label}, not ${NEW_RECORD_LABEL}: nothing to do.`;
  if (issue.state !== 'open') return `Issue #${issue.number} is closed: nothing to do.`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// The content folder and the plan.

export interface IssueHub extends Hub {
  recordIds: Set<string>;
}

/** What the checks need from the content folder: organisations, themes, registers and every record id. */
export function loadIssueHub(contentDir: string): IssueHub {
  const hub = loadHub(contentDir);
  const recordIds = new Set<string>();
  for (const file of listFiles(contentDir)) {
    const path = classifyPath(file.relative);
    if (!isPathProblem(path) && path.kind === 'record') recordIds.add(`${path.collection}/${path.organisation}/${path.slug}`);
  }
  return { ...hub, recordIds, context: { ...hub.context, recordIds } };
}

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

const upperFirst = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const sentence = (value: string) => (/[.!?]$/.test(value) ? value : `${value}.`);
/** A value to quote in a message: one clean line, short, with no backtick to break its code span. */
const quoted = (value: unknown) => `\`${clean(value, 120).replace(/`/g, "'") || ' '}\``;

const ORGANISATION_HELP =
  'Write your organisation’s id as it appears at the end of its page address on the hub, e.g. `fenmoor` for …/organisations/fenmoor/. If your organisation is not on the hub yet, say so in a comment on this issue and a maintainer will add it.';

/** The validator's suggested fix, when it makes sense in an issue (not "move the file…"). */
function usableFix(fix: string | undefined): string | undefined {
  if (!fix) return undefined;
  const didYouMean = /did you mean `[^`]+`\?/i.exec(fix);
  if (didYouMean) return upperFirst(didYouMean[0]);
  if (/content\/|npm run|\.csv\b|\.ya?ml\b|\bfile\b|folder|add a line/i.test(fix)) return undefined;
  return sentence(upperFirst(fix));
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
        return { problem: { field: ORGANISATION_FIELD, message: `${withFix(`there is no organisation ${quoted(problem.found)} on the hub`)} ${ORGANISATION_HELP}` }, warning: false };
      case 'content/unsafe-html': {
        const what = /holds (.+?), which/.exec(problem.message)?.[1] ?? 'HTML the hub removes';
        return { problem: { field: BODY_FIELD, message: `the text holds ${what}, which the hub does not accept from the form. Remove it: write plain Markdown, and link only to https:// addresses.` }, warning: false };
      }
      case 'content/placeholder':
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
      message = `${quoted(problem.found)} is not in the Local Government Service List. Use the number of the service, as on the hub’s Services page.`;
      break;
    case 'reference/theme':
      message = fix ? withFix(`${quoted(problem.found)} is not one of the hub’s themes`) : `${quoted(problem.found)} is not one of the hub’s themes; the hub’s Themes page lists them.`;
      break;
    case 'reference/licence':
      message = withFix(`the hub does not know the licence ${quoted(problem.found)}`);
      break;
    default:
      message = withFix(problem.message);
  }
  return { problem: { field: key, ...at, message }, warning };
}

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

/** A plan of the issue's answers as read, with the problems found in reading them. */
function planFromAnswers(body: string, definition: IssueFormDefinition): ContributionPlan {
  const answers = parseIssueForm(body, definition);
  const problems: IssueProblem[] = answers.problems.map((problem) => ({ field: problem.field, ...(problem.item !== undefined ? { item: problem.item } : {}), message: problem.message }));
  return { definition, answers, problems, warnings: [] };
}

/**
 * Adds what the validator found in the planned file to the plan's problems and warnings, said of the
 * form's answers (each once: two findings may read the same when said of one answer), then puts both
 * lists in the form's order.
 */
function addFileProblems(plan: ContributionPlan, found: readonly Problem[]): void {
  const seen = new Set<string>();
  for (const problem of found) {
    const { problem: said, warning } = issueProblem(problem, plan.definition);
    const key = `${said.field}|${said.item ?? ''}|${said.part ?? ''}|${said.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (warning ? plan.warnings : plan.problems).push(said);
  }
  const order = new Map(plan.definition.fields.map((field, index) => [field.id, index]));
  const byField = (a: IssueProblem, b: IssueProblem) => (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1) || (a.item ?? 0) - (b.item ?? 0);
  plan.problems.sort(byField);
  plan.warnings.sort(byField);
}

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
  if (answers.organisation === '') problems.push({ field: ORGANISATION_FIELD, message: `this is required, and it is empty. ${ORGANISATION_HELP}` });
  else if (!organisationOk) {
    const guess = closestMatch(slugify(answers.organisation), organisationIds);
    problems.push({ field: ORGANISATION_FIELD, message: `${quoted(answers.organisation)} is not an organisation id.${guess ? ` Did you mean \`${guess}\`?` : ''} ${ORGANISATION_HELP}` });
  }
  const title = typeof answers.fields.title === 'string' ? answers.fields.title : '';
  const slugOk = isSlug(answers.slug);
  if (answers.slug === '') {
    problems.push({ field: SLUG_FIELD, message: `this is required, and it is empty. Write a short name of lowercase letters, digits and hyphens, e.g. \`${slugify(title) || 'garden-waste-online'}\`.` });
  } else if (!slugOk) {
    problems.push({ field: SLUG_FIELD, message: `${quoted(answers.slug)} cannot be a file name: use lowercase letters a to z, digits and single hyphens, at most 80 characters, e.g. \`${slugify(title) || 'garden-waste-online'}\`.` });
  }
  if (organisationOk && slugOk) {
    const existing = existingRecord(contentDir, definition.collection, answers.organisation, answers.slug);
    if (existing) {
      problems.push({
        field: SLUG_FIELD,
        message: `there is already a ${definition.singular} with the file name ${quoted(answers.slug)} for this organisation (${quoted(existing)}). Choose another file name; to change that ${definition.singular} instead, edit its file on GitHub.`,
      });
    }
  }
  if (!answers.confirmed) {
    problems.push({ field: CONFIRM_FIELD, message: `tick “${CONFIRM_OPTION}”. The hub shares records only from people who work for or with the organisation, and never personal data.` });
  }

  // The file, written as the web form writes it, and the validator's checks of it.
  const organisation = organisationOk ? answers.organisation : PLACEHOLDER_ORGANISATION;
  const slug = slugOk ? answers.slug : PLACEHOLDER_SLUG;
  const file = recordFile(definition.collection, { organisation, slug, fields: answers.fields, body: answers.body });
  const relative = file.path.replace(/^content\//, '');
  const found = checkPlannedFiles([{ relative, display: file.path, text: file.text }], hub).get(file.path) ?? [];
  // The stand-in organisation or file name's own problems: what is wrong with the answer is said already.
  const standIn = (problem: Problem) => (!organisationOk && problem.field === '' && problem.rule === 'reference/organisation') || (!slugOk && problem.rule.startsWith('path/'));
  addFileProblems(plan, found.filter((problem) => !standIn(problem)));
  if (problems.length === 0) {
    plan.file = file;
    plan.title = title;
    plan.organisationName = hub.organisations.find((candidate) => candidate.id === answers.organisation)?.name ?? answers.organisation;
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------
// Organisations: the organisation form changes the details of a body already on the hub.

const ORGANISATION_CHANGE_HELP =
  'Write the organisation’s id as it appears at the end of its page address on the hub, e.g. `fenmoor` for …/organisations/fenmoor/. This form changes organisations already on the hub; to add one, say so in a comment and a maintainer will add it.';

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
    const read = readContentFile({ absolute, file: organisationPath(id), format: 'yaml', schema: ORGANISATIONS.schema, singular: ORGANISATIONS.singular, suggest });
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
    problems.push({ field: ORGANISATION_FIELD, message: `there is no organisation ${quoted(id)} on the hub.${guess ? ` Did you mean \`${guess}\`?` : ''} ${ORGANISATION_CHANGE_HELP}` });
  }
  if (!answers.confirmed) {
    problems.push({ field: CONFIRM_FIELD, message: `tick “${CONFIRM_OPTION}”. The hub takes changes to an organisation’s details only from people who work for or with it, and never personal data.` });
  }
  const answered = Object.keys(answers.fields).length + answers.removed.length;
  if (answered === 0) {
    problems.push({ field: '', message: `every answer is empty, so there is nothing to change. Write what should change under its heading (an empty answer keeps what the hub has), or ${REMOVE_ANSWER} to take a field off.` });
    return plan;
  }

  const current = known ? readOrganisationText(contentDir, id) : STAND_IN_ORGANISATION;
  if (current === undefined) {
    problems.push({ field: '', message: `the file of ${quoted(id)} on the hub could not be read, so it cannot be changed from this form. A maintainer will look at it.` });
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
    problems.push({ field: '', message: `every answer is what the hub already has for ${name}, so there is nothing to change. Change an answer, or close this issue.` });
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

// ---------------------------------------------------------------------------------------------------
// What is written on GitHub.

function problemLine(problem: IssueProblem, definition: IssueFormDefinition): string {
  const field = problem.field ? issueFieldById(definition, problem.field) : undefined;
  const where = problem.item !== undefined ? ` (${field?.kind === 'groups' || field?.kind === 'variants' ? 'line' : 'item'} ${problem.item}${problem.part ? `, ${problem.part.toLowerCase()}` : ''})` : '';
  const message = upperFirst(problem.message);
  return field ? `- **${text(field.label)}**${where}: ${inline(message, 1200)}` : `- ${inline(message, 1200)}`;
}

function problemList(problems: readonly IssueProblem[], definition: IssueFormDefinition): string[] {
  const lines = problems.slice(0, MAX_LISTED).map((problem) => problemLine(problem, definition));
  const { kept, left } = takeWithin(lines, MAX_COMMENT - 3000);
  const more = left + Math.max(0, problems.length - MAX_LISTED);
  return more > 0 ? [...kept, `- …and ${plural(more, 'more problem')}, shown once these are fixed.`] : kept;
}

const EDIT_HELP =
  'To change an answer, edit this issue: open the **···** menu at the top of the issue, choose **Edit**, change the text under its heading and save. The check runs again by itself within a few minutes and updates this comment.';

export function problemsComment(plan: { definition: IssueFormDefinition; problems: IssueProblem[] }, pullRequest?: number): string {
  const { definition, problems } = plan;
  const count = problems.length;
  return [
    ISSUE_COMMENT_MARKER,
    `## ${count === 1 ? 'One answer needs' : 'Some answers need'} changing`,
    '',
    definition.kind === 'organisation'
      ? `Thank you for these changes. Before they can become a pull request, please fix ${count === 1 ? 'this' : `these ${count} things`}:`
      : `Thank you for sharing this ${definition.singular}. Before it can become a pull request, please fix ${count === 1 ? 'this' : `these ${count} things`}:`,
    '',
    ...problemList(problems, definition),
    '',
    EDIT_HELP,
    ...(pullRequest !== undefined ? ['', `Pull request #${pullRequest} keeps the last version that passed the checks until these are fixed.`] : []),
  ].join('\n');
}

/** When the issue is not one of the hub's forms, or cannot be read at all. */
export function unreadableComment(reason: string, serverUrl: string, repository: string): string {
  return [
    ISSUE_COMMENT_MARKER,
    '## This issue could not be read',
    '',
    inline(upperFirst(sentence(reason)), 2000),
    '',
    `To share a record, open a new issue from one of the hub’s forms: ${serverUrl}/${repository}/issues/new/choose`,
  ].join('\n');
}

export function openedComment(plan: ContributionPlan, pullRequest: number, updated: boolean): string {
  const { definition } = plan;
  const lines = [
    ISSUE_COMMENT_MARKER,
    `## ✅ ${updated ? 'Pull request updated' : 'Pull request opened'}`,
    '',
    updated
      ? `Thank you: pull request #${pullRequest} now has this issue’s latest answers.`
      : definition.kind === 'organisation'
        ? `Thank you: your changes are now pull request #${pullRequest}. The hub’s maintainers will review it, and the organisation’s page shows them once they merge it.`
        : `Thank you: your ${definition.singular} is now pull request #${pullRequest}. The hub’s maintainers will review it, and it appears on the hub once they merge it.`,
  ];
  if (plan.warnings.length > 0) lines.push('', 'Worth checking (these do not stop it):', '', ...problemList(plan.warnings, definition));
  lines.push(
    '',
    'To change something before it is merged, edit this issue: the pull request is updated within a few minutes.',
    '',
    `<sub>For maintainers: ${PULL_REQUEST_CHECKS_NOTE}</sub>`,
  );
  return lines.join('\n');
}

export function closedPullRequestComment(pullRequest: number): string {
  return [
    ISSUE_COMMENT_MARKER,
    '## The pull request for this issue was closed',
    '',
    `Pull request #${pullRequest} was closed without being merged, so this issue’s changes were not applied. If that was a mistake, a maintainer can reopen it; the next edit of this issue then updates it.`,
  ].join('\n');
}

export interface PullRequestText {
  title: string;
  body: string;
  commitMessage: string;
}

/** Whether the person who sent the issue looks after the organisation, said for the pull request. */
function ownershipLine(author: string | undefined, organisationName: string, maintainers: readonly string[]): string {
  const status = authorStatus(author, maintainers);
  const listed = maintainers.map((handle) => code(handle)).join(', ');
  const lines: Record<typeof status, string> = {
    listed: `@${author} is listed among ${text(organisationName)}’s maintainers.`,
    'maybe-in-team': `@${author} is not listed by name among ${text(organisationName)}’s maintainers (${listed}); they may be in one of its teams.`,
    'not-listed': `@${author} is not listed among ${text(organisationName)}’s maintainers (${listed}): ask them, or the organisation, whether this is theirs to share.`,
    'no-maintainers': `${text(organisationName)} has no maintainers listed yet: check with the organisation that @${author} may share its work.`,
    unknown: 'The issue’s author could not be read: check who shared this before merging.',
  };
  return lines[status];
}

/** The pull request's title and body and the commit message for a change to an organisation's details. */
function organisationPullRequestText(plan: ContributionPlan, issue: IssueSnapshot, contentDir: string): PullRequestText {
  const { definition } = plan;
  const organisationName = clean(plan.organisationName, 100);
  const path = plan.file!.path;
  const author = issue.author?.login;
  const before = readOrganisation(contentDir, plan.answers.organisation)?.maintainers ?? [];
  const label = (key: string) => issueFieldById(definition, key)?.label ?? key;
  const changed = (plan.changed ?? []).map((key) => `${text(label(key))}${plan.removed?.includes(key) ? ' (taken out)' : ''}`);
  const summary = changed.length <= 1 ? (changed[0] ?? '') : `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`;
  const maintainersChange = plan.changed?.includes('maintainers')
    ? [
        '',
        `**Maintainers change:** this changes who is asked to review ${text(organisationName)}’s records${before.length > 0 ? ` (today: ${before.map((handle) => code(handle)).join(', ')})` : ''}. Check with the organisation before merging.`,
      ]
    : [];
  const body = [
    `Closes #${issue.number}`,
    '',
    `Changes ${text(organisationName)}’s details in ${code(path)}: ${summary}. Every other field, and the file’s comments, are as they were.`,
    '',
    `Sent by ${author ? `@${author}` : 'the author'} through the organisation form in #${issue.number}. This pull request was made by the issue-to-pr workflow from the issue’s answers, and the file passed the hub’s validator before it was opened. Editing the issue updates this pull request.`,
    '',
    `**Who sent it:** ${ownershipLine(author, organisationName, before)} The ownership flags in the bot comment are about this pull request’s author, which is the workflow, not the person who sent the changes: go by this line instead.`,
    ...maintainersChange,
    '',
    `**Checks:** ${PULL_REQUEST_CHECKS_NOTE}`,
  ].join('\n');
  const coAuthor = issue.author?.id ? `\n\nCo-authored-by: ${issue.author.login} <${issue.author.id}+${issue.author.login}@users.noreply.github.com>` : '';
  const fields = (plan.changed ?? []).map(label).join(', ');
  return {
    title: clean(`${organisationName}: organisation details (${fields})`, 200),
    body,
    commitMessage: `Update organisation ${clean(plan.answers.organisation, 80)} from issue #${issue.number}\n\n${clean(fields, 400)}${coAuthor}`,
  };
}

/** The pull request's title and body and the commit message; the record's text is shown only escaped. */
export function pullRequestText(plan: ContributionPlan, issue: IssueSnapshot, contentDir: string): PullRequestText {
  if (plan.definition.kind === 'organisation') return organisationPullRequestText(plan, issue, contentDir);
  const { definition } = plan;
  const title = clean(plan.title, 150);
  const organisationName = clean(plan.organisationName, 100);
  const path = plan.file!.path;
  const author = issue.author?.login;
  const ownership = ownershipLine(author, organisationName, readOrganisation(contentDir, plan.answers.organisation)?.maintainers ?? []);
  const body = [
    `Closes #${issue.number}`,
    '',
    `Adds the ${definition.singular} “${text(title)}” for ${text(organisationName)}, in ${code(path)}.`,
    '',
    `Shared by ${author ? `@${author}` : 'the author'} through the issue form in #${issue.number}. This pull request was made by the issue-to-pr workflow from the issue’s answers, and the file passed the hub’s validator before it was opened. Editing the issue updates this pull request.`,
    '',
    `**Who shared it:** ${ownership} The ownership flags in the bot comment are about this pull request’s author, which is the workflow, not the person who shared the ${definition.singular}: go by this line instead.`,
    '',
    `**Checks:** ${PULL_REQUEST_CHECKS_NOTE}`,
  ].join('\n');
  const coAuthor = issue.author?.id ? `\n\nCo-authored-by: ${issue.author.login} <${issue.author.id}+${issue.author.login}@users.noreply.github.com>` : '';
  return {
    title: clean(`${organisationName}: ${title} (${definition.singular})`, 200),
    body,
    commitMessage: `Add ${definition.singular} ${clean(plan.answers.organisation, 80)}/${clean(plan.answers.slug, 80)} from issue #${issue.number}\n\n${title}${coAuthor}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Keeping GitHub in step.

export interface SyncOptions {
  octokit: Octokit;
  /** owner/name. */
  repository: string;
  event: IssueEvent;
  /** The default branch's content folder (the job's checkout). */
  contentDir: string;
  /** https://github.com, or GITHUB_SERVER_URL. */
  serverUrl?: string;
  /** Also treat comments by this login as ours (when the token is a user's, not a bot's). */
  botLogin?: string;
  hub?: IssueHub;
  log?: (line: string) => void;
}

export type SyncAction = 'skipped' | 'needs-changes' | 'unreadable' | 'opened' | 'updated' | 'unchanged' | 'pull-request-closed' | 'merged';

export interface SyncResult {
  action: SyncAction;
  message: string;
  pullRequest?: number;
  commentId?: number;
  problems?: IssueProblem[];
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  if (!REPOSITORY_NAME.test(repository) || repository.includes('..')) throw new IssueToPrError(`--repo must be owner/name, e.g. council-commons/council-commons, not "${repository}".`);
  const [owner, repo] = repository.split('/') as [string, string];
  return { owner, repo };
}

interface Comment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

export function isOurIssueComment(comment: Comment, botLogin?: string): boolean {
  if (!comment.body?.startsWith(ISSUE_COMMENT_MARKER)) return false;
  return comment.user?.type === 'Bot' || (botLogin !== undefined && comment.user?.login?.toLowerCase() === botLogin.toLowerCase());
}

interface PullSummary {
  number: number;
  state: string;
  merged_at?: string | null;
  title?: string;
  body?: string | null;
}

const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

export async function syncIssue(options: SyncOptions): Promise<SyncResult> {
  const { octokit, event } = options;
  const { owner, repo } = splitRepository(options.repository);
  const log = options.log ?? (() => {});
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const number = event.issue.number;
  const where = `issue #${number} in ${owner}/${repo}`;

  const early = skipReason(event);
  if (early) return { action: 'skipped', message: early };

  /** Runs one request; a failure becomes an IssueToPrError that says what was being done. */
  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      if (error instanceof IssueToPrError) throw error;
      throw new IssueToPrError(explainError(error, what));
    }
  };
  /** Like call, but a 404 is an answer (undefined), not a failure. */
  const find = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await request();
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw new IssueToPrError(explainError(error, what));
    }
  };

  // The issue as it is now: a run that waited in the queue must not write older answers.
  let issue: IssueSnapshot;
  try {
    issue = issueSnapshot((await octokit.rest.issues.get({ owner, repo, issue_number: number })).data);
  } catch (error) {
    if (error instanceof IssueToPrError) throw error;
    if (statusOf(error) === 404) {
      throw new IssueToPrError(`GitHub found no ${where} (404): the issue may have been deleted or transferred, the repository renamed, or the token may not see it. Nothing was done.`);
    }
    throw new IssueToPrError(explainError(error, `read ${where}`));
  }
  const later = skipReason({ ...event, issue });
  if (later) return { action: 'skipped', message: later };

  // Our comment, if there is one.
  let existing: Comment | undefined;
  await call(`read the comments on ${where}`, async () => {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 })) {
      existing = page.data.find((comment) => isOurIssueComment(comment, options.botLogin));
      if (existing) break;
    }
  });
  const comment = async (body: string): Promise<number> => {
    if (existing) {
      if (existing.body !== body) await call(`update the comment on ${where}`, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing!.id, body }));
      return existing.id;
    }
    const created = await call(`comment on ${where}`, () => octokit.rest.issues.createComment({ owner, repo, issue_number: number, body }));
    existing = { id: created.data.id, body };
    return created.data.id;
  };
  const labelled = new Set(issue.labels);
  const addLabel = async (name: string) => {
    if (labelled.has(name)) return;
    await call(`label ${where}`, () => octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: [name] }));
    labelled.add(name);
  };
  const removeLabel = async (name: string) => {
    if (!labelled.has(name)) return;
    await find(`remove the label ${name} from ${where}`, () => octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name }));
    labelled.delete(name);
  };

  // Which form, and the answers.
  if (issue.body.length > MAX_ISSUE_BODY) {
    const reason = `the issue is ${issue.body.length.toLocaleString('en-GB')} characters long, more than the ${MAX_ISSUE_BODY.toLocaleString('en-GB')} GitHub allows in an issue, so it was not read. Shorten the text`;
    const commentId = await comment(unreadableComment(reason, serverUrl, `${owner}/${repo}`));
    await addLabel(NEEDS_CHANGES_LABEL);
    return { action: 'unreadable', commentId, message: `Issue #${number} is too long to read (${issue.body.length} characters); said so in a comment.` };
  }
  const definition = identifyIssueForm(issue.body, issue.labels);
  if (!definition) {
    const reason = 'this issue has the new-record label, but it is not one of the hub’s forms for sharing a record (or it has the labels of several), so no pull request can be made from it';
    const commentId = await comment(unreadableComment(reason, serverUrl, `${owner}/${repo}`));
    await addLabel(NEEDS_CHANGES_LABEL);
    return { action: 'unreadable', commentId, message: `Issue #${number} is not from one of the hub's forms; said so in a comment.` };
  }
  const hub = options.hub ?? loadIssueHub(options.contentDir);
  const plan = planContribution(issue.body, definition, options.contentDir, hub);

  // The pull request this issue already has, if any.
  const branch = branchFor(number);
  const pulls = (await call(`look for the pull request of ${where}`, () => octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state: 'all', per_page: 100 }))).data as PullSummary[];
  const open = pulls.find((pull) => pull.state === 'open');
  const merged = pulls.find((pull) => pull.merged_at);
  if (!open && merged) return { action: 'merged', pullRequest: merged.number, message: `Issue #${number}'s pull request #${merged.number} is already merged: nothing to do.` };
  if (!open && pulls.length > 0) {
    const closed = pulls[0]!.number;
    const commentId = await comment(closedPullRequestComment(closed));
    return { action: 'pull-request-closed', pullRequest: closed, commentId, message: `Issue #${number}'s pull request #${closed} was closed without merging; nothing was changed.` };
  }

  if (!plan.file) {
    const commentId = await comment(problemsComment(plan, open?.number));
    await addLabel(NEEDS_CHANGES_LABEL);
    log(`Issue #${number}: ${plural(plan.problems.length, 'problem')} to fix.`);
    return { action: 'needs-changes', commentId, problems: plan.problems, ...(open ? { pullRequest: open.number } : {}), message: `Listed ${plural(plan.problems.length, 'problem')} on issue #${number}.` };
  }

  const text = pullRequestText(plan, issue, options.contentDir);
  const file = plan.file;

  /** Writes the file on the branch (with the file's sha when it is there); false when it was already the same. */
  const putFile = async (): Promise<boolean> => {
    const current = await find(`read ${file.path} on ${branch}`, () => octokit.rest.repos.getContent({ owner, repo, path: file.path, ref: branch }));
    const data = current?.data as { type?: string; sha?: string; content?: string; encoding?: string } | undefined;
    if (data && data.type === 'file' && data.sha) {
      const decoded = data.encoding === 'base64' && typeof data.content === 'string' ? Buffer.from(data.content, 'base64').toString('utf8') : undefined;
      if (decoded === file.text) return false;
    }
    await call(`commit ${file.path} to ${branch}`, () =>
      octokit.rest.repos.createOrUpdateFileContents({ owner, repo, path: file.path, branch, message: text.commitMessage, content: base64(file.text), ...(data?.sha ? { sha: data.sha } : {}) }),
    );
    return true;
  };

  /** The default branch, and the branch pointed at its head (made, or reset if a run stopped half way). */
  const branchFromBase = async (): Promise<string> => {
    let base = options.event.defaultBranch;
    if (!base) base = (await call(`read ${owner}/${repo}`, () => octokit.rest.repos.get({ owner, repo }))).data.default_branch;
    const baseRef = await call(`read the ${base} branch`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${base}` }));
    const baseSha = baseRef.data.object.sha;
    const branchRef = await find(`read the ${branch} branch`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }));
    if (branchRef) await call(`reset the ${branch} branch`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: baseSha, force: true }));
    else await call(`create the ${branch} branch`, () => octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: baseSha }));
    return base;
  };

  let pullRequest: number;
  let action: SyncAction;
  if (open) {
    // Keep the one pull request: remove the file it added under an old name, then write the new one.
    pullRequest = open.number;
    let changed = false;
    const files = (await call(`list the files of pull request #${open.number}`, () => octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: open.number, per_page: 100 }))) as { filename: string; status: string }[];
    if (plan.definition.kind === 'organisation') {
      // Another organisation named in the edited issue: the branch starts again from the default branch,
      // so that the pull request changes that organisation's file alone.
      if (files.some((old) => old.filename !== file.path)) {
        await branchFromBase();
        changed = true;
      }
    } else {
      for (const old of files) {
        if (old.filename === file.path || old.status !== 'added' || !/^content\/[a-z]+\/[a-z0-9-]+\/[a-z0-9-]+\.(?:md|yaml)$/.test(old.filename)) continue;
        const current = await find(`read ${old.filename} on ${branch}`, () => octokit.rest.repos.getContent({ owner, repo, path: old.filename, ref: branch }));
        const sha = (current?.data as { sha?: string } | undefined)?.sha;
        if (!sha) continue;
        await call(`remove ${old.filename} from ${branch}`, () =>
          octokit.rest.repos.deleteFile({ owner, repo, path: old.filename, branch, sha, message: `Move the record to ${file.path} (issue #${number})` }),
        );
        changed = true;
      }
    }
    changed = (await putFile()) || changed;
    if (open.title !== text.title || (open.body ?? '') !== text.body) {
      await call(`update pull request #${open.number}`, () => octokit.rest.pulls.update({ owner, repo, pull_number: open.number, title: text.title, body: text.body }));
    }
    action = changed ? 'updated' : 'unchanged';
  } else {
    // A new branch from the default branch (or the old one reset to it, if a run stopped half way).
    const base = await branchFromBase();
    await putFile();
    try {
      pullRequest = (await octokit.rest.pulls.create({ owner, repo, title: text.title, head: branch, base, body: text.body })).data.number;
    } catch (error) {
      // A retried request whose first try reached GitHub: the pull request is there already.
      const again = statusOf(error) === 422 ? (await find(`look for the pull request of ${where}`, () => octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state: 'open' })))?.data[0] : undefined;
      if (!again) throw new IssueToPrError(explainError(error, `open the pull request for ${where}`));
      pullRequest = again.number;
    }
    action = 'opened';
  }

  // "Updated" after a change; an unchanged run keeps whatever the comment said, so nothing is written.
  const updated = action === 'updated' || (action === 'unchanged' && existing?.body?.includes('## ✅ Pull request updated') === true);
  const body = openedComment(plan, pullRequest, updated);
  const commentId = await comment(body);
  await removeLabel(NEEDS_CHANGES_LABEL);
  await addLabel(PULL_REQUEST_LABEL);
  const said: Record<string, string> = {
    opened: `Opened pull request #${pullRequest} for issue #${number} (${file.path}).`,
    updated: `Updated ${file.path} on pull request #${pullRequest} from issue #${number}.`,
    unchanged: `Pull request #${pullRequest} already has issue #${number}'s answers.`,
  };
  return { action, pullRequest, commentId, message: said[action] ?? '' };
}
