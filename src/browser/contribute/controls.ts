/**
 * The contribution form's controls that need a script: the finders (type-ahead over a <datalist>, each
 * choice added as a ticked checkbox), repeatable rows ("Add another link"), the character counts, the
 * short name suggested from the title, and filling the form in from a record's values; and what the
 * record form and the organisation form both do when their script starts (setUpForm).
 *
 * Light on purpose: the form pages run this as they open, so it imports no schema (and so no zod).
 */
import {
  organisationChoice,
  organisationIdIn,
  serviceChoice,
  serviceIdIn,
  serviceLabelIn,
  type ChoicesFile,
} from '../../lib/contribute/choices.ts';
import { rowCounts } from '../../lib/contribute/control-names.ts';
import { slugify } from '../../lib/slug.ts';
import { followSummaryLinks, showFieldError } from './errors.ts';

export interface Reference {
  organisations: Map<string, { name: string; demonstration: boolean }>;
  services: Map<number, string>;
  /** The hub's service list, from the form's data-service-list and data-service-abbreviation (hub.config.yaml). */
  serviceList: { name: string; abbreviation: string };
  themes: Map<string, string>;
  licences: Map<string, { id: string; name: string; url: string; open: boolean; osiApproved: boolean }>;
}

/**
 * Fills the page's empty datalists (#organisations-list, #services-list) with the choices, as
 * "Name (id)" and "Label (LGSL 524)" (`abbreviation`: the service list's), the organisations' options with their id and whether the body is
 * a demonstration one, as readReference reads them.
 */
export function fillChoices(choices: Partial<ChoicesFile>, abbreviation = 'service'): void {
  const organisations = document.getElementById('organisations-list');
  if (organisations && choices.organisations) {
    organisations.replaceChildren(
      ...choices.organisations.map(([id, name, demonstration]) => {
        const option = new Option('', organisationChoice(name, id));
        option.dataset.id = id;
        if (demonstration) option.dataset.demonstration = 'true';
        return option;
      }),
    );
  }
  const services = document.getElementById('services-list');
  if (services && choices.services)
    services.replaceChildren(...choices.services.map(([id, label]) => new Option('', serviceChoice(label, id, abbreviation))));
}

/**
 * The reference data, once the choices have come from `url` (/contribute/choices.json) into the
 * page's datalists: asked for at once, and again on the next call if it failed (the promise then
 * rejects, for the caller to say so).
 */
export function loadChoices(form: HTMLFormElement, url: string): () => Promise<Reference> {
  let loading: Promise<Reference> | undefined;
  const load = (): Promise<Reference> =>
    (loading ??= fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return response.json() as Promise<ChoicesFile>;
      })
      .then((choices) => {
        fillChoices(choices, serviceListOf(form).abbreviation);
        return readReference(form);
      })
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
  // Started now, so that the list is there by the time anyone types; a failure is reported when used.
  load().catch(() => {});
  return load;
}

/** What the hub's service list is called, as the form page says (hub.config.yaml). */
function serviceListOf(form: HTMLFormElement): Reference['serviceList'] {
  return { name: form.dataset.serviceList ?? 'service list', abbreviation: form.dataset.serviceAbbreviation ?? 'service' };
}

/** The reference data the page carries in its datalists, checkboxes and select. */
export function readReference(form: HTMLFormElement): Reference {
  const serviceList = serviceListOf(form);
  const organisations = new Map<string, { name: string; demonstration: boolean }>();
  for (const option of form.querySelectorAll<HTMLOptionElement>('#organisations-list option')) {
    const id = option.dataset.id ?? organisationIdIn(option.value);
    if (id)
      organisations.set(id, {
        name: option.value.replace(/\s*\([^()]*\)\s*$/, ''),
        demonstration: option.dataset.demonstration === 'true',
      });
  }
  const services = new Map<number, string>();
  for (const option of form.querySelectorAll<HTMLOptionElement>('#services-list option')) {
    const id = serviceIdIn(option.value, serviceList.abbreviation);
    if (id !== undefined) services.set(id, serviceLabelIn(option.value, serviceList.abbreviation));
  }
  const themes = new Map<string, string>();
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="themes"]'))
    themes.set(input.value, input.labels?.[0]?.textContent?.trim() ?? input.value);
  const licences = new Map<string, { id: string; name: string; url: string; open: boolean; osiApproved: boolean }>();
  for (const option of form.querySelectorAll<HTMLOptionElement>('select[name="licence"] option')) {
    if (!option.value) continue;
    licences.set(option.value, {
      id: option.value,
      name: option.dataset.name ?? option.value,
      url: option.dataset.url ?? '',
      open: option.dataset.open === 'true',
      osiApproved: option.dataset.osi === 'true',
    });
  }
  return { organisations, services, serviceList, themes, licences };
}

