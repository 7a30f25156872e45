/**
 * Addresses on GitHub that finish a contribution: the new-file page with the file filled in, the editor
 * of an existing file, and the issue form of a collection with its fields filled in.
 *
 * - New file: https://github.com/<repo>/new/<branch>?filename=<path>&value=<text>. GitHub fills the name
 *   box from `filename` (a path makes the folders) and the editor from `value`; Gitea and GitLab copied
 *   these parameters from GitHub (go-gitea/gitea#16556, gitlab-org/gitlab#337038).
 * - Edit: https://github.com/<repo>/edit/<branch>/<path>. GitHub documents no parameter that fills the
 *   editor of an existing file, so the person pastes the new text in (the page copies it for them).
 * - Issue: https://github.com/<repo>/issues/new?template=<collection>.yml&title=…&<field id>=<value>.
 *   Issue forms fill a field from the query parameter named by its id (github/docs#22835, found by
 *   testing, not in GitHub's documentation). `title` is also the issue's own title, which is what the
 *   form wants; `body` is also GitHub's parameter for a plain issue's text, and is meant here for the
 *   form's `body` field: to be checked on GitHub once the forms are live.
 * - GitHub answers 414 "URI Too Long" to addresses over 8,191 bytes (github/docs#4537), so anything
 *   longer than MAX_URL_LENGTH is not offered as a link.
 */
import {
  issueFieldValue,
  issueFormDefinition,
  ORGANISATION_COLLECTION,
  ORGANISATION_FORM_FILE,
  ORGANISATION_FIELD,
  REMOVE_ANSWER,
} from '../github/issue-form.ts';
import type { SiteConfig } from '../site-config.ts';
import { fieldValue, type FormModel } from './form-model.ts';
import type { RecordAnswers } from './record-file.ts';

/** The longest address offered as a link: GitHub refuses requests over 8,191 bytes, and the request line holds more than the path. */
export const MAX_URL_LENGTH = 8000;

function repositoryUrl(config: SiteConfig): string {
  return `https://github.com/${config.repository}`;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** GitHub's new-file page with the file's name and text filled in. */
export function newFileUrl(config: SiteConfig, path: string, text: string): string {
  return `${repositoryUrl(config)}/new/${encodePath(config.branch)}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(text)}`;
}

/** GitHub's new-file page, as a form action: the form's own `filename` and `value` fields complete it. */
export function newFileAction(config: SiteConfig): string {
  return `${repositoryUrl(config)}/new/${encodePath(config.branch)}`;
}

/** GitHub's editor for an existing file (it forks the repository for people without write access). */
export function editFileUrl(config: SiteConfig, path: string): string {
  return `${repositoryUrl(config)}/edit/${encodePath(config.branch)}/${encodePath(path)}`;
}

/** The issue form of a collection: .github/ISSUE_TEMPLATE/<collection>.yml. */
export function issueTemplate(collection: string): string {
  return `${collection}.yml`;
}

/** The organisation form on GitHub with only the organisation filled in (its other answers left empty change nothing). */
export function organisationIssueFormUrl(config: SiteConfig, organisation: { id: string; name: string }): string {
  const query = new URLSearchParams({
    template: ORGANISATION_FORM_FILE,
    title: `Organisation details: ${organisation.name}`,
    [ORGANISATION_FIELD]: organisation.id,
  });
  return `${repositoryUrl(config)}/issues/new?${query.toString().replace(/\+/g, '%20')}`;
}

/**
 * The organisation form on GitHub filled in with an edit: the fields it changes, each as the form asks
 * for it, and REMOVE_ANSWER for a field it takes out. Fields it leaves alone stay empty, which keeps them:
 * an edit sent this way never undoes a change someone else made to another field in the meantime.
 */
export function organisationIssueUrl(
  config: SiteConfig,
  organisation: { id: string; name: string },
  changed: readonly string[],
  fields: Record<string, unknown>,
): string {
  const definition = issueFormDefinition(ORGANISATION_COLLECTION)!;
  const query = new URL(organisationIssueFormUrl(config, organisation)).searchParams;
  for (const field of definition.fields) {
    if (!field.schemaField || !changed.includes(field.id)) continue;
    query.set(field.id, fields[field.id] === undefined ? REMOVE_ANSWER : issueFieldValue(field, fields[field.id]));
  }
  return `${repositoryUrl(config)}/issues/new?${query.toString().replace(/\+/g, '%20')}`;
}

/** A blank issue form for a collection. */
export function issueFormUrl(config: SiteConfig, collection: string): string {
  return `${repositoryUrl(config)}/issues/new?template=${encodeURIComponent(issueTemplate(collection))}`;
}

/**
 * A value as plain text: lists one item a line, lists of groups as YAML lines (`- title: …` then
 * `  url: …`). The issue forms' reader accepts this too (tests/github/issue-forms.test.ts); issueUrl
 * writes each field as its form asks instead (issueFieldValue).
 */
export function issueValue(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return value.map(String).join('\n');
    return value
      .map((item: Record<string, unknown>) =>
        Object.entries(item)
          .map(([key, part], index) => `${index === 0 ? '- ' : '  '}${key}: ${String(part)}`)
          .join('\n'),
      )
      .join('\n');
  }
  return String(value);
}

/**
 * The issue form of the collection (src/lib/github/issue-form.ts writes it from the same form model),
 * with every answer filled in under its field id: the schema's field names, and `organisation`, `slug`
 * and `body`. Values are written as that form asks for them (issueFieldValue: lists comma-separated,
 * links and distributions one a line, `Link text | https://…`), so the issue reads back as the answers.
 * An edit needs nothing more: the issue names the record's organisation and short name, the path of
 * the file it replaces.
 */
export function issueUrl(config: SiteConfig, model: FormModel, answers: RecordAnswers): string {
  const query = new URLSearchParams({ template: issueTemplate(model.collection.name) });
  const title = answers.fields.title;
  if (typeof title === 'string') query.set('title', title);
  const definition = issueFormDefinition(model.collection.name, model.languages);
  for (const field of definition?.fields ?? []) {
    const value =
      field.id === 'organisation'
        ? answers.organisation
        : field.id === 'slug'
          ? answers.slug
          : field.id === 'body'
            ? answers.body
            : fieldValue(answers.fields, field.key ?? field.id);
    if (value === undefined || value === '' || field.id === 'title' || field.type === 'checkboxes') continue;
    query.set(field.id, issueFieldValue(field, value));
  }
  return `${repositoryUrl(config)}/issues/new?${query.toString().replace(/\+/g, '%20')}`;
}

/** Whether an address is short enough for GitHub to accept. */
export function fitsGitHub(url: string): boolean {
  return url.length <= MAX_URL_LENGTH;
}
