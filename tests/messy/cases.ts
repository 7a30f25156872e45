/**
 * The messy-HTML corpus (issue #17): lesson files in tests/fixtures/messy/ whose text was pasted from Word,
 * exported from a CMS or written in old HTML, each with the warnings the validator must give for it,
 * exactly. tests/validation/messy-html.test.ts checks the warnings; tests/site/messy-html.test.ts opens
 * each page of the fixture site in Chromium and checks that axe finds nothing and the lists and tables
 * are whole.
 *
 * No vitest import here: the site's global setup (tests/site/global-setup.ts) reads this list too, to add
 * the cases to the fixture site.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleId } from '../../src/lib/validation/rules.ts';
import { ROOT } from '../helpers/content.ts';

export const MESSY_FIXTURES = join(ROOT, 'tests/fixtures/messy');

/** The demonstration organisation the cases are filed under; their ids are lessons/brackwater/messy-<name>. */
export const MESSY_ORGANISATION = 'brackwater';

export interface ExpectedWarning {
  rule: RuleId;
  /** The line of the opening tag in the file. */
  line: number;
  /** Words the message must contain. */
  message: RegExp;
}

export interface MessyCase {
  /** The file in tests/fixtures/messy/, without .md. */
  name: string;
  /** The warnings, in the order of their lines; none for HTML that is messy but not broken. */
  warnings: ExpectedWarning[];
  /** Text the page must show, as the browser reads it (entities and quotes as characters). */
  shows: string[];
}

export const MESSY_CASES: MessyCase[] = [
  {
    name: 'word-paste',
    warnings: [{ rule: 'content/layout-table', line: 15, message: /table opened on line 15 has no header cells/ }],
    shows: ['Moving the garden waste rounds', 'Letters went out three weeks before the change.', 'Tuesday north'],
  },
  {
    // The case in the issue: an unclosed <ul> swallowed the paragraph and heading after it.
    name: 'cms-unclosed-list',
    warnings: [{ rule: 'content/broken-html', line: 9, message: /`<ul>` opened on line 9 is never closed/ }],
    shows: ['Flowers and plants', 'Residents renew their subscription online', 'What we learned'],
  },
  {
    name: 'unclosed-table',
    warnings: [{ rule: 'content/broken-html', line: 10, message: /`<table>` opened on line 10 is never closed/ }],
    shows: ['June', 'The tonnage rose as the season went on'],
  },
  {
    name: 'misnested-tags',
    warnings: [{ rule: 'content/broken-html', line: 8, message: /`<i>` opened on line 8 is not closed before the `<\/b>` on line 8/ }],
    shows: ['who takes garden waste to the tip', 'The tip opens at 8am', 'The last car is let in'],
  },
  {
    name: 'layout-table',
    warnings: [{ rule: 'content/layout-table', line: 8, message: /table opened on line 8 has no header cells/ }],
    shows: ['Collections restart on 1 March.', 'Caddies are free from the library.'],
  },
  {
    name: 'font-and-styles',
    warnings: [],
    shows: ['Collections move by one day over Christmas.', 'Real trees are collected in January.', 'Thank you for recycling.'],
  },
  {
    name: 'entities-and-quotes',
    warnings: [],
    shows: [
      'A garden waste permit costs £52\u00a0a year – £47 if you pay before 1\u00a0March.',
      'Residents told us “the bin day finder just works” and ‘the letter was clear’.',
      'We wrote “plain English” and ‘short sentences’ – and it’s paid off… mostly.',
      "editors typed <ul> by hand; Tom & Jerry's team wrote <ul> in code.",
      'A score of 3 < 5 is not a tag',
    ],
  },
  {
    name: 'clean-html',
    warnings: [],
    shows: ['Prunings', 'The day we collect.', 'Collections by round', 'Thursday', 'Why two weeks?'],
  },
  {
    name: 'cms-export-divs',
    warnings: [
      { rule: 'content/broken-html', line: 8, message: /`<div>` opened on line 8 is never closed/ },
      { rule: 'content/broken-html', line: 14, message: /`<li>` on line 14 is not inside a list/ },
    ],
    shows: ['Booking a bulky waste collection', 'Fridges and freezers', 'Most bookings now come in online.'],
  },
];

/** The file of a case in a content folder, as the validator names it. */
export function messyFile(name: string): string {
  return `content/lessons/${MESSY_ORGANISATION}/messy-${name}.md`;
}

/** The page of a case, under the site's base path. */
export function messyPath(name: string): string {
  return `lessons/${MESSY_ORGANISATION}/messy-${name}/`;
}

/** Copies every case into a content folder (which has the organisation) as lessons/<organisation>/messy-<name>.md. */
export function addMessyCases(content: string): void {
  const files = readdirSync(MESSY_FIXTURES).filter((file) => file.endsWith('.md'));
  const listed = new Set(MESSY_CASES.map((testCase) => `${testCase.name}.md`));
  const unlisted = files.filter((file) => !listed.has(file));
  if (unlisted.length > 0) throw new Error(`tests/fixtures/messy/ has files no case lists: ${unlisted.join(', ')}`);
  for (const { name } of MESSY_CASES) {
    cpSync(join(MESSY_FIXTURES, `${name}.md`), join(content, 'lessons', MESSY_ORGANISATION, `messy-${name}.md`));
  }
}