/** An organisation id for what was typed: "Name (id)", an id, or a name. */
export function organisationFor(reference: Reference, text: string): string | undefined {
  const value = text.trim();
  const inBrackets = organisationIdIn(value);
  if (inBrackets && reference.organisations.has(inBrackets)) return inBrackets;
  if (reference.organisations.has(value.toLowerCase())) return value.toLowerCase();
  const lower = value.toLowerCase();
  for (const [id, organisation] of reference.organisations) if (organisation.name.toLowerCase() === lower) return id;
  return undefined;
}

function serviceFor(reference: Reference, text: string): number | undefined {
  const id = serviceIdIn(text, reference.serviceList.abbreviation);
  if (id !== undefined && reference.services.has(id)) return id;
  const lower = text.trim().toLowerCase();
  for (const [candidate, label] of reference.services) if (label.toLowerCase() === lower) return candidate;
  return undefined;
}

let announce: (text: string) => void = () => {};

/** A polite live region, for what a control did ("Added …"). */
export function setUpAnnouncer(form: HTMLFormElement): void {
  const region = document.createElement('div');
  region.className = 'govuk-visually-hidden';
  region.setAttribute('role', 'status');
  form.append(region);
  announce = (text) => {
    region.textContent = '';
    window.setTimeout(() => (region.textContent = text), 50);
  };
}

/** Ticks a choice in a finder's list, adding it when it is not there yet. */
export function choose(form: HTMLFormElement, key: string, value: string, label: string): void {
  const chosen = form.querySelector(`[data-chosen="${CSS.escape(key)}"]`);
  if (!chosen) return;
  const existing = [...chosen.querySelectorAll<HTMLInputElement>('input')].find((input) => input.value === value);
  if (existing) {
    existing.checked = true;
    return;
  }
  const id = `${key}-chosen-${value.replace(/[^a-z0-9-]/gi, '-')}`;
  const item = document.createElement('div');
  item.className = 'govuk-checkboxes__item';
  const input = document.createElement('input');
  Object.assign(input, { className: 'govuk-checkboxes__input', id, name: key, type: 'checkbox', value, checked: true });
  const text = document.createElement('label');
  text.className = 'govuk-label govuk-checkboxes__label';
  text.htmlFor = id;
  text.textContent = label;
  item.append(input, text);
  chosen.append(item);
}

/** Empties a finder's list of choices. */
function clearChosen(form: HTMLFormElement, key: string): void {
  form.querySelector(`[data-chosen="${CSS.escape(key)}"]`)?.replaceChildren();
}

/**
 * The finders: type a name, pick it from the list (or press Enter or the button) and it is added,
 * ticked. `reference` gives the choices once they have loaded.
 */
export function setUpFinders(form: HTMLFormElement, reference: () => Promise<Reference>, failed: (error: unknown) => void): void {
  for (const finder of form.querySelectorAll<HTMLElement>('[data-finder]')) {
    const key = finder.dataset.field!;
    const kind = finder.dataset.finder;
    const input = finder.querySelector<HTMLInputElement>(`#${CSS.escape(key)}`);
    const button = finder.querySelector<HTMLButtonElement>(`[data-add="${CSS.escape(key)}"]`);
    if (!input || !button) continue;
    const add = async (quiet: boolean) => {
      const text = input.value.trim();
      if (!text) return;
      let loaded: Reference;
      try {
        loaded = await reference();
      } catch (error) {
        if (!quiet) failed(error);
        return;
      }
      if (kind === 'services') {
        const id = serviceFor(loaded, text);
        if (id === undefined) {
          if (!quiet)
            showFieldError(form, {
              group: key,
              target: key,
              message: `Choose a service from the list: “${text}” is not in the ${loaded.serviceList.name}`,
            });
          return;
        }
        choose(form, key, String(id), serviceChoice(loaded.services.get(id)!, id, loaded.serviceList.abbreviation));
        announce(`Added ${loaded.services.get(id)}`);
      } else {
        const id = organisationFor(loaded, text);
        if (id === undefined) {
          if (!quiet)
            showFieldError(form, {
              group: key,
              target: key,
              message: `Choose an organisation from the list: there is no “${text}” on the hub`,
            });
          return;
        }
        choose(form, key, id, organisationChoice(loaded.organisations.get(id)!.name, id));
        announce(`Added ${loaded.organisations.get(id)!.name}`);
      }
      input.value = '';
    };
    button.addEventListener('click', () => void add(false));
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void add(false);
    });
    // Choosing from the datalist replaces the text in one go: add it straight away.
    input.addEventListener('input', (event) => {
      if ((event as InputEvent).inputType === 'insertReplacementText' || (event as InputEvent).inputType === undefined) void add(true);
    });
  }
}

