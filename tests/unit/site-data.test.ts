/**
 * The pure functions behind the site's lists and record pages: sorting, pagination, filters,
 * relations both ways, git dates, JSON-LD, GitHub links and escaped HTML.
 */
import { describe, expect, it } from 'vitest';
import { displayHtml, escapeHtml } from '../../src/lib/display-html.ts';
import { parseGitLog } from '../../src/lib/git-dates.ts';
import { organisationJsonLd, recordJsonLd, scriptSafeJson } from '../../src/lib/json-ld.ts';
import {
  filterGroups,
  listPath,
  paginate,
  paginationItems,
  rangeText,
  sortByTitle,
  withFacet,
  type Listed,
} from '../../src/lib/listing.ts';
import { buildRelations } from '../../src/lib/relations.ts';
import { editUrl, reportProblemUrl, siteConfig } from '../../src/lib/site-config.ts';
import { withRepositoryFromEnvironment, type HubConfig } from '../../src/lib/hub-config.ts';

const listed = (id: string, title: string, facets: Listed['facets'] = {}): Listed => ({ id, title, collection: id.split('/')[0], facets });

describe('lists', () => {
  it('sort A to Z by title, ignoring case, with numbers in numeric order', () => {
    const sorted = sortByTitle([listed('roadmap/a/x', 'bins 10'), listed('roadmap/a/y', 'Bins 9'), listed('roadmap/a/z', 'apples')]);
    expect(sorted.map((item) => item.title)).toEqual(['apples', 'Bins 9', 'bins 10']);
  });

  it('split into pages of 25, with one empty page for an empty list', () => {
    const pages = paginate(Array.from({ length: 51 }, (_, index) => index));
    expect(pages.map((page) => [page.number, page.items.length, page.total])).toEqual([
      [1, 25, 3],
      [2, 25, 3],
      [3, 1, 3],
    ]);
    expect(paginate([])).toEqual([{ items: [], number: 1, total: 1 }]);
    expect(rangeText(pages[1], 51)).toBe('Showing 26 to 50 of 51');
    expect(rangeText(paginate([1, 2])[0], 2)).toBe('Showing all 2');
  });

  it('offer each filter value with its count, in the schema’s order for statuses and A to Z otherwise', () => {
    const records = [
      listed('roadmap/a/1', 'One', { status: ['live'], theme: ['waste'] }),
      listed('roadmap/a/2', 'Two', { status: ['alpha'], theme: ['waste', 'housing'] }),
      listed('roadmap/a/3', 'Three', { status: ['live'] }),
    ];
    const groups = filterGroups(records, (filter, value) => `${filter}:${value}`);
    expect(groups.map((group) => [group.name, group.options.map((option) => [option.value, option.count])])).toEqual([
      [
        'status',
        [
          ['alpha', 1],
          ['live', 2],
        ],
      ],
      [
        'theme',
        [
          ['housing', 1],
          ['waste', 2],
        ],
      ],
    ]);
    expect(withFacet(records, 'status', 'live').map((record) => record.id)).toEqual(['roadmap/a/1', 'roadmap/a/3']);
  });

  it('give list pages addresses that never clash with record pages', () => {
    expect(listPath('roadmap')).toBe('roadmap/');
    expect(listPath('roadmap', 2)).toBe('roadmap/page/2/');
    expect(listPath('roadmap', 1, { name: 'status', value: 'beta' })).toBe('roadmap/status/beta/');
    expect(listPath('lessons', 3, { name: 'service', value: '524' })).toBe('lessons/service/524/page/3/');
  });
});

describe('buildRelations', () => {
  const records = [
    { id: 'lessons/a/chatbot', data: { related: ['roadmap/b/bins', 'roadmap/b/missing'] } },
    { id: 'roadmap/b/bins', data: { reuses: ['components/c/finder'] } },
    { id: 'components/c/finder', data: {} },
    { id: 'principles/d/users', data: { adopted_from: 'principles/e/users' } },
    { id: 'principles/e/users', data: {} },
  ];
  const relations = buildRelations(records);

  it('records what a record points at and what points at it', () => {
    expect(relations.byRecord.get('roadmap/b/bins')).toEqual([
      { label: 'Mentioned in', ids: ['lessons/a/chatbot'] },
      { label: 'Reuses', ids: ['components/c/finder'] },
    ]);
    expect(relations.byRecord.get('components/c/finder')).toEqual([{ label: 'Reused in', ids: ['roadmap/b/bins'] }]);
    expect(relations.byRecord.get('principles/e/users')).toEqual([{ label: 'Adopted by', ids: ['principles/d/users'] }]);
  });

  it('ignores ids that match no record', () => {
    expect(relations.byRecord.get('lessons/a/chatbot')).toEqual([{ label: 'Related', ids: ['roadmap/b/bins'] }]);
  });
});

describe('parseGitLog', () => {
  it('takes the newest date for each file', () => {
    const log =
      '\u00002026-11-20T10:00:00+00:00\n\ncontent/a.md\ncontent/b.md\n\u00002026-01-01T09:00:00+00:00\n\ncontent/a.md\ncontent/c.md\n';
    expect(Object.fromEntries(parseGitLog(log))).toEqual({
      'content/a.md': '2026-11-20T10:00:00+00:00',
      'content/b.md': '2026-11-20T10:00:00+00:00',
      'content/c.md': '2026-01-01T09:00:00+00:00',
    });
  });
});

