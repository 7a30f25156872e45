/**
 * The charts (src/components/charts/) rendered with Astro's Container API: each is a <figure> with a
 * heading in its <figcaption>, an inline <svg> that scales (viewBox, no fixed width) and is named by
 * its <title> and <desc>, a legend in words where colours mean something, and the data as a govuk-table
 * with a row for every data row. No scripts, styles, fonts or outside resources, and every text escaped.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import BarChart from '../../src/components/charts/BarChart.astro';
import ShareChart from '../../src/components/charts/ShareChart.astro';
import TimelineChart from '../../src/components/charts/TimelineChart.astro';
import { ROADMAP_STATUSES } from '../../schemas/roadmap.ts';
import { barModel } from '../../src/lib/charts/bars.ts';
import { statusKeys } from '../../src/lib/charts/shares.ts';
import type { TimelineItem } from '../../src/lib/charts/timeline.ts';
import { decodeEntities, scanTags, type Tag } from '../site/html-scan.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const HOSTILE = '<script>alert(1)</script> & "quotes"';

const ITEMS: TimelineItem[] = [
  {
    id: 'a',
    title: 'Garden waste',
    href: '/roadmap/fenmoor/garden-waste/',
    status: 'beta',
    start: '2025-03',
    end: '2026-06',
    organisation: 'Fenmoor',
  },
  { id: 'b', title: 'Bin day finder', href: '/roadmap/fenmoor/bin-day-finder/', status: 'live', start: '2024-01', organisation: 'Fenmoor' },
  { id: 'c', title: 'Parking permits', href: '/roadmap/westmarch/parking-permits/', status: 'idea', organisation: 'Westmarch' },
  {
    id: 'd',
    title: HOSTILE,
    href: '/roadmap/westmarch/hostile/',
    status: 'paused',
    start: '2025-01',
    end: '2025-04',
    organisation: 'West <b>march</b>',
  },
];

/** What the tests read from a rendered chart. */
function read(html: string) {
  const tags = scanTags(html);
  const all = (name: string) => tags.filter((tag) => tag.name === name);
  const attr = (tag: Tag | undefined, name: string) => tag?.attributes.get(name);
  const svg = all('svg').find((tag) => tag.attributes.get('class')?.includes('hub-chart__svg'));
  const textOf = (id: string) => {
    const match = new RegExp(`<(title|desc) id="${id}">([^<]*)</\\1>`).exec(html);
    return match ? decodeEntities(match[2]) : undefined;
  };
  const tbody = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
  const svgHtml = svg
    ? html.slice(html.indexOf('<svg class="hub-chart__svg'), html.indexOf('</svg>', html.indexOf('<svg class="hub-chart__svg')))
    : '';
  return { tags, all, attr, svg, textOf, tbody, svgHtml, bodyRows: (tbody.match(/<tr /g) ?? []).length };
}