/** Rows of a repeatable group, renumbered: ids, names, labels and legends follow a row's new index. */
function renumber(row: Element, key: string, from: number, to: number): void {
  const idFrom = `${key}-${from}-`;
  const nameFrom = `${key}[${from}]`;
  for (const element of [row, ...row.querySelectorAll('*')]) {
    for (const attribute of ['id', 'for', 'data-field', 'aria-describedby']) {
      const value = element.getAttribute(attribute);
      if (value?.includes(idFrom)) element.setAttribute(attribute, value.replaceAll(idFrom, `${key}-${to}-`));
    }
    const name = element.getAttribute('name');
    if (name?.startsWith(nameFrom)) element.setAttribute('name', `${key}[${to}]${name.slice(nameFrom.length)}`);
  }
  (row as HTMLElement).dataset.row = String(to);
}

function relabel(container: Element, singular: string): void {
  [...container.children].forEach((row, index) => {
    const legend = row.querySelector('legend');
    if (legend) legend.textContent = `${singular} ${index + 1}`;
    const remove = row.querySelector('[data-remove]');
    // "Remove link 2", but "Remove CKAN portal 2": only a capitalised word is lowered.
    if (remove) remove.textContent = `Remove ${/^[A-Z][a-z]/.test(singular) ? singular.toLowerCase() : singular} ${index + 1}`;
  });
}

