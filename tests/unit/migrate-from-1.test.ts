/**
 * The migration from version 1 of the content model (src/lib/migrations/from-1-translations.ts): the Welsh
 * pairs of fields become translations.cy, in place, keeping comments, quoting and the Markdown body, and the
 * files it writes are valid version 2 files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/migrate.ts';
import { FROM_1_TRANSLATIONS } from '../../src/lib/migrations/from-1-translations.ts';
import { migrateText } from '../../src/lib/migrations/index.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { copyOf, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

const record = { kind: 'record', collection: 'roadmap', organisation: 'glanmor', slug: 'x', extension: '.md' } as const;

describe('version 1 to 2: Welsh fields move under translations.cy', () => {
  it('puts title_cy and summary_cy in one entry where the first was, with its comment, keeping the folded summary and the body', () => {
    const text = [
      '---',
      'title: Library app',
      '# Checked by the Welsh language officer.',
      'title_cy: "Ap y llyfrgell"',
      'summary: >-',
      '  A bilingual app for',
      '  the libraries.',
      'summary_cy: >-',
      '  Ap dwyieithog ar gyfer',
      '  y llyfrgelloedd.',
      'status: stopped',
      '---',
      '',
      'title_cy: stays in the body',
      '',
    ].join('\n');
    const result = migrateText(text, record, FROM_1_TRANSLATIONS, true);
    expect(result).toEqual({
      text: [
        '---',
        'title: Library app',
        '# Checked by the Welsh language officer.',
        'translations:',
        '  cy:',
        '    title: "Ap y llyfrgell"',
        '    summary: >-',
        '      Ap dwyieithog ar gyfer y llyfrgelloedd.',
        'summary: >-',
        '  A bilingual app for',
        '  the libraries.',
        'status: stopped',
        '---',
        '',
        'title_cy: stays in the body',
        '',
      ].join('\n'),
      changes: ['moved title_cy and summary_cy to translations.cy.title and translations.cy.summary'],
    });
  });

  it('moves an organisation’s Welsh names, and leaves a file without Welsh byte for byte', () => {
    const organisation = { kind: 'organisation', id: 'cardiff' } as const;
    const welsh =
      'name: Cardiff\nofficial_name: City of Cardiff Council\nname_cy: Caerdydd\nofficial_name_cy: Cyngor Dinas Caerdydd\ntype: x\n';
    expect(migrateText(welsh, organisation, FROM_1_TRANSLATIONS, false)).toEqual({
      text:
        'name: Cardiff\nofficial_name: City of Cardiff Council\ntranslations:\n  cy:\n    name: Caerdydd\n' +
        '    official_name: Cyngor Dinas Caerdydd\ntype: x\n',
      changes: ['moved name_cy and official_name_cy to translations.cy.name and translations.cy.official_name'],
    });
    const english = 'name: Hartlepool  # short\n\nofficial_name: Hartlepool Borough Council\n';
    expect(migrateText(english, organisation, FROM_1_TRANSLATIONS, false)).toEqual({ text: english, changes: [] });
    // A record's title_cy is not an organisation's field, nor an organisation's name_cy a record's.
    expect(migrateText('title: A\nname_cy: B\n', record, FROM_1_TRANSLATIONS, false)).toEqual({
      text: 'title: A\nname_cy: B\n',
      changes: [],
    });
  });

  it('turns version 1 files in a copy of content/ into valid version 2 files', () => {
    const content = copyOf(join(ROOT, 'content'));
    const file = join(content, 'roadmap/glanmor/library-app.md');
    const v2 = readFileSync(file, 'utf8');
    // The file as it was in version 1.
    writeFileSync(
      file,
      v2.replace('translations:\n  cy:\n    title: Ap y llyfrgell\n', 'title_cy: Ap y llyfrgell\nsummary_cy: Ap i’r llyfrgelloedd\n'),
    );
    const out: string[] = [];
    expect(main(['--from', '1', '--content', content], { out: (line) => out.push(line), err: (line) => out.push(line) })).toBe(0);
    expect(out.join('\n')).toContain('roadmap/glanmor/library-app.md: moved title_cy and summary_cy');
    expect(readFileSync(file, 'utf8')).toBe(
      v2.replace('    title: Ap y llyfrgell\n', '    title: Ap y llyfrgell\n    summary: Ap i’r llyfrgelloedd\n'),
    );
    const result = validateContent({ contentDir: content });
    expect(result.errors).toEqual([]);
  });
});
