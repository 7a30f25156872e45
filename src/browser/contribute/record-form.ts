/**
 * The contribution form (/contribute/new/<collection>/), in the browser: the part that knows the
 * schemas, loaded by form.ts when someone starts to use the form (or at once, to edit a record). It:
 *   1. with ?edit=<record id>, fills the form in from its organisation's /contribute/records/<id>.json.gz
 *      and keeps the record's organisation and short name;
 *   2. on "Check your answers", reads the answers (answers.ts), asks the hub whether records they refer
 *      to exist (and, for a new record, whether its id is free) from their organisations'
 *      /contribute/organisations/<id>.json (form-files.ts), and checks them with the validator's schemas
 *      and checks (check.ts);
 *   3. shows any errors GOV.UK's way (errors.ts), or else the preview and the ways to send it: GitHub's
 *      new-file page with the file filled in (or its editor and the text to paste, when editing), a
 *      download, and the collection's issue form (github.ts, record-file.ts; the warnings and the notes
 *      as the organisation form has them, result.ts).
 */
import { parseRecordId } from '../../lib/record-id.ts';
import { readAnswers, formValues, type Answers } from '../../lib/contribute/answers.ts';
import { checkAnswers, referencedRecordIds, type FormProblem } from '../../lib/contribute/check.ts';
import { fieldValue, formModel, translationKey, type FormLanguage, type FormModel } from '../../lib/contribute/form-model.ts';
import { editFileUrl, fitsGitHub, issueUrl, MAX_URL_LENGTH, newFileUrl } from '../../lib/contribute/github.ts';
import {
  organisationFormFile,
  readJson,
  recordIdsIn,
  recordSourcesFile,
  type OrganisationFormFile,
  type RecordSourcesFile,
  type StoredRecord,
} from '../../lib/contribute/form-files.ts';
import { recordFile, type RecordFile } from '../../lib/contribute/record-file.ts';
import type { FieldLookups } from '../../lib/record-fields.ts';
import type { SiteConfig } from '../../lib/site-config.ts';
import { isSlug } from '../../lib/slug.ts';
import { withBase } from '../../lib/urls.ts';
import type { CheckContext } from '../../lib/validation/record-checks.ts';
import type { Licence, Service } from '../../../schemas/reference.ts';
import { byId } from '../dom.ts';
import { fillForm, organisationFor, showStatus, type Reference } from './controls.ts';
import { clearErrors, showErrors } from './errors.ts';
import { renderPreview } from './preview.ts';
import { showSendingNotes, showWarnings, type OfferedFile } from './result.ts';

interface Editing {
  id: string;
  path: string;
  extension: string;
  /** The record's fields as they were, so that lists keep their order. */
  data: Record<string, unknown>;
}

export class ContributionForm {
  readonly model: FormModel;
  readonly config: SiteConfig;
  readonly base: string;
  readonly reference: Reference;
  editing: Editing | undefined;
  file: RecordFile | undefined;
  /** Each organisation asked about: its records' ids, or null when it is not on the hub. */
  readonly organisationRecords = new Map<string, Promise<Set<string> | null>>();
  /** Each organisation whose records' sources were asked for (to edit one, or to name one in the preview): its records by id, or null. */
  readonly organisationSources = new Map<string, Promise<Map<string, StoredRecord> | null>>();

  readonly form: HTMLFormElement;

  /** `reference`: the organisations, services, themes and licences, with the choices loaded (controls.ts). */
  constructor(form: HTMLFormElement, reference: Reference) {
    this.form = form;
    // The hub's other languages, as the page lists them: the form asks for translations in each.
    this.model = formModel(form.dataset.collection ?? '', JSON.parse(form.dataset.languages ?? '[]') as FormLanguage[])!;
    this.config = { repository: form.dataset.repository ?? '', branch: form.dataset.branch ?? 'main' };
    this.base = form.dataset.base ?? '/';
    this.reference = reference;
  }

  /** An organisation's records' ids, from /contribute/organisations/<id>.json; null for no such organisation. */
  recordsOf(organisation: string): Promise<Set<string> | null> {
    let found = this.organisationRecords.get(organisation);
    if (!found) {
      found = this.reference.organisations.has(organisation)
        ? fetch(withBase(this.base, organisationFormFile(organisation)))
            .then((response): Promise<OrganisationFormFile> | Pick<OrganisationFormFile, 'id' | 'records'> =>
              response.ok ? readJson(response) : { id: organisation, records: {} },
            )
            .then((file) => new Set(recordIdsIn({ id: organisation, records: file.records })))
            .catch(() => null)
        : Promise.resolve(null);
      this.organisationRecords.set(organisation, found);
    }
    return found;
  }

