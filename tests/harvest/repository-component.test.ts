/**
 * src/lib/harvest/repository-component.ts: whether a repository looks reusable, in words, and the
 * component made from GitHub's own metadata when it has no publiccode.yml. The repositories are
 * shaped like GitHub's list answers (GET /orgs/{org}/repos) and belong to invented bodies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { componentSchema } from '../../schemas/component.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import {
  componentFromRepository,
  githubRepositorySchema,
  homepageOf,
  markdownText,
  repositoryLicence,
  reusabilityProblems,
  summaryFrom,
  titleFromName,
  type GitHubRepository,
} from '../../src/lib/harvest/repository-component.ts';
import type { ThemeTerm } from '../../src/lib/import/types.ts';
import { loadLicences } from '../../src/lib/reference-data.ts';
import { ROOT } from '../helpers/content.ts';
import { BIN_DAY_FINDER, githubFixture } from './github-fixtures.ts';

const licences = loadLicences();
const themes = (parse(readFileSync(join(ROOT, 'content/vocabularies/themes.yaml'), 'utf8')) as { themes: ThemeTerm[] }).themes;
const NOW = new Date('2026-12-07T10:00:00Z');

/** A repository as GitHub lists it (the fields the list gives, most of which the harvest ignores). */
function repository(fields: Record<string, unknown> = {}): GitHubRepository {
  const name = (fields.name as string | undefined) ?? 'bin-day-finder';
  return githubRepositorySchema.parse({
    id: 481516,
    node_id: 'R_kgDOHLJ7vA',
    name,
    full_name: `ashdown-council/${name}`,
    private: false,
    owner: { login: 'ashdown-council', id: 90210, type: 'Organization' },
    html_url: `https://github.com/ashdown-council/${name}`,
    description: 'Tells residents which bins go out this week, from their postcode.',
    fork: false,
    created_at: '2023-02-14T10:21:07Z',
    updated_at: '2026-11-30T16:02:11Z',
    pushed_at: '2026-11-30T16:02:09Z',
    homepage: 'https://bins.ashdown.example/',
    size: 1843,
    stargazers_count: 12,
    language: 'TypeScript',
    archived: false,
    disabled: false,
    license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT', url: 'https://api.github.com/licenses/mit', node_id: 'MDc6TGljZW5zZTEz' },
    topics: ['waste', 'recycling', 'nodejs', 'govuk-frontend'],
    visibility: 'public',
    default_branch: 'main',
    ...fields,
  });
}

describe('titles and summaries', () => {
  it.each([
    ['bin-day-finder', 'Bin day finder'],
    ['LBH_API-gateway', 'LBH API gateway'],
    ['binDayFinder', 'Bin day finder'],
    ['GDSStyleChecker', 'GDS style checker'],
    ['planning.applications', 'Planning applications'],
    ['covid19-tracker', 'Covid19 tracker'],
  ])('%s is called "%s"', (name, title) => {
    expect(titleFromName(name)).toBe(title);
  });

  it('turns a description with HTML, entities and invisible characters into one plain line of at most 500 characters', () => {
    expect(summaryFrom('<b>Bins</b> &amp; recycling\u200b\ncollection days ')).toBe('Bins & recycling collection days');
    expect(summaryFrom('   ')).toBe('');
    expect(summaryFrom(null)).toBe('');
    expect(summaryFrom('Word '.repeat(400)).length).toBeLessThanOrEqual(500);
  });
});

