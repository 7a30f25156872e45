/**
 * The organisation form (/contribute/organisation/<id>/), in the browser. The page is static; this script:
 *   1. shows the form (hidden without JavaScript, when the page offers GitHub's editor and the issue form);
 *   2. fills it in from the body's /contribute/organisations/<id>.json: its editable fields, and its file;
 *   3. on "Check your changes", reads the answers (answers.ts), asks the hub whether the components used
 *      exist, and checks the organisation as it would be with them, with the validator's schema and
 *      checks (organisation-check.ts);
 *   4. shows any errors GOV.UK's way (errors.ts), or else what changes, the file with only those fields
 *      changed (organisation-file.ts), and the ways to send it: copied for GitHub's editor of the file, a
 *      download, and the organisation issue form with the changes filled in (github.ts; the warnings, the
 *      download and the copy as the record form has them, result.ts).
 * Arriving from a component's "We use this" (?uses=<component id>), it adds the component to the
 * components used, after the others, once the form is filled in, and says so, or why not
 * (src/lib/we-use-this.ts): the change is then checked and sent as any other.
 */
import { parseRecordId } from '../../lib/record-id.ts';
import { formValues, readAnswers, type Answers } from '../../lib/contribute/answers.ts';
import { referencedRecordIds, type FormProblem } from '../../lib/contribute/check.ts';
import { organisationFormFile, readJson, recordIdsIn, type OrganisationFormFile } from '../../lib/contribute/form-files.ts';
import { editFileUrl, fitsGitHub, MAX_URL_LENGTH, organisationIssueUrl } from '../../lib/contribute/github.ts';
import { changeLines } from '../../lib/contribute/organisation-changes.ts';
import {
  checkOrganisationAnswers,
  organisationCheckContext,
  type OrganisationFormReference,
} from '../../lib/contribute/organisation-check.ts';
import { formEdit, updateOrganisationFile, type UpdatedOrganisation } from '../../lib/contribute/organisation-file.ts';
import { organisationFormModel } from '../../lib/contribute/organisation-model.ts';
import type { SiteConfig } from '../../lib/site-config.ts';
import { withBase } from '../../lib/urls.ts';
import { askedComponent, componentOwner, declarationMessage, declareUse, USES_PARAMETER } from '../../lib/we-use-this.ts';
import { byId } from '../dom.ts';
import { fillForm, setUpForm, showStatus, type Reference } from './controls.ts';
import { clearErrors, showErrors } from './errors.ts';
import { setUpFileButtons, showSendingNotes, showWarnings, type OfferedFile } from './result.ts';

type Stored = OrganisationFormFile;

/** The form has no finders, so the controls need no reference data to fill it in. */
const NO_REFERENCE: Reference = {
  organisations: new Map(),
  services: new Map(),
  serviceList: { name: 'service list', abbreviation: 'service' },
  themes: new Map(),
  licences: new Map(),
};

class OrganisationForm {
  readonly model = organisationFormModel();
  readonly form: HTMLFormElement;
  readonly id: string;
  readonly name: string;
  readonly config: SiteConfig;
  readonly base: string;
  stored: Stored['organisation'] | undefined;
  /** Every field of the organisation as the hub has it (read from its file). */
  current: Record<string, unknown> = {};
  updated: UpdatedOrganisation | undefined;
  reference: Promise<OrganisationFormReference> | undefined;
  /** Each organisation asked about: its record ids, or an empty set when it could not be read. */
  readonly records = new Map<string, Promise<Set<string>>>();

  constructor(form: HTMLFormElement) {
    this.form = form;
    this.id = form.dataset.organisation ?? '';
    this.name = form.dataset.name ?? this.id;
    this.config = { repository: form.dataset.repository ?? '', branch: form.dataset.branch ?? 'main' };
    this.base = form.dataset.base ?? '/';
  }

