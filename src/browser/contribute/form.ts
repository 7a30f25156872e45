/**
 * The contribution form (/contribute/new/<collection>/), in the browser: what the page runs as it
 * opens. The page is static; this script:
 *   1. shows the form (hidden without JavaScript, when the page offers a template and GitHub instead;
 *      FormScriptFlag has already shown it from the first paint, so nothing moves);
 *   2. fetches the organisations and services the finders offer (/contribute/choices.json, controls.ts)
 *      and sets up the controls: the short name suggested from the title, the finders, repeatable rows,
 *      character counts;
 *   3. loads the rest (record-form.ts: the schemas and the validator's checks, zod and the YAML writer,
 *      some 80 KB compressed) only when someone starts to use the form, or at once with ?edit=<record
 *      id>, and hands it "Check your answers".
 * So a phone that opens the form downloads and runs a few kilobytes of script before it can be used,
 * not the checks; by the time anyone has answered a question, the checks are there.
 */
import { withBase } from '../../lib/urls.ts';
import { loadChoices, setUpFinders, setUpForm, setUpSlug, showStatus } from './controls.ts';
import type { ContributionForm } from './record-form.ts';
import { setUpFileButtons } from './result.ts';

function start(form: HTMLFormElement): void {
  const base = form.dataset.base ?? '/';
  const reference = loadChoices(form, withBase(base, 'contribute/choices.json'));
  const cannotLoad = () =>
    showStatus(
      'edit-status',
      'The page could not load what it needs to check your answers just now: check your connection, then try again. ' +
        'Nothing you typed is lost. The other ways to share, below, need no JavaScript.',
    );

  let current: ContributionForm | undefined;
  let loading: Promise<ContributionForm> | undefined;
  /** The rest of the form's script, started once; tried again on the next use if it failed. */
  const whole = (): Promise<ContributionForm> =>
    (loading ??= Promise.all([import('./record-form.ts'), reference()])
      .then(([{ ContributionForm }, loaded]) => (current = new ContributionForm(form, loaded)))
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));

  setUpSlug(form);
  setUpFinders(form, reference, cannotLoad);
  setUpForm(form, {
    check: async () => {
      let contribution: ContributionForm;
      try {
        contribution = await whole();
      } catch {
        cannotLoad();
        return;
      }
      await contribution.check();
    },
    // Answers changed after the preview: it no longer shows them, so it goes until they are checked again.
    stale: () => {
      const result = document.getElementById('result');
      if (result && !result.hidden) result.hidden = true;
    },
  });
  setUpFileButtons(() => current?.offeredFile());

  const edit = new URLSearchParams(window.location.search).get('edit');
  if (edit) {
    void whole().then((contribution) => contribution.loadForEdit(edit), cannotLoad);
    return;
  }
  // The first focus in the form (a click or a tab into any control) starts loading the checks.
  form.addEventListener('focusin', () => void whole().catch(() => {}), { once: true });
}

const form = document.getElementById('record-form');
if (form instanceof HTMLFormElement) start(form);
