/**
 * What the GitHub source's tests share: files as councils' repositories hold them
 * (tests/fixtures/harvest/github), and the component the harvest makes of one invented repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/content.ts';

/** A file of tests/fixtures/harvest/github, as text. */
export const githubFixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/harvest/github', name), 'utf8');

/**
 * The component made of ashdown-council/bin-day-finder, which has no publiccode.yml: from GitHub's
 * metadata (its description, MIT licence, homepage and a waste topic) and its README, README-badges.md.
 * The same whether the mapping is given the repository (repository-component.test.ts) or the GitHub
 * source reads it from the fake GitHub (github-source.test.ts).
 */
export const BIN_DAY_FINDER = {
  fields: {
    title: 'Bin day finder',
    summary: 'Tells residents which bins go out this week, from their postcode.',
    kind: 'code',
    licence: 'MIT',
    repository_url: 'https://github.com/ashdown-council/bin-day-finder',
    url: 'https://bins.ashdown.example/',
    themes: ['waste-and-recycling'],
  },
  body:
    "\nResidents report a broken street light by choosing it on a map, and the report goes straight to the council's highways " +
    "contractor with the light's asset number. It replaced a phone line and a paper form in 2025.\n\nWritten in TypeScript.\n",
};