describe('JSON-LD', () => {
  const organisation = {
    name: 'Fenmoor',
    url: 'https://hub.example/organisations/fenmoor/',
    data: { name: 'Fenmoor', type: 'county' },
    // A county council is a public body in the UK hub's configuration.
    government: true,
  };
  const licence = {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  };

  it('describes a dataset with its distributions and publisher', () => {
    const json = recordJsonLd(
      {
        collection: 'datasets',
        data: {
          title: 'Bins',
          summary: 'Bin days.',
          translations: { cy: { title: 'Biniau', summary: 'Diwrnodau bin.' } },
          licence: 'OGL-UK-3.0',
          landing_url: 'https://data.example/bins',
          distributions: [{ url: 'https://data.example/bins.csv', format: 'CSV', media_type: 'text/csv' }],
        },
      },
      {
        url: 'https://hub.example/datasets/fenmoor/bins/',
        organisation,
        licence,
        services: ['Household waste collection'],
        themes: [],
        language: 'en-GB',
      },
    );
    expect(json).toMatchObject({
      '@type': 'Dataset',
      name: 'Bins',
      // The title in the hub's other languages; the summary's translation is not a name.
      alternateName: ['Biniau'],
      inLanguage: 'en-GB',
      license: licence.url,
      publisher: { '@type': 'GovernmentOrganization', name: 'Fenmoor' },
      distribution: [{ '@type': 'DataDownload', contentUrl: 'https://data.example/bins.csv', encodingFormat: 'text/csv' }],
      about: [{ '@type': 'Thing', name: 'Household waste collection' }],
    });
    expect(json).not.toHaveProperty('keywords');
  });

  it('describes code as software source code, and a community group as an organisation', () => {
    const json = recordJsonLd(
      {
        collection: 'components',
        data: { title: 'Finder', summary: 'Finds bins.', kind: 'code', licence: 'MIT', repository_url: 'https://github.com/x/finder' },
      },
      { url: 'https://hub.example/components/fenmoor/finder/', organisation, licence, services: [], themes: ['Waste'], language: 'cy' },
    );
    expect(json).toMatchObject({
      '@type': 'SoftwareSourceCode',
      codeRepository: 'https://github.com/x/finder',
      keywords: 'Waste',
      inLanguage: 'cy',
    });
    expect(json).not.toHaveProperty('alternateName');
    expect(
      organisationJsonLd({ name: 'Tarnbeck Civic Tech', type: 'community-group' }, 'https://hub.example/organisations/t/', {
        government: false,
      })['@type'],
    ).toBe('Organization');
  });

  it('can never end its script element early', () => {
    const text = scriptSafeJson({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('GitHub links', () => {
  it('use HUB_REPOSITORY, else GITHUB_REPOSITORY, else the repository in the hub’s configuration', () => {
    const config = { repository: { github: 'council-commons/council-commons', branch: 'main' } };
    const from = (env: Record<string, string>) => siteConfig(withRepositoryFromEnvironment(config as HubConfig, env));
    expect(from({ HUB_REPOSITORY: 'me/fork', GITHUB_REPOSITORY: 'ci/repo' }).repository).toBe('me/fork');
    expect(from({ GITHUB_REPOSITORY: 'ci/repo' })).toEqual({ repository: 'ci/repo', branch: 'main' });
    expect(from({ HUB_BRANCH: 'content' })).toEqual({ repository: 'council-commons/council-commons', branch: 'content' });
  });

  it('open GitHub’s editor on the file, and a new issue that names the page and file', () => {
    const config = { repository: 'owner/hub', branch: 'main' };
    expect(editUrl(config, 'content/roadmap/fenmoor/bins.md')).toBe(
      'https://github.com/owner/hub/edit/main/content/roadmap/fenmoor/bins.md',
    );
    const url = new URL(
      reportProblemUrl(config, {
        title: 'Bins',
        url: 'https://hub.example/roadmap/fenmoor/bins/',
        file: 'content/roadmap/fenmoor/bins.md',
      }),
    );
    expect(url.pathname).toBe('/owner/hub/issues/new');
    expect(url.searchParams.get('title')).toBe('Problem with “Bins”');
    expect(url.searchParams.get('body')).toContain('File: content/roadmap/fenmoor/bins.md');
  });
});

describe('displayHtml', () => {
  it('escapes every text and address from content', () => {
    expect(escapeHtml(`<b onclick="x">'&'</b>`)).toBe('&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    expect(displayHtml({ kind: 'link', text: '<i>x</i>', href: 'https://a.example/?a=1&b="2"' })).toBe(
      '<a class="govuk-link" href="https://a.example/?a=1&amp;b=&quot;2&quot;">&lt;i&gt;x&lt;/i&gt;</a>',
    );
  });

  it('writes a list of two or more as a list, and a list of one as the item', () => {
    expect(displayHtml({ kind: 'list', items: [{ kind: 'text', text: 'a' }] })).toBe('a');
    expect(
      displayHtml({
        kind: 'list',
        items: [
          { kind: 'text', text: 'a' },
          { kind: 'text', text: 'b' },
        ],
      }),
    ).toBe('<ul class="govuk-list"><li>a</li><li>b</li></ul>');
  });

  it('leaves out the class of links and lists given as empty, for a container that styles them (FieldList)', () => {
    const list = displayHtml(
      {
        kind: 'list',
        items: [
          { kind: 'link', text: 'a', href: '/a/' },
          { kind: 'text', text: 'b' },
        ],
      },
      { linkClass: '', listClass: '' },
    );
    expect(list).toBe('<ul><li><a href="/a/">a</a></li><li>b</li></ul>');
  });
});

describe('paginationItems', () => {
  it('shows the first, last, current and neighbouring pages, with ellipses for gaps', () => {
    expect(paginationItems(1, 1)).toEqual([1]);
    expect(paginationItems(1, 3)).toEqual([1, 2, 3]);
    expect(paginationItems(5, 10)).toEqual([1, 'ellipsis', 4, 5, 6, 'ellipsis', 10]);
    expect(paginationItems(10, 10)).toEqual([1, 'ellipsis', 9, 10]);
  });
});
