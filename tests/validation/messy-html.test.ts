/**
 * The messy-HTML corpus (tests/messy/cases.ts) through the validator: each case gives exactly the warnings
 * it lists (file, line, rule, words), no errors, and is published. Clean HTML, Word's well-formed
 * clutter, fonts, styles, entities and smart quotes give no warning at all: false alarms teach people to
 * ignore warnings.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures } from '../helpers/content.ts';
import { addMessyCases, MESSY_CASES, messyFile } from '../messy/cases.ts';

afterAll(removeFixtures);

const content = contentFixture();
addMessyCases(content);
const report = validateContent({ contentDir: content, today: '2026-11-26' });

describe('the messy-HTML corpus', () => {
  it('is valid content: no errors, and every case is published', () => {
    expect(report.errors).toEqual([]);
    const ids = new Set(report.content.records.map((record) => record.id));
    for (const { name } of MESSY_CASES) expect(ids.has(`lessons/brackwater/messy-${name}`), name).toBe(true);
  });

  it.each(MESSY_CASES)('$name: gives exactly the warnings it lists', ({ name, warnings }) => {
    const found = report.warnings.filter((warning) => warning.file === messyFile(name));
    expect(found.map(({ rule, line }) => ({ rule, line }))).toEqual(warnings.map(({ rule, line }) => ({ rule, line })));
    found.forEach((warning, index) => {
      expect(warning.message).toMatch(warnings[index].message);
      expect(warning.fix, 'every warning says how to fix it').toMatch(/Markdown/);
    });
  });
});
