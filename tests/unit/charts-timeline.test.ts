/**
 * src/lib/charts/timeline.ts: the roadmap timeline's geometry, worked out by hand for a few items, and
 * its rules: ongoing items run to today with an open end, items with no dates are listed, not drawn,
 * labels are shortened to fit, the summary says what the chart shows.
 */
import { describe, expect, it } from 'vitest';
import { ROADMAP_STATUSES } from '../../schemas/roadmap.ts';
import { STATUS_COLOURS, TEXT, WHITE } from '../../src/lib/charts/colours.ts';
import { textWidth } from '../../src/lib/charts/text.ts';
import { TIMELINE, timelineModel, type TimelineItem } from '../../src/lib/charts/timeline.ts';

const item = (
  id: string,
  status: TimelineItem['status'],
  start?: string,
  end?: string,
  extra: Partial<TimelineItem> = {},
): TimelineItem => ({
  id,
  title: `Item ${id}`,
  href: `/roadmap/x/${id}/`,
  status,
  ...(start ? { start } : {}),
  ...(end ? { end } : {}),
  ...extra,
});

// Today is November 2026. The axis runs from January 2024 to the end of 2027: 48 months over 618 units
// (630 less 12 kept for an arrow), 12.875 units a month, 154.5 a year.
const ITEMS: TimelineItem[] = [
  item('a', 'beta', '2025-03', '2026-06', { title: 'Garden waste' }),
  item('b', 'live', '2024-01', undefined, { title: 'Bin day finder' }),
  item('c', 'idea', undefined, undefined, { title: 'Parking permits' }),
  item('d', 'paused', '2025-01', undefined, { title: 'Pest control' }),
  item('e', 'discovery', '2027-02', undefined, { title: 'Blue badges' }),
  item('f', 'retired', undefined, '2025-05', { title: 'Missed bins' }),
];
const model = timelineModel(ITEMS, '2026-11');
const row = (id: string) => model.rows.find((candidate) => candidate.item.id === id)!;

describe('timelineModel: rows', () => {
  it('draws dated items by start, then lists undated ones: every item is a row of the table', () => {
    expect(model.drawn.map((entry) => entry.item.id)).toEqual(['b', 'd', 'a', 'f', 'e']);
    expect(model.undated.map((entry) => entry.item.id)).toEqual(['c']);
    expect(model.rows.map((entry) => entry.item.id)).toEqual(['b', 'd', 'a', 'f', 'e', 'c']);
  });

  it('gives each drawn row a fixed height below the 48-unit header, and the chart grows with the rows', () => {
    expect(model.drawn.map((entry) => entry.y)).toEqual([48, 96, 144, 192, 240]);
    expect(model.drawn.map((entry) => entry.labelY)).toEqual([65, 113, 161, 209, 257]);
    expect(model.height).toBe(48 + 5 * 48 + 4);
    expect(model.width).toBe(630);
  });

  it('runs a bar from the start of its first month to the end of its last', () => {
    // March 2025 is month 14 of the axis; June 2026 ends at month 30.
    // The third row: its top at 144, its bar 24 below.
    expect(row('a').bar).toEqual({ path: 'M180.3 168h206v18h-206z', x: 180.3, width: 206, colour: STATUS_COLOURS.beta, open: false });
    expect([row('a').startText, row('a').endText, row('a').ongoing]).toEqual(['March 2025', 'June 2026', false]);
  });

  it('runs an active item with a start and no end to the middle of this month, ending in an arrow: ongoing', () => {
    expect(row('b').bar).toEqual({ path: 'M0 72h444.2l9 9l-9 9h-444.2z', x: 0, width: 444.2, colour: STATUS_COLOURS.live, open: true });
    expect([row('b').endText, row('b').ongoing]).toEqual(['Ongoing', true]);
    // Centred on the bar: 48 + 24 + 9, plus 0.35 of the font size.
    expect(row('b').statusText).toEqual({ text: 'Live, ongoing', x: 459.2, y: 86.6, anchor: 'start', fill: TEXT, inside: false });
  });

  it('draws an active item starting after today as one month with an arrow: no end date', () => {
    expect(row('e').bar).toMatchObject({ x: 476.4, width: 12.9, open: true });
    expect([row('e').endText, row('e').ongoing]).toEqual(['No end date', false]);
  });

  it('draws a paused, stopped or retired item with only a start, or any item with only an end, as one month', () => {
    expect(row('d').bar).toMatchObject({ x: 154.5, width: 12.9, open: false });
    expect(row('d').endText).toBe('Not given');
    expect(row('f').bar).toMatchObject({ x: 206, width: 12.9, open: false });
    expect(row('f').startText).toBe('Not given');
  });

  it('names each link with the full title, the status and the dates, starting with what is drawn', () => {
    expect(model.rows.map((entry) => entry.accessibleName)).toEqual([
      'Bin day finder: Live, ongoing, from January 2024',
      'Pest control: Paused, from January 2025, end not given',
      'Garden waste: Beta, from March 2025, to June 2026',
      'Missed bins: Retired, start not given, to May 2025',
      'Blue badges: Discovery, from February 2027, no end date',
      'Parking permits: Idea, no dates',
    ]);
  });

  it('colours each bar by its status', () => {
    for (const entry of model.drawn) expect(entry.bar!.colour).toBe(STATUS_COLOURS[entry.item.status]);
  });

  it('draws a bar whose end is before its start as its start month, and ignores dates that are not months', () => {
    const odd = timelineModel([item('x', 'beta', '2025-06', '2025-01'), item('y', 'beta', '2025-6', 'soon')], '2026-11');
    expect(odd.drawn.map((entry) => entry.item.id)).toEqual(['x']);
    // Axis 2025 to 2026: 24 months over 618 units, 25.75 a month; June 2025 is month 5.
    expect(odd.drawn[0].bar).toMatchObject({ x: 128.8, width: 25.7 });
    expect(odd.drawn[0].endText).toBe('January 2025');
    expect(odd.undated.map((entry) => [entry.item.id, entry.startText, entry.endText])).toEqual([['y', 'Not given', 'Not given']]);
  });

  it('refuses a today that is not a month', () => {
    expect(() => timelineModel(ITEMS, '2026-11-27')).toThrow(/today must be a YYYY-MM month/);
  });
});

