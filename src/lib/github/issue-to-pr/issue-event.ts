/**
 * The `issues` event GitHub gave the job, and the issue in it, read field by field as untrusted data,
 * and whether the event needs anything done. Separate because it runs before any call to GitHub, and a
 * skipped event must not need a token or the content folder.
 */
import { NEW_RECORD_LABEL } from '../issue-form.ts';
import { LOGIN } from '../report.ts';
import { IssueToPrError } from './error.ts';

/** The largest event file read: GitHub's webhook payloads are capped at 25 MB. */
export const MAX_EVENT_BYTES = 25 * 1024 * 1024;

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
    ? value.labels
        .map((label) => (typeof label === 'string' ? label : isObject(label) && typeof label.name === 'string' ? label.name : ''))
        .filter((name) => name !== '')
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
  const defaultBranch =
    typeof repository.default_branch === 'string' && BRANCH_NAME.test(repository.default_branch) ? repository.default_branch : undefined;
  const label = isObject(value.label) && typeof value.label.name === 'string' ? value.label.name : undefined;
  return {
    action: typeof value.action === 'string' ? value.action : '',
    issue,
    ...(label !== undefined ? { label } : {}),
    ...(defaultBranch ? { defaultBranch } : {}),
  };
}

/** Why this event needs nothing done, or undefined when it does. */
export function skipReason(event: IssueEvent): string | undefined {
  const { issue } = event;
  if (issue.isPullRequest) return `#${issue.number} is a pull request, not an issue: nothing to do.`;
  if (!['opened', 'edited', 'labeled', 'reopened'].includes(event.action))
    return `Issue #${issue.number} was ${event.action || 'changed'}: nothing to do.`;
  if (!issue.labels.includes(NEW_RECORD_LABEL)) return `Issue #${issue.number} does not have the ${NEW_RECORD_LABEL} label: nothing to do.`;
  if (event.action === 'labeled' && event.label !== undefined && event.label !== NEW_RECORD_LABEL)
    return `Issue #${issue.number} was given the label ${event.label}, not ${NEW_RECORD_LABEL}: nothing to do.`;
  if (issue.state !== 'open') return `Issue #${issue.number} is closed: nothing to do.`;
  return undefined;
}
