/**
 * Errors on the contribution form, shown as GOV.UK pages show them after a server has checked a form:
 * an error summary at the top ("There is a problem", a link to each field), focus moved to it, "Error: "
 * before the page title, and on each field in error the error message (with a hidden "Error:"), the
 * form group's red bar and the control's red border, the message added to the control's (or its
 * fieldset's) aria-describedby. Markup as govuk-frontend's templates write it; text set as text, never
 * as HTML.
 */
import type { FormProblem } from '../../lib/contribute/check.ts';

const ERROR_CLASSES: [string, string][] = [
  ['govuk-input', 'govuk-input--error'],
  ['govuk-textarea', 'govuk-textarea--error'],
  ['govuk-select', 'govuk-select--error'],
];

const pageTitle = document.title.replace(/^Error: /, '');

function describedBy(element: Element, id: string, add: boolean): void {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((token) => token && token !== id);
  if (add) ids.push(id);
  if (ids.length > 0) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Removes every error the form shows, and hides the summary. */
export function clearErrors(form: HTMLFormElement): void {
  for (const message of form.querySelectorAll('[data-hub-error]')) {
    for (const described of form.querySelectorAll(`[aria-describedby~="${message.id}"]`)) describedBy(described, message.id, false);
    message.remove();
  }
  for (const group of form.querySelectorAll('.govuk-form-group--error')) group.classList.remove('govuk-form-group--error');
  for (const [, error] of ERROR_CLASSES) for (const control of form.querySelectorAll(`.${error}`)) control.classList.remove(error);
  const summary = document.getElementById('error-summary');
  if (summary) summary.hidden = true;
  document.title = pageTitle;
}

function errorMessage(id: string, text: string): HTMLElement {
  const message = document.createElement('p');
  message.id = id;
  message.className = 'govuk-error-message';
  message.dataset.hubError = '';
  const hidden = document.createElement('span');
  hidden.className = 'govuk-visually-hidden';
  hidden.textContent = 'Error:';
  message.append(hidden, ` ${text}`);
  return message;
}

/** Shows one field's error in place (without the summary): used by the finders for "choose from the list". */
export function showFieldError(form: HTMLFormElement, problem: Pick<FormProblem, 'group' | 'target' | 'message'>): void {
  const group = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(problem.group)}"]`);
  if (!group) return;
  const id = `${problem.group}-error`;
  document.getElementById(id)?.remove();
  group.classList.add('govuk-form-group--error');
  // Inside the fieldset when there is one (radios, checkboxes, dates, finders, groups), after the hint,
  // else after the legend or label, as the templates place it.
  const fieldset = group.querySelector(':scope > fieldset');
  const container = fieldset ?? group;
  const hint =
    container.querySelector(`:scope > #${CSS.escape(`${problem.group}-hint`)}`) ?? container.querySelector(':scope > .govuk-hint');
  const anchor = hint ?? container.querySelector(':scope > legend, :scope > label, :scope > .govuk-label-wrapper');
  const message = errorMessage(id, problem.message);
  if (anchor) anchor.after(message);
  else container.prepend(message);
  const target = document.getElementById(problem.target);
  describedBy(fieldset ?? target ?? group, id, true);
  // The control's own red border: every text box of a date, the finder's box, or the one control.
  const controls = fieldset?.getAttribute('role') === 'group' ? [...group.querySelectorAll('.govuk-input')] : target ? [target] : [];
  for (const control of controls) {
    for (const [base, error] of ERROR_CLASSES) if (control.classList.contains(base)) control.classList.add(error);
  }
}

/** Shows the errors on their fields and in the summary, and moves focus to the summary. */
export function showErrors(form: HTMLFormElement, problems: FormProblem[]): void {
  clearErrors(form);
  for (const problem of problems) {
    // A field in a closed section (a language's translations) would be hidden: open it.
    document.getElementById(problem.target)?.closest('details')?.setAttribute('open', '');
    showFieldError(form, problem);
  }
  const wrapper = document.getElementById('error-summary');
  const summary = wrapper?.querySelector<HTMLElement>('.govuk-error-summary');
  const list =
    summary?.querySelector('.govuk-error-summary__list') ??
    summary
      ?.querySelector('.govuk-error-summary__body')
      ?.appendChild(Object.assign(document.createElement('ul'), { className: 'govuk-list govuk-error-summary__list' }));
  if (!wrapper || !summary || !list) return;
  list.replaceChildren(
    ...problems.map((problem) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${problem.target}`;
      link.textContent = problem.message;
      item.append(link);
      return item;
    }),
  );
  wrapper.hidden = false;
  document.title = `Error: ${pageTitle}`;
  summary.focus();
}

/**
 * What govuk-frontend's error summary script does with its links: focus the field itself (not just
 * scroll to it) and bring its label or legend into view with it, so that the question is seen too.
 */
export function followSummaryLinks(): void {
  const summary = document.getElementById('error-summary');
  summary?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    const id = link?.getAttribute('href')?.slice(1);
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    event.preventDefault();
    target.closest('details')?.setAttribute('open', '');
    // The legend when the field still shows below it, else the field's own label.
    const legend = target.closest('fieldset')?.querySelector(':scope > legend');
    const label = document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
    const fits = legend && target.getBoundingClientRect().top - legend.getBoundingClientRect().top < window.innerHeight - 50;
    (fits ? legend : (label ?? target)).scrollIntoView();
    target.focus({ preventScroll: true });
  });
}