  /** Whether the hub has a record with this id (asking its organisation's list, never a missing file). */
  async exists(id: string): Promise<boolean> {
    const parts = parseRecordId(id);
    if (parts === undefined) return false;
    return (await this.recordsOf(parts.organisation))?.has(id) ?? false;
  }

  /**
   * A record the hub has, with its fields and text, from its organisation's
   * /contribute/records/<id>.json.gz (asked for only once the organisation's list has the record); null
   * when there is none or it could not be read.
   */
  async record(id: string): Promise<StoredRecord | null> {
    const parts = parseRecordId(id);
    if (parts === undefined || !(await this.exists(id))) return null;
    const { organisation } = parts;
    let found = this.organisationSources.get(organisation);
    if (!found) {
      found = fetch(withBase(this.base, recordSourcesFile(organisation)))
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return readJson<RecordSourcesFile>(response);
        })
        .then((file) => new Map(file.records.map((record) => [record.id, record])))
        .catch(() => {
          // Asked again next time.
          this.organisationSources.delete(organisation);
          return null;
        });
      this.organisationSources.set(organisation, found);
    }
    return (await found)?.get(id) ?? null;
  }

  status(text: string, link?: { text: string; href: string }): void {
    showStatus('edit-status', text, link);
  }

  async loadForEdit(id: string): Promise<void> {
    const parts = parseRecordId(id);
    if (!parts || parts.collection !== this.model.collection.name) {
      this.status(
        `“${id}” is not the id of a ${this.model.collection.singular}, so there is nothing to fill in. You can still add a new one below.`,
      );
      return;
    }
    if (!(await this.exists(id))) {
      this.status(
        `There is no ${this.model.collection.singular} with the id ${id} on the hub, so there is nothing to fill in. ` +
          'You can still add a new one below.',
      );
      return;
    }
    const record = await this.record(id);
    if (!record) {
      this.status(
        `The hub could not load ${id} just now, so there is nothing to fill in: check your connection, then reload the page. ` +
          'You can still add a new one below.',
      );
      return;
    }
    this.editing = { id, path: record.path, extension: /\.(md|yaml)$/.exec(record.path)?.[0] ?? '.md', data: record.data };
    const names = { organisationName: (organisation: string) => this.reference.organisations.get(organisation)?.name };
    fillForm(
      this.form,
      formValues(this.model, { organisation: parts.organisation, slug: parts.slug, data: record.data, body: record.body }, names),
      this.reference,
    );
    for (const name of ['organisation', 'slug']) {
      const input = this.form.elements.namedItem(name) as HTMLInputElement | null;
      if (input) input.readOnly = true;
      const hint = byId(`${name}-hint`);
      if (hint)
        hint.textContent =
          `This stays the same when you change a ${this.model.collection.singular}: ` +
          'other records refer to it by its organisation and short name.';
    }
    // A language's section opens when the record has something in it.
    for (const field of this.model.fields) {
      const translated = translationKey(field.key);
      if (translated && fieldValue(record.data, field.key) !== undefined)
        byId(`translations-${translated.language}`)?.setAttribute('open', '');
    }
    const heading = document.querySelector<HTMLElement>('h1[data-edit-title]');
    if (heading) {
      heading.textContent = heading.dataset.editTitle ?? heading.textContent;
      document.title = document.title.replace(/^[^–]+/, `${heading.textContent} `);
    }
    this.status(
      `You are changing “${String(record.data.title ?? id)}”. ` +
        'The form shows it as it is now; its organisation and short name stay the same.',
      { text: 'See it on the hub', href: withBase(this.base, `${id}/`) },
    );
  }

  answers(): Answers {
    return readAnswers(this.model, new FormData(this.form), {
      organisationId: (text) => organisationFor(this.reference, text),
      ...(this.editing ? { previous: this.editing.data } : {}),
    });
  }

  /** The hub's default licence (hub.config.yaml), which the page gives the form, as the checks suggest it. */
  defaultLicence(): Licence {
    const id = this.form.dataset.defaultLicence ?? '';
    return this.reference.licences.get(id) ?? { id, name: id, url: '', open: true, osiApproved: false };
  }

  async context(answers: Answers): Promise<{ context: CheckContext; idTaken: boolean }> {
    const ids = referencedRecordIds(answers.fields);
    const found = await Promise.all(ids.map((id) => this.exists(id)));
    const ownId = `${this.model.collection.name}/${answers.organisation}/${answers.slug}`;
    const idTaken = !this.editing && isSlug(answers.slug) && (await this.exists(ownId));
    const context: CheckContext = {
      organisations: new Map(
        [...this.reference.organisations].map(([id, organisation]) => [id, { demonstration: organisation.demonstration }]),
      ),
      recordIds: new Set(ids.filter((_, index) => found[index])),
      themeIds: new Set(this.reference.themes.keys()),
      services: new Map([...this.reference.services].map(([id, label]) => [id, { id, label, description: '', uri: '' } satisfies Service])),
      serviceList: this.reference.serviceList,
      licences: new Map([...this.reference.licences].map(([id, licence]) => [id, licence satisfies Licence])),
      defaultLicence: this.defaultLicence(),
      today: new Date().toISOString().slice(0, 10),
    };
    return { context, idTaken };
  }

  async check(): Promise<void> {
    const answers = this.answers();
    const { context, idTaken } = await this.context(answers);
    const problems = checkAnswers(this.model, answers, context, { idTaken });
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      const result = byId('result');
      if (result) result.hidden = true;
      showErrors(this.form, errors);
      return;
    }
    clearErrors(this.form);
    await this.showResult(
      answers,
      problems.filter((problem) => problem.severity === 'warning'),
    );
  }

  /** What record-fields.ts needs to name things, from the page's reference data and the records fetched. */
  lookups(titles: Map<string, string>): FieldLookups {
    const { reference } = this;
    return {
      page: (path) => withBase(this.base, path),
      organisationName: (id) => reference.organisations.get(id)?.name,
      serviceLabel: (id) => reference.services.get(id),
      serviceCode: (id) => `${reference.serviceList.abbreviation} ${id}`,
      themeLabel: (id) => reference.themes.get(id),
      licence: (id) => reference.licences.get(id),
      recordTitle: (id) => titles.get(id),
    };
  }

  async showResult(answers: Answers, warnings: FormProblem[]): Promise<void> {
    const result = byId('result');
    const preview = byId('preview');
    if (!result || !preview) return;
    const { previewMarkdown } = await import('../../lib/contribute/preview-markdown.ts');
    const titles = new Map<string, string>();
    for (const id of referencedRecordIds(answers.fields)) {
      const record = await this.record(id);
      if (typeof record?.data.title === 'string') titles.set(id, record.data.title);
    }
    renderPreview(preview, {
      model: this.model,
      answers,
      organisationName: this.reference.organisations.get(answers.organisation)?.name ?? answers.organisation,
      lookups: this.lookups(titles),
      defaultLicence: this.defaultLicence().id,
      bodyHtml: previewMarkdown(answers.body),
    });

    showWarnings(warnings);

    const file = recordFile(this.model.collection.name, answers, this.editing ? { extension: this.editing.extension } : {});
    this.file = file;
    const path = byId('file-path');
    const text = byId('file-text');
    if (path) path.textContent = file.path;
    if (text) text.textContent = file.text;

    const propose = byId<HTMLAnchorElement>('propose');
    const issue = byId<HTMLAnchorElement>('issue');
    const copy = byId('copy');
    const notes: string[] = [];
    const editing = this.editing;
    byId('send-new')!.hidden = Boolean(editing);
    byId('send-edit')!.hidden = !editing;
    if (copy) copy.hidden = !editing;
    if (propose) {
      const movesFile = editing && editing.path !== file.path;
      const href = editing && !movesFile ? editFileUrl(this.config, editing.path) : newFileUrl(this.config, file.path, file.text);
      propose.firstChild!.textContent = editing && !movesFile ? 'Open the file on GitHub' : 'Propose on GitHub';
      propose.href = href;
      propose.hidden = !fitsGitHub(href);
      if (movesFile)
        notes.push(
          `Adding text turns ${editing.path} into ${file.path}: ` +
            'propose the new file on GitHub and mention in the pull request that the old one should go, or send it as an issue.',
        );
      if (!fitsGitHub(href)) {
        notes.push(
          `Your ${this.model.collection.singular} is too long to give GitHub in a link ` +
            `(GitHub takes about ${MAX_URL_LENGTH.toLocaleString('en-GB')} characters). ` +
            `Download the file, then on GitHub add it as ${file.path} with “Add file”.`,
        );
        if (copy) copy.hidden = false;
      }
    }
    if (issue) {
      const href = issueUrl(this.config, this.model, answers);
      issue.href = href;
      issue.hidden = !fitsGitHub(href);
      if (!fitsGitHub(href))
        notes.push('It is also too long to send as an issue in a link: download the file and attach it to an issue instead.');
    }
    showSendingNotes(notes);

    result.hidden = false;
    const heading = byId('result-heading');
    heading?.focus();
  }

  /** The file the result shows, for its download and copy buttons. */
  offeredFile(): OfferedFile | undefined {
    if (!this.file) return undefined;
    const name = this.file.path.split('/').pop() ?? 'record.md';
    return { name, text: this.file.text, type: name.endsWith('.md') ? 'text/markdown' : 'application/yaml' };
  }
}
