/**
 * What the record form (form.ts) and the organisation form (organisation-form.ts) do alike once the
 * answers pass: the result's warnings, the notes on a way of sending that cannot be offered, and the
 * file's "Download" and "Copy the new text" buttons. Both pages give these parts the same ids
 * (#warnings, #warning-list, #too-long, #download, #copy, #copy-status, #file-text).
 */
import type { FormProblem } from '../../lib/contribute/check.ts';
import { byId } from '../dom.ts';

/** Lists the warnings under "Worth checking", or hides the box when there are none. */
export function showWarnings(warnings: readonly FormProblem[]): void {
  const list = byId('warning-list');
  const box = byId('warnings');
  if (!list || !box) return;
  list.replaceChildren(...warnings.map((warning) => Object.assign(document.createElement('li'), { textContent: warning.message })));
  box.hidden = warnings.length === 0;
}

/**
 * Says why a way of sending is not offered (a link too long for GitHub, say), or nothing; and clears
 * what the copy button said, which was about the result shown before.
 */
export function showSendingNotes(notes: readonly string[]): void {
  const tooLong = byId('too-long');
  if (tooLong) {
    tooLong.textContent = notes.join(' ');
    tooLong.hidden = notes.length === 0;
  }
  const copyStatus = byId('copy-status');
  if (copyStatus) copyStatus.textContent = '';
}

/** A file the result offers: its name, its text and its media type. */
export interface OfferedFile {
  name: string;
  text: string;
  type: string;
}

/**
 * Wires "Download the file" (#download) and "Copy the new text" (#copy) to the file the result shows at
 * the time of the press (none before the first result).
 */
export function setUpFileButtons(current: () => OfferedFile | undefined): void {
  byId('download')?.addEventListener('click', () => {
    const file = current();
    if (file) downloadFile(file);
  });
  byId('copy')?.addEventListener('click', () => {
    const file = current();
    if (file) void copyText(file.text);
  });
}

/** Saves the file, as a link to it with `download` would. */
function downloadFile(file: OfferedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the blob when click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies the file's new text, for pasting into GitHub's editor, and says what to do next. */
async function copyText(text: string): Promise<void> {
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = 'The new text is copied. Now open the file on GitHub and paste it in place of the old text.';
  } catch {
    // No clipboard (an insecure page, or permission refused): select the text so it can be copied by hand.
    const shown = byId('file-text');
    shown?.closest('details')?.setAttribute('open', '');
    if (shown) window.getSelection()?.selectAllChildren(shown);
    if (status)
      status.textContent =
        'Your browser did not let the page copy the text. It is selected under “See the file”: copy it with Ctrl+C (⌘+C on a Mac).';
  }
}