  start(): void {
    setUpForm(this.form, {
      check: () => this.check(),
      // Answers changed after the result was shown: it no longer shows them, so it goes until they are checked again.
      stale: () => {
        for (const id of ['result', 'nothing-changed']) {
          const element = byId(id);
          if (element && !element.hidden) element.hidden = true;
        }
      },
    });
    setUpFileButtons(() => this.offeredFile());
    void this.load();
  }

  status(text: string): void {
    showStatus('load-status', text);
  }

  /** The record ids of an organisation, from its /contribute/organisations/<id>.json. */
  recordsOf(organisation: string): Promise<Set<string>> {
    let found = this.records.get(organisation);
    if (!found) {
      found = fetch(withBase(this.base, organisationFormFile(organisation)))
        .then((response) => (response.ok ? readJson<Pick<Stored, 'records'>>(response) : { records: {} }))
        .then((stored): Set<string> => new Set(recordIdsIn({ id: organisation, records: stored.records })))
        .catch(() => new Set<string>());
      this.records.set(organisation, found);
    }
    return found;
  }

  async load(): Promise<void> {
    const check = byId<HTMLButtonElement>('check-answers');
    if (check) check.disabled = true;
    try {
      const response = await fetch(withBase(this.base, organisationFormFile(this.id)));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const stored = await readJson<Stored>(response);
      this.stored = stored.organisation;
      this.records.set(this.id, Promise.resolve(new Set(recordIdsIn({ id: this.id, records: stored.records }))));
      this.current = updateOrganisationFile(stored.organisation.text, {}).data;
      fillForm(this.form, formValues(this.model, { organisation: this.id, slug: '', data: stored.organisation.fields }), NO_REFERENCE);
    } catch {
      this.status(
        `The hub could not load ${this.name}’s details just now, so the form cannot show them. ` +
          'Reload the page to try again, or use one of the other ways below.',
      );
      return;
    }
    await this.addAskedUse();
    if (check) check.disabled = false;
  }