describe('licences as GitHub detects them', () => {
  it.each([
    [null, /no licence/],
    [{ key: 'other', name: 'Other', spdx_id: 'NOASSERTION' }, /cannot tell which licence.*NOASSERTION/],
    [{ key: 'cc-by-nc-4.0', name: 'Creative Commons Attribution Non Commercial 4.0', spdx_id: 'CC-BY-NC-4.0' }, /is not an open licence/],
    [
      { key: 'cc-by-4.0', name: 'Creative Commons Attribution 4.0 International', spdx_id: 'CC-BY-4.0' },
      /not one the Open Source Initiative approves/,
    ],
    [{ key: 'wtfpl', name: 'Do What The F*ck You Want To Public License', spdx_id: 'WTFPL' }, /not one the hub knows/],
  ])('%j is not taken', (license, problem) => {
    const verdict = repositoryLicence(repository({ license }), licences);
    expect('problem' in verdict && verdict.problem).toMatch(problem);
  });

  it('takes open-source licences, writing GitHub’s old GPL ids as the SPDX id they stand for', () => {
    expect(repositoryLicence(repository(), licences)).toEqual({ value: 'MIT' });
    const gpl = repositoryLicence(
      repository({ license: { key: 'gpl-3.0', name: 'GNU General Public License v3.0', spdx_id: 'GPL-3.0' } }),
      licences,
    );
    expect(gpl).toMatchObject({ value: 'GPL-3.0-only' });
  });
});

describe('looks reusable', () => {
  it('a public, open-source, described, recently pushed repository has no problems', () => {
    expect(reusabilityProblems(repository(), licences, NOW)).toEqual([]);
  });

  it('gives every reason a bare repository is passed over', () => {
    const problems = reusabilityProblems(
      repository({ description: null, license: null, pushed_at: '2024-11-06T09:00:00Z' }),
      licences,
      NOW,
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/no description/);
    expect(problems[1]).toMatch(/no licence/);
    expect(problems[2]).toBe('it was last pushed to on 2024-11-06, more than 24 months ago');
  });

  it('draws the line at 24 calendar months', () => {
    expect(reusabilityProblems(repository({ pushed_at: '2024-12-08T09:00:00Z' }), licences, NOW)).toEqual([]);
    expect(reusabilityProblems(repository({ pushed_at: '2024-12-06T09:00:00Z' }), licences, NOW)).toHaveLength(1);
  });

  it('an archived, private or disabled repository is passed over for that alone', () => {
    expect(reusabilityProblems(repository({ archived: true, description: null }), licences, NOW)).toEqual(['it is archived']);
    expect(reusabilityProblems(repository({ private: true, visibility: 'private' }), licences, NOW)).toEqual(['it is not public']);
    expect(reusabilityProblems(repository({ visibility: 'internal' }), licences, NOW)).toEqual(['it is not public']);
    expect(reusabilityProblems(repository({ disabled: true }), licences, NOW)).toEqual(['GitHub has disabled it']);
  });

  it('a description of only markup is no description', () => {
    expect(reusabilityProblems(repository({ description: '<img src=x>' }), licences, NOW)).toEqual([
      expect.stringMatching(/no description/),
    ]);
  });
});