describe('timelineModel: the status beside each bar', () => {
  it('goes right of the bar, else left of it, else inside it in a colour that reads on the bar', () => {
    const placed = timelineModel(
      [
        item('right', 'beta', '2024-01', '2024-03'),
        item('left', 'retired', '2027-06', '2027-12'),
        item('inside', 'idea', '2024-01', '2027-12'),
        item('inside-dark', 'beta', '2024-01', '2027-12'),
      ],
      '2026-11',
    );
    const at = (id: string) => placed.drawn.find((entry) => entry.item.id === id)!;
    expect(at('right').statusText).toMatchObject({ anchor: 'start', fill: TEXT, inside: false });
    expect(at('right').statusText!.x).toBeGreaterThan(at('right').bar!.x + at('right').bar!.width);
    expect(at('left').statusText).toMatchObject({ anchor: 'end', fill: TEXT, inside: false, x: at('left').bar!.x - TIMELINE.gap });
    expect(at('inside').statusText).toMatchObject({ anchor: 'start', fill: TEXT, inside: true });
    expect(at('inside-dark').statusText).toMatchObject({ anchor: 'start', fill: WHITE, inside: true });
  });

  it('always fits inside the chart', () => {
    const all = timelineModel(
      ROADMAP_STATUSES.flatMap((status, index) => [
        item(`${status}-a`, status, `202${index % 6}-0${(index % 9) + 1}`),
        item(`${status}-b`, status, '2020-01', '2026-12'),
      ]),
      '2026-11',
    );
    for (const entry of all.drawn) {
      const text = entry.statusText!;
      const width = textWidth(text.text, TIMELINE.fontSize);
      const [from, to] = text.anchor === 'start' ? [text.x, text.x + width] : [text.x - width, text.x];
      expect(from, entry.item.id).toBeGreaterThanOrEqual(0);
      expect(to, entry.item.id).toBeLessThanOrEqual(all.width);
    }
  });
});