  /** What the answers are checked against, fetched once (and again after a failure). */
  loadReference(): Promise<OrganisationFormReference> {
    this.reference ??= fetch(withBase(this.base, 'contribute/organisation/reference.json')).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<OrganisationFormReference>;
    });
    this.reference.catch(() => (this.reference = undefined));
    return this.reference;
  }

  /**
   * From a component's "We use this": the component added to the components used (a box with one id a
   * line, the body's own kept above it), if it is on the hub and on the same side of the line between
   * real and demonstration bodies as this one; and a line saying what happened.
   */
  async addAskedUse(): Promise<void> {
    const search = window.location.search;
    const box = this.form.elements.namedItem('uses');
    if (!new URLSearchParams(search).has(USES_PARAMETER) || !(box instanceof HTMLTextAreaElement)) return;
    const label = this.model.fields.find((field) => field.key === 'uses')?.label ?? 'Components used';
    const uses = box.value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const component = askedComponent(search);
    const owner = component === undefined ? undefined : componentOwner(component);
    let declaration = declareUse({ name: this.name, demonstration: false, uses }, undefined);
    if (component !== undefined && owner !== undefined) {
      let reference: OrganisationFormReference;
      try {
        reference = await this.loadReference();
      } catch {
        this.status(`The hub could not check ${component} just now, so it is not added to “${label}”. Reload the page to try again.`);
        return;
      }
      const demonstration = Object.hasOwn(reference.organisations, owner) ? reference.organisations[owner] : undefined;
      const exists = demonstration !== undefined && (await this.recordsOf(owner)).has(component);
      const declaring = { name: this.name, demonstration: reference.organisations[this.id] === true, uses };
      declaration = declareUse(declaring, { id: component, exists, demonstration });
    }
    if (declaration.outcome === 'added') {
      box.value = declaration.uses.join('\n');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    this.status(declarationMessage(declaration, this.name, label));
  }

  answers(): Answers {
    return readAnswers(this.model, new FormData(this.form), { previous: this.stored?.fields ?? {} });
  }

  /** Which of the components named exist on the hub, asked of their organisations' files. */
  async knownRecords(answers: Answers, reference: OrganisationFormReference): Promise<string[]> {
    const ids = referencedRecordIds(answers.fields);
    const found = await Promise.all(
      ids.map(async (id) => {
        const owner = parseRecordId(id)?.organisation;
        return owner !== undefined && owner in reference.organisations && (await this.recordsOf(owner)).has(id);
      }),
    );
    return ids.filter((_, index) => found[index]);
  }

  async check(): Promise<void> {
    const stored = this.stored;
    if (!stored) return;
    let reference: OrganisationFormReference;
    try {
      reference = await this.loadReference();
    } catch {
      this.status('The hub could not load what it checks answers against just now. Press “Check your changes” again in a moment.');
      return;
    }
    const answers = this.answers();
    const context = organisationCheckContext(reference, await this.knownRecords(answers, reference), new Date().toISOString().slice(0, 10));
    const problems = checkOrganisationAnswers(this.model, answers, { id: this.id, data: this.current }, context);
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      for (const id of ['result', 'nothing-changed']) byId(id)!.hidden = true;
      showErrors(this.form, errors);
      return;
    }
    clearErrors(this.form);
    const updated = updateOrganisationFile(
      stored.text,
      formEdit(
        answers.fields,
        this.model.fields.map((field) => field.key),
      ),
    );
    this.updated = updated;
    if (updated.changed.length === 0) {
      byId('result')!.hidden = true;
      const nothing = byId('nothing-changed')!;
      nothing.hidden = false;
      nothing.focus();
      return;
    }
    byId('nothing-changed')!.hidden = true;
    this.showResult(
      updated,
      problems.filter((problem) => problem.severity === 'warning'),
    );
  }

  showResult(updated: UpdatedOrganisation, warnings: FormProblem[]): void {
    const stored = this.stored!;
    const changes = byId('changes');
    if (changes) {
      changes.replaceChildren(
        ...changeLines(this.model, updated.changed, updated.data).map((line) => {
          const row = document.createElement('div');
          row.className = 'govuk-summary-list__row';
          const key = Object.assign(document.createElement('dt'), { className: 'govuk-summary-list__key', textContent: line.label });
          const value = Object.assign(document.createElement('dd'), { className: 'govuk-summary-list__value' });
          if (line.now.length === 1) value.textContent = line.now[0]!;
          else {
            const list = Object.assign(document.createElement('ul'), { className: 'govuk-list' });
            list.append(...line.now.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
            value.append(list);
          }
          row.append(key, value);
          return row;
        }),
      );
    }
    showWarnings(warnings);
    const text = byId('file-text');
    if (text) text.textContent = updated.text;

    const notes: string[] = [];
    const propose = byId<HTMLAnchorElement>('propose');
    if (propose) propose.href = editFileUrl(this.config, stored.path);
    const issue = byId<HTMLAnchorElement>('issue');
    if (issue) {
      const href = organisationIssueUrl(this.config, { id: this.id, name: this.name }, updated.changed, updated.data);
      issue.href = href;
      issue.hidden = !fitsGitHub(href);
      if (!fitsGitHub(href))
        notes.push(
          `Your changes are too long to give GitHub in a link (GitHub takes about ${MAX_URL_LENGTH.toLocaleString('en-GB')} characters), ` +
            'so “Send as an issue” is not offered: copy the new text into GitHub’s editor instead, ' +
            'or download the file and attach it to an issue.',
        );
    }
    showSendingNotes(notes);
    byId('result')!.hidden = false;
    byId('result-heading')?.focus();
  }

  /** The file the result shows, for its download and copy buttons. */
  offeredFile(): OfferedFile | undefined {
    if (!this.updated || !this.stored) return undefined;
    return { name: this.stored.path.split('/').pop() ?? 'organisation.yaml', text: this.updated.text, type: 'application/yaml' };
  }
}

const form = document.getElementById('organisation-form');
if (form instanceof HTMLFormElement) new OrganisationForm(form).start();