describe('the component from metadata', () => {
  it('maps description, licence, topics, homepage and repository, and puts the README and language in the text', () => {
    const record = componentFromRepository(repository(), githubFixture('README-badges.md'), { licences, themes });
    expect(record).toMatchObject({ collection: 'components', slug: 'bin-day-finder', format: 'markdown', notes: [] });
    expect(record.fields).toEqual(BIN_DAY_FINDER.fields);
    expect(Object.keys(record.fields)).toEqual(Object.keys(componentSchema.shape).filter((key) => key in record.fields));
    expect(record.body).toBe(BIN_DAY_FINDER.body);
    expect(componentSchema.safeParse(record.fields).error).toBeUndefined();
  });

  it('never records what changes without the software changing: the last push, stars or size', () => {
    const before = componentFromRepository(repository(), undefined, { licences, themes });
    const after = componentFromRepository(
      repository({ pushed_at: '2026-12-06T08:00:00Z', stargazers_count: 40, size: 2001, updated_at: '2026-12-06T08:00:01Z' }),
      undefined,
      { licences, themes },
    );
    expect(after).toEqual(before);
    expect(JSON.stringify(before)).not.toMatch(/2026-11-30/);
  });

  it('does not depend on the order GitHub lists topics in', () => {
    const a = componentFromRepository(repository({ topics: ['planning', 'waste'] }), undefined, { licences, themes });
    const b = componentFromRepository(repository({ topics: ['waste', 'planning'] }), undefined, { licences, themes });
    expect(a.fields.themes).toEqual(b.fields.themes);
    expect(a.fields.themes).toEqual(['planning-and-building-control', 'waste-and-recycling']);
  });

  it('is YAML when there is no README paragraph and no language, and leaves out a README that only repeats the description', () => {
    const record = componentFromRepository(
      repository({ language: null }),
      '# Bin day finder\n\nTells residents which bins go out this week, from their postcode.\n',
      { licences, themes },
    );
    expect(record.format).toBe('yaml');
    expect(record.body).toBeUndefined();
  });

  it('says when the description was too long for a summary', () => {
    const record = componentFromRepository(
      repository({ description: 'Residents book bulky waste collections online. '.repeat(20) }),
      undefined,
      { licences, themes },
    );
    expect(String(record.fields.summary).length).toBeLessThanOrEqual(500);
    expect(record.notes).toEqual([
      expect.objectContaining({ level: 'check', field: 'summary', message: expect.stringMatching(/shortened: shorten it on GitHub/) }),
    ]);
  });

  it('says when a GitHub licence id was read as another', () => {
    const record = componentFromRepository(
      repository({ license: { key: 'gpl-3.0', name: 'GNU General Public License v3.0', spdx_id: 'GPL-3.0' } }),
      undefined,
      { licences, themes },
    );
    expect(record.fields.licence).toBe('GPL-3.0-only');
    expect(record.notes).toEqual([
      expect.objectContaining({ level: 'check', field: 'licence', message: expect.stringMatching(/GitHub detected GPL-3\.0/) }),
    ]);
  });

  it.each([
    ['', undefined],
    ['https://github.com/ashdown-council/bin-day-finder', undefined],
    ['http://www.github.com/Ashdown-Council/bin-day-finder/#readme', undefined],
    ['javascript:alert(1)', undefined],
    ['https://127.0.0.1/admin', undefined],
    ['https://bins.localhost/', undefined],
    ['bins.ashdown.example', undefined],
    ['http://bins.ashdown.example/about', 'http://bins.ashdown.example/about'],
    ['https://ashdown-council.github.io/bin-day-finder/', 'https://ashdown-council.github.io/bin-day-finder/'],
  ])('homepage %j gives url %j', (homepage, url) => {
    expect(homepageOf(repository({ homepage }))).toBe(url);
  });
});

describe('untrusted text', () => {
  it('escapes only what could make Markdown act, so the file stays readable', () => {
    expect(markdownText('Fish & chips, 2 + 2 = 4, it’s 50% off.')).toBe('Fish & chips, 2 + 2 = 4, it’s 50% off.');
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('1. not a list')).toBe('1\\. not a list');
    expect(markdownText('- not a list')).toBe('\\- not a list');
    expect(markdownText('<script>x</script> [a](b) *c* _d_ `e` ~f~ |g| &lt;')).toBe(
      '&lt;script>x&lt;/script> \\[a\\](b) \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\|g\\| \\&lt;',
    );
  });

  it('a hostile description and README become a record that renders as text only', () => {
    const hostile = repository({
      name: 'bins',
      description:
        '<img src=x onerror=alert(1)>Bin **day** finder\u202e with [a link](javascript:alert(1)) ' +
        '&lt;script&gt;alert(2)&lt;/script&gt;\u0007',
      language: '<b onmouseover=alert(3)>TypeScript</b>',
    });
    const record = componentFromRepository(hostile, githubFixture('README-hostile.md'), { licences, themes });
    expect(componentSchema.safeParse(record.fields).error).toBeUndefined();
    // The importers' text helper ends a link at its address's first ")", which leaves one behind here.
    expect(record.fields.summary).toMatch(/^Bin day finder with a link\)? <script>alert\(2\)<\/script>$/);
    // Plain text in the summary is shown as text by the site; in the Markdown text nothing may become HTML.
    expect(record.body).not.toContain('<');
    const html = renderMarkdown(record.body!);
    // Paragraphs and nothing else: every other < is text.
    expect(html.replace(/<\/?p>/g, '')).not.toContain('<');
    expect(html).toContain('Written in TypeScript.');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});