function blank(row: Element): void {
  for (const input of row.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'))
    input.value = '';
  for (const message of row.querySelectorAll('[data-hub-error]')) message.remove();
  for (const group of row.querySelectorAll('.govuk-form-group--error')) group.classList.remove('govuk-form-group--error');
  for (const input of row.querySelectorAll('.govuk-input--error')) input.classList.remove('govuk-input--error');
}

interface Repeat {
  key: string;
  container: HTMLElement;
  template: Element;
  next: number;
  max: number;
  add: HTMLButtonElement | null;
  singular: string;
}

const repeats = new Map<string, Repeat>();

function refresh(repeat: Repeat): void {
  relabel(repeat.container, repeat.singular);
  if (repeat.add) repeat.add.hidden = repeat.container.children.length >= repeat.max;
}

function addRow(repeat: Repeat): Element {
  const row = repeat.template.cloneNode(true) as Element;
  renumber(row, repeat.key, 0, repeat.next++);
  repeat.container.append(row);
  refresh(repeat);
  return row;
}

/** Sets a group to `count` blank rows, numbered 0 to count - 1 (for filling in a record). */
export function resetRows(key: string, count: number): void {
  const repeat = repeats.get(key);
  if (!repeat) return;
  repeat.container.replaceChildren();
  repeat.next = 0;
  for (let index = 0; index < Math.max(1, count); index++) addRow(repeat);
}

/** "Add another link" and "Remove link 2". */
export function setUpRows(form: HTMLFormElement): void {
  for (const group of form.querySelectorAll<HTMLElement>('[data-repeat]')) {
    const key = group.dataset.repeat!;
    const container = group.querySelector<HTMLElement>(`[data-rows="${CSS.escape(key)}"]`);
    const first = container?.firstElementChild;
    if (!container || !first) continue;
    const template = first.cloneNode(true) as Element;
    blank(template);
    const legend = first.querySelector('legend')?.textContent?.trim() ?? key;
    const repeat: Repeat = {
      key,
      container,
      template,
      next: container.children.length,
      max: Number(group.dataset.max) || 20,
      add: group.querySelector<HTMLButtonElement>(`[data-add-row="${CSS.escape(key)}"]`),
      singular: legend.replace(/\s*\d+$/, ''),
    };
    repeats.set(key, repeat);
    refresh(repeat);
    repeat.add?.addEventListener('click', () => {
      const row = addRow(repeat);
      row.querySelector('input')?.focus();
      announce(`${repeat.singular} ${repeat.container.children.length} added`);
    });
    container.addEventListener('click', (event) => {
      const remove = (event.target as Element).closest('[data-remove]');
      const row = remove?.closest('[data-row]');
      if (!row) return;
      if (container.children.length > 1) {
        const index = [...container.children].indexOf(row);
        row.remove();
        refresh(repeat);
        const focus = container.children[Math.max(0, index - 1)]?.querySelector('input') ?? repeat.add;
        focus?.focus();
        announce(`${repeat.singular} removed`);
      } else {
        blank(row);
        row.querySelector('input')?.focus();
        announce(`${repeat.singular} cleared`);
      }
    });
  }
}

/** GOV.UK's character count wording, updated as people type ("You have 12 characters remaining"). */
export function setUpCounts(form: HTMLFormElement): void {
  for (const group of form.querySelectorAll<HTMLElement>('.govuk-character-count[data-maxlength]')) {
    const textarea = group.querySelector('textarea');
    const message = textarea ? document.getElementById(`${textarea.id}-info`) : null;
    const limit = Number(group.dataset.maxlength);
    if (!textarea || !message || !limit) continue;
    const update = () => {
      const left = limit - textarea.value.length;
      const plural = (count: number) => (count === 1 ? 'character' : 'characters');
      message.textContent =
        textarea.value.length === 0
          ? `You can enter up to ${limit} characters`
          : left >= 0
            ? `You have ${left} ${plural(left)} remaining`
            : `You have ${-left} ${plural(-left)} too many`;
      message.classList.toggle('govuk-error-message', left < 0);
      message.classList.toggle('govuk-hint', left >= 0);
    };
    textarea.addEventListener('input', update);
    update();
  }
}

/** Suggests the short name from the title, until someone writes their own. */
export function setUpSlug(form: HTMLFormElement): void {
  const title = form.elements.namedItem('title') as HTMLInputElement | null;
  const slug = form.elements.namedItem('slug') as HTMLInputElement | null;
  if (!title || !slug) return;
  slug.addEventListener('input', () => {
    slug.dataset.own = slug.value.trim() === '' ? '' : 'true';
  });
  title.addEventListener('input', () => {
    if (slug.dataset.own !== 'true' && !slug.readOnly) slug.value = slugify(title.value);
  });
}

/** Fills the form in from control names and values (answers.ts formValues). */
export function fillForm(form: HTMLFormElement, values: Map<string, string[]>, reference: Reference): void {
  // Repeatable groups first, so that their rows exist.
  const counts = rowCounts(values.keys());
  for (const key of repeats.keys()) resetRows(key, counts.get(key) ?? 0);
  for (const finder of form.querySelectorAll<HTMLElement>('[data-finder]')) clearChosen(form, finder.dataset.field!);
  for (const [name, list] of values) {
    const finder = form.querySelector<HTMLElement>(`[data-finder][data-field="${CSS.escape(name)}"]`);
    if (finder) {
      for (const value of list) {
        if (finder.dataset.finder === 'services') {
          const label = reference.services.get(Number(value));
          const { abbreviation } = reference.serviceList;
          choose(form, name, value, label ? serviceChoice(label, Number(value), abbreviation) : `${abbreviation} ${value}`);
        } else {
          const organisation = reference.organisations.get(value);
          choose(form, name, value, organisation ? organisationChoice(organisation.name, value) : value);
        }
      }
      continue;
    }
    const item = form.elements.namedItem(name);
    if (!item) continue;
    const elements = item instanceof RadioNodeList ? [...item] : [item];
    for (const element of elements) {
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio'))
        element.checked = list.includes(element.value);
      else if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)
        element.value = list[0] ?? '';
    }
  }
  for (const textarea of form.querySelectorAll('textarea')) textarea.dispatchEvent(new Event('input'));
}

/**
 * Says something in a status paragraph of the page (role="status", hidden until it has something to say), with a link after it if
 * given.
 */
export function showStatus(id: string, text: string, link?: { text: string; href: string }): void {
  const status = document.getElementById(id);
  if (!status) return;
  status.replaceChildren(text);
  if (link) {
    const anchor = document.createElement('a');
    anchor.className = 'govuk-link';
    anchor.href = link.href;
    anchor.textContent = link.text;
    status.append(' ', anchor, '.');
  }
  status.hidden = false;
}

/**
 * What the record form and the organisation form both do when their script starts: show the form in
 * place of the notice that it needs JavaScript (#no-script); set up the controls both have (the
 * announcer, repeatable rows, character counts) and the error summary's links; check the answers when
 * the form is sent; and call `stale` on any change, since a result shown no longer matches the answers.
 */
export function setUpForm(form: HTMLFormElement, on: { check: () => Promise<void>; stale: () => void }): void {
  form.hidden = false;
  const notice = document.getElementById('no-script');
  if (notice) notice.hidden = true;
  setUpAnnouncer(form);
  setUpRows(form);
  setUpCounts(form);
  followSummaryLinks();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void on.check();
  });
  form.addEventListener('input', on.stale);
  form.addEventListener('change', on.stale);
}
