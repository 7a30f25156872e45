/**
 * /contribute/organisation/ in the browser: a type-ahead over the organisations (the page's <datalist>,
 * filled from its A to Z) that opens the chosen body's form page, and ?id=<id> opening it straight away.
 * Without this script the page's A to Z links do the same.
 *
 * From a component's "We use this" (?uses=<component id>, src/lib/we-use-this.ts), every way to a body's
 * form carries the component on, and the page says so: the form then adds it to the components used.
 */
import type { ChoicesFile } from '../../lib/contribute/choices.ts';
import { withBase } from '../../lib/urls.ts';
import { askedComponent, withUse } from '../../lib/we-use-this.ts';
import { fillChoices, organisationFor, readReference, showStatus } from './controls.ts';
import { clearErrors, followSummaryLinks, showErrors } from './errors.ts';

/** The bodies of the A to Z: each link goes to …/contribute/organisation/<id>/ and its text starts with the name. */
function organisationsListed(): ChoicesFile['organisations'] {
  return [...document.querySelectorAll<HTMLAnchorElement>('.hub-organisation-list a')].flatMap((link): ChoicesFile['organisations'] => {
    const id = /\/([a-z0-9-]+)\/$/.exec(new URL(link.href).pathname)?.[1];
    const name = link.firstChild?.textContent?.trim();
    return id && name ? [[id, name]] : [];
  });
}

function start(form: HTMLFormElement): void {
  const base = form.dataset.base ?? '/';
  // The organisations, into the page's <datalist>, then read from it as the record form reads its own.
  fillChoices({ organisations: organisationsListed() });
  const reference = readReference(form);
  const component = askedComponent(window.location.search);
  const formPage = (id: string) => {
    const page = withBase(base, `contribute/organisation/${id}/`);
    return component ? withUse(page, component) : page;
  };

  const asked = new URLSearchParams(window.location.search).get('id');
  if (asked && reference.organisations.has(asked)) {
    window.location.replace(formPage(asked));
    return;
  }
  if (component) {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.hub-organisation-list a')) link.href = withUse(link.href, component);
    showStatus('uses-status', `Choose your organisation: its form opens with ${component} added to the components it uses.`);
  }
  form.hidden = false;
  followSummaryLinks();
  const input = form.elements.namedItem('organisation') as HTMLInputElement;
  if (asked) {
    input.value = asked;
    showErrors(form, [
      {
        severity: 'error',
        field: 'organisation',
        target: 'organisation',
        group: 'organisation',
        message: `There is no organisation “${asked}” on the hub: choose yours from the list`,
      },
    ]);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const id = text === '' ? undefined : organisationFor(reference, text);
    if (id) {
      clearErrors(form);
      window.location.assign(formPage(id));
      return;
    }
    const message = text === '' ? 'Choose your organisation' : `There is no organisation “${text}” on the hub: choose yours from the list`;
    showErrors(form, [{ severity: 'error', field: 'organisation', target: 'organisation', group: 'organisation', message }]);
  });
}

const form = document.getElementById('organisation-picker');
if (form instanceof HTMLFormElement) start(form);