describe('timelineModel: axis, today and legend', () => {
  it('ticks every year from the first to the one after the last, labelling all but the closing one', () => {
    expect(model.ticks).toEqual([
      { year: 2024, x: 0, labelled: true },
      { year: 2025, x: 154.5, labelled: true },
      { year: 2026, x: 309, labelled: true },
      { year: 2027, x: 463.5, labelled: true },
      { year: 2028, x: 618, labelled: false },
    ]);
  });

  it('labels every second or fifth year when years are too narrow for their labels', () => {
    const long = timelineModel([item('old', 'retired', '2001-01', '2003-01')], '2026-11');
    const labelled = long.ticks.filter((tick) => tick.labelled).map((tick) => tick.year);
    // 27 years over 618 units: 22.9 a year, too narrow for "2026", so every fifth year.
    expect(labelled).toEqual([2005, 2010, 2015, 2020, 2025]);
    const gaps = labelled
      .slice(1)
      .map((year, index) => long.ticks.find((tick) => tick.year === year)!.x - long.ticks.find((tick) => tick.year === labelled[index])!.x);
    for (const gap of gaps) expect(gap).toBeGreaterThan(textWidth('2026', 16) + 8);
  });

  it('marks today in the middle of its month, beside each bar and clear of the titles', () => {
    expect(model.today).toMatchObject({ x: 444.2, text: 'Today', textX: 444.2, label: 'November 2026' });
    expect(model.today.path).toBe('M444.2 44V48M444.2 69v24M444.2 117v24M444.2 165v24M444.2 213v24M444.2 261v24');
  });

  it('keeps the Today label inside the chart when today is at an edge', () => {
    const early = timelineModel([item('x', 'beta', '2026-01', '2027-12')], '2026-01');
    expect(early.today.textX).toBeGreaterThanOrEqual(textWidth('Today', 16) / 2);
    const late = timelineModel([item('x', 'beta', '2025-01', '2026-12')], '2026-12');
    expect(late.today.textX + textWidth('Today', 16) / 2).toBeLessThanOrEqual(late.width);
  });

  it('always includes today in the axis', () => {
    const past = timelineModel([item('x', 'retired', '2015-01', '2016-06')], '2026-11');
    expect(past.ticks.at(-1)!.year).toBe(2027);
    expect(past.today.x).toBeLessThanOrEqual(past.width);
  });

  it('lists the statuses drawn, in their usual order, for the legend', () => {
    expect(model.legend.map((entry) => entry.label)).toEqual(['Discovery', 'Beta', 'Live', 'Paused', 'Retired']);
  });

  it('repeats the year labels below a long chart', () => {
    expect(model.axisLabelY).toEqual([18]);
    const many = timelineModel(
      Array.from({ length: 11 }, (_, index) => item(`i${index}`, 'beta', '2025-01', '2025-06')),
      '2026-11',
    );
    expect(many.axisLabelY).toEqual([18, 48 + 11 * 48 + 20]);
    expect(many.height).toBe(48 + 11 * 48 + TIMELINE.footer);
  });
});

describe('timelineModel: labels and summary', () => {
  it('labels rows "Title — Organisation" when asked', () => {
    const withOrganisation = timelineModel(
      [item('x', 'beta', '2025-01', '2025-06', { title: 'Bins', organisation: 'Fenmoor' })],
      '2026-11',
      { showOrganisation: true },
    );
    expect(withOrganisation.drawn[0].label).toBe('Bins — Fenmoor');
    expect(withOrganisation.drawn[0].accessibleName).toBe('Bins — Fenmoor: Beta, from January 2025, to June 2025');
    expect(
      timelineModel([item('x', 'beta', '2025-01', '2025-06', { title: 'Bins', organisation: 'Fenmoor' })], '2026-11').drawn[0].label,
    ).toBe('Bins');
  });

  it('shortens a long title to fit the chart, keeping it whole in the table and the link name', () => {
    const title = 'Replace the housing register with an open source system shared by four councils across the county and beyond';
    const [entry] = timelineModel([item('x', 'beta', '2025-01', '2025-06', { title })], '2026-11').drawn;
    expect(entry.label.endsWith('…')).toBe(true);
    expect(textWidth(entry.label, 16)).toBeLessThanOrEqual(630);
    expect(title.startsWith(entry.label.slice(0, -1))).toBe(true);
    expect(entry.fullLabel).toBe(title);
    expect(entry.accessibleName.startsWith(title)).toBe(true);
  });

  it('summarises the items, years, statuses, ongoing work, today and what is not drawn', () => {
    expect(model.description).toBe(
      '5 roadmap items from 2024 to 2027: 1 in discovery, 1 in beta, 1 live, 1 paused and 1 retired. ' +
        '1 ongoing. Today is November 2026. 1 more item has no dates and is not shown.',
    );
  });

  it('summarises one item, plural ideas, and a chart with nothing drawn', () => {
    expect(timelineModel([item('x', 'idea', '2026-01', '2026-03')], '2026-11').description).toBe(
      '1 roadmap item in 2026: 1 idea. Today is November 2026.',
    );
    expect(
      timelineModel([item('x', 'idea', '2026-01', '2026-03'), item('y', 'idea', '2025-01', '2025-02')], '2026-11').description,
    ).toMatch(/^2 roadmap items from 2025 to 2026: 2 ideas\./);
    const none = timelineModel([item('x', 'idea'), item('y', 'beta')], '2026-11');
    expect(none.drawn).toEqual([]);
    expect(none.description).toBe('No roadmap items with dates. Today is November 2026. 2 more items have no dates and are not shown.');
  });

  it('stays small at 60 items: one row of fixed height each, a few elements per row', () => {
    const sixty = timelineModel(
      Array.from({ length: 60 }, (_, index) =>
        item(
          `i${index}`,
          ROADMAP_STATUSES[index % 8],
          `20${20 + (index % 7)}-0${(index % 9) + 1}`,
          index % 3 ? `2027-0${(index % 9) + 1}` : undefined,
        ),
      ),
      '2026-11',
    );
    expect(sixty.drawn).toHaveLength(60);
    expect(sixty.height).toBe(48 + 60 * 48 + TIMELINE.footer);
    expect(sixty.ticks.length).toBeLessThanOrEqual(10);
  });
});
