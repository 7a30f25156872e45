/**
 * The contribution form's stylesheet (src/styles/form.scss), compiled as the build compiles it: form
 * pages load it with the hub's stylesheet, and together they must stay under the 40 KB a page that
 * tests/site/budgets.test.ts allows. Like the hub's stylesheet, it loads no fonts or images.
 */
import { fileURLToPath } from 'node:url';
import { transform } from 'lightningcss';
import * as sass from 'sass';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const importers = [new sass.NodePackageImporter(ROOT)];

function built(file: string): string {
  const { css } = sass.compile(`${ROOT}src/styles/${file}`, { importers, style: 'compressed' });
  return transform({ filename: file, code: Buffer.from(css), minify: true, errorRecovery: true }).code.toString();
}

describe('the form stylesheet', () => {
  const form = built('form.scss');
  const hub = built('hub.scss');

  it('with the hub’s stylesheet, stays under the 40 KB a page may load', () => {
    const total = Buffer.byteLength(form) + Buffer.byteLength(hub);
    console.log(`[form.scss] ${(Buffer.byteLength(form) / 1024).toFixed(1)} KB; with hub.scss ${(total / 1024).toFixed(1)} KB of 40 KB`);
    expect(total).toBeLessThan(40 * 1024);
  });

  it('loads no fonts or images and repeats none of the hub’s own components', () => {
    expect(form).not.toMatch(/@font-face|url\(/i);
    expect(form).not.toMatch(/\.govuk-(?:input|label|hint|error-message|button|details|summary-list)\{/);
  });

  it('styles every component in src/components/form/', () => {
    for (const name of ['fieldset', 'textarea', 'select', 'radios', 'checkboxes', 'date-input', 'error-summary', 'character-count']) {
      expect(form, name).toContain(`.govuk-${name}`);
    }
  });
});