/** Checks every chart shares: figure and heading, a scaling SVG named by its title and desc, a table, nothing loaded or run. */
function expectCommonStructure(html: string, caption: string, role: 'img' | 'group') {
  const { all, attr, svg, textOf } = read(html);
  expect(html).toMatch(/^<figure class="hub-chart" id="[a-z0-9-]+">\s*<figcaption><h2 class="govuk-heading-m">/);
  expect(html).toContain(`<h2 class="govuk-heading-m">${caption}</h2></figcaption>`);
  expect(svg, 'the chart').toBeDefined();
  expect(attr(svg, 'role')).toBe(role);
  expect(attr(svg, 'viewbox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(attr(svg, 'width')).toBeUndefined();
  expect(attr(svg, 'height')).toBeUndefined();
  const [titleId, descId] = (attr(svg, 'aria-labelledby') ?? '').split(' ');
  expect(textOf(titleId)).toContain(caption);
  expect(textOf(descId)?.length).toBeGreaterThan(10);
  // The chart scrolls inside a region that the keyboard can reach, when the column is narrower than it.
  const region = all('div').find((tag) => tag.attributes.get('class') === 'hub-chart__scroll');
  expect([attr(region, 'role'), attr(region, 'tabindex'), attr(region, 'aria-label')]).toEqual(['region', '0', `Chart: ${caption}`]);
  // The data as a table, behind a <details> that works without JavaScript.
  expect(html).toMatch(
    new RegExp(
      /<details class="govuk-details hub-chart__details">\s*<summary class="govuk-details__summary">/.source +
        /<span class="govuk-details__summary-text">Show the data as a table<span class="govuk-visually-hidden">: /.source,
    ),
  );
  expect(all('table')).toHaveLength(1);
  expect(all('caption')).toHaveLength(1);
  for (const th of all('th')) expect(['col', 'row']).toContain(attr(th, 'scope'));
  // Nothing run, styled inline or fetched; ids unique.
  for (const name of ['script', 'style', 'link', 'image', 'img', 'iframe', 'foreignobject', 'use']) expect(all(name), name).toEqual([]);
  expect(html).not.toMatch(/\sstyle=|\son[a-z]+=|url\(|https?:|@font-face|font-family/i);
  const ids = read(html)
    .tags.map((tag) => tag.attributes.get('id'))
    .filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('TimelineChart', () => {
  const render = (props: Record<string, unknown> = {}) =>
    container.renderToString(TimelineChart, { props: { items: ITEMS, today: '2026-11', caption: 'Roadmap timeline', ...props } });

  it('is a figure with a heading, a scaling SVG named by its title and summary, and a table', async () => {
    const html = await render();
    expectCommonStructure(html, 'Roadmap timeline', 'group');
    const { svg, textOf, attr } = read(html);
    const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ');
    expect(textOf(titleId)).toBe('Timeline: Roadmap timeline');
    expect(textOf(descId)).toBe(
      '3 roadmap items from 2024 to 2026: 1 in beta, 1 live and 1 paused. ' +
        '1 ongoing. Today is November 2026. 1 more item has no dates and is not shown.',
    );
  });

  it('makes every drawn row a link to its item, named with the full title, status and dates', async () => {
    const { all, svgHtml } = read(await render());
    const links = all('a').filter((tag) => tag.attributes.has('aria-label'));
    expect(links.map((tag) => [tag.attributes.get('href'), tag.attributes.get('aria-label')])).toEqual([
      ['/roadmap/fenmoor/bin-day-finder/', 'Bin day finder: Live, ongoing, from January 2024'],
      ['/roadmap/westmarch/hostile/', `${HOSTILE}: Paused, from January 2025, to April 2025`],
      ['/roadmap/fenmoor/garden-waste/', 'Garden waste: Beta, from March 2025, to June 2026'],
    ]);
    // Axis labels and the statuses beside the bars are hidden from screen readers: the links and the summary say it all.
    expect(svgHtml).toMatch(/<g aria-hidden="true">/);
    expect((svgHtml.match(/aria-hidden="true">(Live, ongoing|Paused|Beta)<\/text>/g) ?? []).length).toBe(3);
  });

  it('writes the status beside every bar, and lists the colours in words', async () => {
    const html = await render();
    for (const status of ['Live, ongoing', 'Paused', 'Beta']) expect(html).toMatch(new RegExp(`>${status}</text>`));
    const legend = html.slice(html.indexOf('<ul class="hub-chart__legend"'), html.indexOf('</ul>'));
    expect(legend).toContain('aria-label="Key to the colours"');
    expect([...legend.matchAll(/<\/svg>([^<]+)<\/li>/g)].map((match) => match[1])).toEqual([
      'Beta',
      'Live',
      'Paused',
      'Arrow: ongoing, or no end date',
    ]);
  });

  it('has a table row for every item, dated or not, with its status as a tag and its dates in words', async () => {
    const { bodyRows, tbody, all } = read(await render());
    expect(bodyRows).toBe(ITEMS.length);
    expect(all('th').filter((tag) => tag.attributes.get('scope') === 'row')).toHaveLength(ITEMS.length);
    expect(all('th').filter((tag) => tag.attributes.get('scope') === 'col').length).toBe(4);
    expect(tbody).toContain('<a class="govuk-link" href="/roadmap/fenmoor/bin-day-finder/">Bin day finder</a></th>');
    expect(tbody).toMatch(
      new RegExp(
        /<strong class="govuk-tag govuk-tag--green">Live<\/strong><\/td>\s*/.source +
          /<td class="govuk-table__cell">January 2024<\/td>\s*<td class="govuk-table__cell">Ongoing<\/td>/.source,
      ),
    );
    expect(tbody).toMatch(
      new RegExp(
        /Parking permits<\/a><\/th>\s*<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--grey">Idea<\/strong><\/td>\s*/
          .source + /<td class="govuk-table__cell">Not given<\/td>\s*<td class="govuk-table__cell">Not given<\/td>/.source,
      ),
    );
  });

  it('lists the items it cannot draw below the chart', async () => {
    expect(await render()).toContain(
      '<p class="govuk-body-s">Not shown: no dates — ' +
        '<a class="govuk-link" href="/roadmap/westmarch/parking-permits/">Parking permits</a>.</p>',
    );
  });

  it('labels rows and adds a column with the organisation when asked', async () => {
    const html = await render({ showOrganisation: true });
    expect(html).toMatch(/>Garden waste — Fenmoor<\/text>/);
    expect(html).toContain('<th scope="col" class="govuk-table__header">Organisation</th>');
    expect(html).toContain('<td class="govuk-table__cell">West &lt;b&gt;march&lt;/b&gt;</td>');
  });

  it('escapes every text: a title like <script>alert(1)</script> stays text', async () => {
    const html = await render({ showOrganisation: true });
    const { all } = read(html);
    expect(all('script')).toEqual([]);
    expect(all('b')).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    // Outside attribute values, no raw markup from the title anywhere.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script|<b>/);
  });

  it('draws nothing but still lists and tabulates items when none has dates', async () => {
    const html = await render({ items: [ITEMS[2]] });
    expect(html).not.toContain('<svg class="hub-chart__svg');
    expect(html).toContain('Not shown: no dates');
    expect(read(html).bodyRows).toBe(1);
  });

  it('takes a heading level, an id and an open table', async () => {
    const html = await render({ headingLevel: 3, id: 'service-timeline', tableOpen: true });
    expect(html).toContain('<figcaption><h3 class="govuk-heading-m">Roadmap timeline</h3></figcaption>');
    expect(html).toContain('aria-labelledby="service-timeline-title service-timeline-desc"');
    expect(html).toMatch(/<details class="govuk-details hub-chart__details" open/);
  });

  it('stays small at 60 items: each row costs the same few elements and bytes, whatever the dates', async () => {
    const items = (count: number, title = (index: number) => `Item ${index}`): TimelineItem[] =>
      Array.from({ length: count }, (_, index) => ({
        id: `i${index}`,
        title: title(index),
        href: `/r/${index}/`,
        status: ROADMAP_STATUSES[index % 8],
        start: `20${10 + (index % 17)}-0${(index % 9) + 1}`,
        ...(index % 3 ? { end: `2027-0${(index % 9) + 1}` } : {}),
        organisation: 'Org',
      }));
    const sizeOf = async (list: TimelineItem[]) => Buffer.byteLength(await render({ items: list, showOrganisation: true }));
    const html = await render({ items: items(60), showOrganisation: true });
    const { all, bodyRows, svgHtml } = read(html);
    expect(bodyRows).toBe(60);
    expect(all('a').filter((tag) => tag.attributes.has('aria-label'))).toHaveLength(60);
    // Per row: a link with its focus rectangle, title and bar, and the status; per year (18 here): a grid line
    // and its label above and below; and the Today line and label.
    expect((svgHtml.match(/<(path|rect|text|line|g|a|circle|polygon)\b/g) ?? []).length).toBeLessThanOrEqual(60 * 5 + 3 * 20 + 10);
    // Markup, less the items' own text: under 1 KB an item, chart and table together.
    const [thirty, sixty] = [await sizeOf(items(30)), await sizeOf(items(60))];
    expect((sixty - thirty) / 30).toBeLessThan(1024);
    expect(sixty).toBeLessThan(60 * 1024);
    // Longer titles add only their own length (three times: drawn, in the link's name, in the table).
    const long = await sizeOf(items(60, (index) => `Replace the housing register with an open source system, phase ${index}`));
    expect(long - sixty).toBeLessThanOrEqual(60 * 3 * 'Replace the housing register with an open source system, phase '.length);
  });
});

describe('BarChart', () => {
  const ROWS = [
    { label: 'Roadmap', value: 1234 },
    { label: 'Design principles', value: 87 },
    { label: HOSTILE, value: 0 },
  ];
  const render = (props: Record<string, unknown> = {}) =>
    container.renderToString(BarChart, { props: { rows: ROWS, caption: 'Records by collection', unit: 'Records', ...props } });

  it('is an image named by its title and a summary of every value, when no bar is a link', async () => {
    const html = await render();
    expectCommonStructure(html, 'Records by collection', 'img');
    const { svg, attr, textOf } = read(html);
    const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ');
    expect(textOf(titleId)).toBe('Bar chart: Records by collection');
    expect(textOf(descId)).toBe(barModel(ROWS, { unit: 'Records' }).description);
    expect(textOf(descId)).toContain('Roadmap 1,234');
  });

  it('writes each value at its bar with en-GB separators, and tabulates every row under the unit', async () => {
    const html = await render({ labelHeader: 'Collection' });
    const { bodyRows, tbody } = read(html);
    expect(html).toMatch(/>1,234<\/text>/);
    expect(bodyRows).toBe(ROWS.length);
    expect(html).toContain('<th scope="col" class="govuk-table__header">Collection</th>');
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Records</th>');
    expect(tbody).toMatch(
      /<th scope="row" class="govuk-table__header">Roadmap<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">1,234<\/td>/,
    );
  });

  it('is a group of named links when bars have hrefs, as role="img" would hide them', async () => {
    const html = await render({ rows: ROWS.map((row, index) => ({ ...row, href: `/c${index}/` })) });
    expectCommonStructure(html, 'Records by collection', 'group');
    const links = read(html)
      .all('a')
      .filter((tag) => tag.attributes.has('aria-label'));
    expect(links.map((tag) => [tag.attributes.get('href'), tag.attributes.get('aria-label')])).toEqual([
      ['/c0/', 'Roadmap: 1,234'],
      ['/c1/', 'Design principles: 87'],
      ['/c2/', `${HOSTILE}: 0`],
    ]);
    expect(html).toContain('<a class="govuk-link" href="/c0/">Roadmap</a></th>');
  });

  it('escapes every text', async () => {
    const html = await render();
    expect(read(html).all('script')).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script/);
  });
});

describe('ShareChart', () => {
  const PERIODS = [
    {
      period: '2025',
      parts: [
        { key: 'beta', label: 'Beta', value: 1 },
        { key: 'live', label: 'Live', value: 1 },
        { key: 'idea', label: 'Idea', value: 1 },
      ],
    },
    {
      period: '2026',
      parts: [
        { key: 'beta', label: 'Beta', value: 1200 },
        { key: 'live', label: 'Live', value: 34 },
      ],
    },
    { period: HOSTILE, parts: [] },
  ];
  const render = (props: Record<string, unknown> = {}) =>
    container.renderToString(ShareChart, {
      props: {
        periods: PERIODS,
        keys: statusKeys(),
        caption: 'Roadmap items by start year',
        unit: 'Roadmap items',
        periodHeader: 'Start year',
        ...props,
      },
    });

  it('is an image named by its title and a summary of the shares', async () => {
    const html = await render();
    expectCommonStructure(html, 'Roadmap items by start year', 'img');
    const { svg, attr, textOf } = read(html);
    const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ');
    expect(textOf(titleId)).toBe('100% stacked bar chart: Roadmap items by start year');
    expect(textOf(descId)).toBe(
      `3 periods, from 2025 to ${HOSTILE}. 2025: 3 in all; Idea 34%, Beta 33%, ` +
        `Live 33%. 2026: 1,234 in all; Beta 97%, Live 3%. ${HOSTILE}: none.`,
    );
  });

  it('has a legend in words, in the key order, for the parts present', async () => {
    const html = await render();
    const legend = html.slice(html.indexOf('<ul class="hub-chart__legend"'), html.indexOf('</ul>'));
    expect([...legend.matchAll(/<\/svg>([^<]+)<\/li>/g)].map((match) => match[1])).toEqual(['Idea', 'Beta', 'Live']);
  });

  it('tabulates a row per period with counts and percentages adding up to 100, and totals', async () => {
    const html = await render();
    const { bodyRows, tbody } = read(html);
    expect(bodyRows).toBe(PERIODS.length);
    expect(html).toContain('<th scope="col" class="govuk-table__header">Start year</th>');
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Total roadmap items</th>');
    const rows = tbody
      .split('</tr>')
      .slice(0, -1)
      .map((row) => [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1]));
    expect(rows).toEqual([
      ['1 (34%)', '1 (33%)', '1 (33%)', '3'],
      ['0', '1,200 (97%)', '34 (3%)', '1,234'],
      ['0', '0', '0', '0'],
    ]);
    for (const row of rows.slice(0, 2))
      expect(row.slice(0, -1).reduce((sum, cell) => sum + Number(/\((\d+)%\)/.exec(cell)?.[1] ?? 0), 0)).toBe(100);
  });

  it('writes shares on the segments that have room, and "None" on an empty period', async () => {
    const html = await render();
    expect(html).toMatch(/<text class="hub-chart__in"[^>]*>Beta 97%<\/text>/);
    expect(html).toMatch(/>None<\/text>/);
  });

  it('escapes every text', async () => {
    const html = await render();
    expect(read(html).all('script')).toEqual([]);
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script/);
  });
});
