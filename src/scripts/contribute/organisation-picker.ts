/**
 * /contribute/organisation/ in the browser: a type-ahead over the organisations (the page's <datalist>)
 * that opens the chosen body's form page, and ?id=<id> opening it straight away. Without this script the
 * page's A to Z links do the same.
 */
import { organisationIdIn } from '../../lib/contribute/answers.ts';
import { withBase } from '../../lib/urls.ts';
import { clearErrors, followSummaryLinks, showErrors } from './errors.ts';

function start(form: HTMLFormElement): void {
  const base = form.dataset.base ?? '/';
  const options = [...form.querySelectorAll<HTMLOptionElement>('#organisations-list option')];
  const ids = new Set(options.map((option) => option.dataset.id ?? ''));
  const formPage = (id: string) => withBase(base, `contribute/organisation/${id}/`);

  /** The id for what was typed: "Name (id)", an id, or a name as listed (any case). */
  const idFor = (text: string): string | undefined => {
    const value = text.trim();
    const inBrackets = organisationIdIn(value);
    if (inBrackets && ids.has(inBrackets)) return inBrackets;
    if (ids.has(value.toLowerCase())) return value.toLowerCase();
    const name = value.toLowerCase();
    return options.find((option) => option.value.replace(/\s*\([^()]*\)\s*$/, '').toLowerCase() === name)?.dataset.id;
  };

  const asked = new URLSearchParams(window.location.search).get('id');
  if (asked && ids.has(asked)) {
    window.location.replace(formPage(asked));
    return;
  }
  form.hidden = false;
  followSummaryLinks();
  const input = form.elements.namedItem('organisation') as HTMLInputElement;
  if (asked) {
    input.value = asked;
    showErrors(form, [{ severity: 'error', field: 'organisation', target: 'organisation', group: 'organisation', message: `There is no organisation “${asked}” on the hub: choose yours from the list` }]);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const id = text === '' ? undefined : idFor(text);
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
