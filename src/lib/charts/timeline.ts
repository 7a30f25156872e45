/**
 * The roadmap timeline's model: roadmap items as bars from their start month to their end month, one
 * row per item, in viewBox units (src/components/charts/TimelineChart.astro draws it). Pure: the same
 * items and `today` always give the same model.
 *
 * Each row is the item's title on one line and its bar below it, so the bars use the chart's whole
 * width and titles can be long. Bars run from the start of the start month to the end of the end
 * month. An item with a start but no end whose status is active (idea to live) is ongoing: its bar runs
 * to the middle of today's month and ends in an arrow (or, if it starts after today, is one month long
 * with an arrow). Items with no dates are not drawn; the table lists them.
 */
import { ROADMAP_STATUSES } from '../../../schemas/roadmap.ts';
import { monthInWords } from '../format.ts';
import { codeInWords } from '../labels.ts';
import { STATUS_COLOURS, TEXT, textOn, type RoadmapStatus } from './colours.ts';
import { listInWords } from '../format.ts';
import { monthIndex, round, textWidth, truncateToWidth, formatNumber } from './text.ts';

export interface TimelineItem {
  id: string;
  title: string;
  href: string;
  status: RoadmapStatus;
  /** YYYY-MM. */
  start?: string;
  /** YYYY-MM. */
  end?: string;
  organisation?: string;
}

export interface TimelineBar {
  /** The bar's outline, a rectangle or (open) a rectangle ending in an arrow, in chart coordinates. */
  path: string;
  x: number;
  width: number;
  colour: string;
  open: boolean;
}

export interface TimelineRow {
  item: TimelineItem;
  /** The status in words: "Beta". */
  statusLabel: string;
  /** The row's text in the chart, shortened to fit: "Title — Organisation" with showOrganisation. */
  label: string;
  /** The same, in full. */
  fullLabel: string;
  /** For the table: "April 2026", or "Not given". */
  startText: string;
  /** For the table: "March 2027", "Ongoing", "No end date" or "Not given". */
  endText: string;
  ongoing: boolean;
  /** The link's accessible name: the full label, status and dates. */
  accessibleName: string;
  /** Only for drawn rows: the top of the row, and the baseline of its title. */
  y?: number;
  labelY?: number;
  bar?: TimelineBar;
  /** The status written next to (or inside) the bar. */
  statusText?: { text: string; x: number; y: number; anchor: 'start' | 'end'; fill: string; inside: boolean };
}

export interface TimelineTick {
  year: number;
  x: number;
  /** Whether the year is written (every year, every second or every fifth, as room allows). */
  labelled: boolean;
}

export interface TimelineModel {
  width: number;
  height: number;
  fontSize: number;
  rowHeight: number;
  barHeight: number;
  /** Top of the first row. */
  top: number;
  /** Every item, drawn ones first by date, then those with no dates by title: the table's rows. */
  rows: TimelineRow[];
  drawn: TimelineRow[];
  undated: TimelineRow[];
  ticks: TimelineTick[];
  /** Where the year labels go: above the rows and, for a long chart, below them too. */
  axisLabelY: number[];
  /** The bottom of the last row: where the grid lines end. */
  rowsBottom: number;
  /**
   * The "Today" line: its label at the top, then a stroke beside each row's bar (`path`), leaving the
   * titles clear.
   */
  today: { x: number; text: string; textX: number; textY: number; label: string; path: string };
  /** The statuses present, in ROADMAP_STATUSES order, for the legend. */
  legend: { status: RoadmapStatus; label: string; colour: string }[];
  /** A summary in words, for the SVG's <desc>. */
  description: string;
}

export const TIMELINE = {
  width: 630,
  fontSize: 16,
  /** Year labels and the "Today" label above the rows. */
  header: 48,
  rowHeight: 48,
  titleBaseline: 17,
  barY: 24,
  barHeight: 18,
  /** How far an open end's arrow reaches past the bar. */
  arrow: 9,
  /** Room kept on the right for an arrow in December. */
  rightPad: 12,
  gap: 6,
  minBarWidth: 4,
  /** More rows than this and the year labels are repeated below the chart. */
  axisBelowAfter: 10,
  footer: 30,
} as const;

const ACTIVE: ReadonlySet<RoadmapStatus> = new Set(['idea', 'discovery', 'alpha', 'beta', 'live']);

/** How a status reads in a sentence: "3 in beta", "2 live", "1 idea". */
const STATUS_PHRASE: Record<RoadmapStatus, (count: string) => string> = {
  idea: (count) => `${count} ${count === '1' ? 'idea' : 'ideas'}`,
  discovery: (count) => `${count} in discovery`,
  alpha: (count) => `${count} in alpha`,
  beta: (count) => `${count} in beta`,
  live: (count) => `${count} live`,
  paused: (count) => `${count} paused`,
  stopped: (count) => `${count} stopped`,
  retired: (count) => `${count} retired`,
};

const byTitle = (a: TimelineRow, b: TimelineRow) => a.fullLabel.localeCompare(b.fullLabel, 'en-GB');

export function timelineModel(items: readonly TimelineItem[], today: string, options: { showOrganisation?: boolean } = {}): TimelineModel {
  const todayMonth = monthIndex(today);
  if (todayMonth === undefined) throw new Error(`timelineModel: today must be a YYYY-MM month, not ${JSON.stringify(today)}`);
  const { width, fontSize, header, rowHeight, barY, barHeight, arrow, rightPad, gap, minBarWidth } = TIMELINE;

  // Months of each item: [first month, month after the last], or undefined for no dates.
  const spans = items.map((item) => {
    const start = monthIndex(item.start);
    const end = monthIndex(item.end);
    const statusLabel = codeInWords(item.status);
    const fullLabel = options.showOrganisation && item.organisation ? `${item.title} — ${item.organisation}` : item.title;
    let span: { from: number; to: number; open: boolean } | undefined;
    let endText = end === undefined ? 'Not given' : monthInWords(item.end!);
    let ongoing = false;
    if (start !== undefined && end !== undefined) span = { from: start, to: Math.max(end, start) + 1, open: false };
    else if (start !== undefined && ACTIVE.has(item.status)) {
      ongoing = start <= todayMonth;
      endText = ongoing ? 'Ongoing' : 'No end date';
      span = { from: start, to: ongoing ? todayMonth + 0.5 : start + 1, open: true };
    } else if (start !== undefined) span = { from: start, to: start + 1, open: false };
    else if (end !== undefined) span = { from: end, to: end + 1, open: false };
    const startText = start === undefined ? 'Not given' : monthInWords(item.start!);
    // The name starts with the text drawn in the row (title, then status), for voice control (WCAG 2.5.3).
    const from = startText === 'Not given' ? 'start not given' : `from ${startText}`;
    const to = endText === 'No end date' ? 'no end date' : endText === 'Not given' ? 'end not given' : `to ${endText}`;
    const dates = !span ? 'no dates' : ongoing ? `ongoing, ${from}` : `${from}, ${to}`;
    const row: TimelineRow = {
      item,
      statusLabel,
      label: fullLabel,
      fullLabel,
      startText,
      endText,
      ongoing,
      accessibleName: `${fullLabel}: ${statusLabel}, ${dates}`,
    };
    return { row, span };
  });

  const drawnSpans = spans.filter((entry) => entry.span !== undefined) as {
    row: TimelineRow;
    span: { from: number; to: number; open: boolean };
  }[];
  drawnSpans.sort((a, b) => a.span.from - b.span.from || a.span.to - b.span.to || byTitle(a.row, b.row));
  const undated = spans
    .filter((entry) => entry.span === undefined)
    .map((entry) => entry.row)
    .sort(byTitle);

  // The axis: whole years, always including today.
  const first = Math.min(todayMonth, ...drawnSpans.map((entry) => entry.span.from));
  const last = Math.max(todayMonth + 1, ...drawnSpans.map((entry) => entry.span.to));
  const firstYear = Math.floor(first / 12);
  const endYear = Math.ceil(last / 12); // the year after the last one shown
  const domainStart = firstYear * 12;
  const domainMonths = (endYear - firstYear) * 12;
  const plotWidth = width - rightPad;
  const x = (month: number) => round(((month - domainStart) / domainMonths) * plotWidth);

  const perYear = plotWidth / (endYear - firstYear);
  const step = [1, 2, 5, 10, 20, 50].find((candidate) => candidate * perYear >= textWidth('2026', fontSize) + 16) ?? 100;
  const ticks: TimelineTick[] = [];
  for (let year = firstYear; year <= endYear; year += 1) {
    // The last tick closes the axis: there is no year after it to label.
    ticks.push({ year, x: x(year * 12), labelled: year < endYear && year % step === 0 });
  }

  const top = header;
  const drawn = drawnSpans.map(({ row, span }, index) => {
    const y = top + index * rowHeight;
    const x0 = x(span.from);
    const width_ = Math.max(minBarWidth, round(x(span.to) - x0));
    const x1 = x0 + width_;
    const path = span.open
      ? `M${x0} ${y + barY}h${width_}l${arrow} ${barHeight / 2}l${-arrow} ${barHeight / 2}h${-width_}z`
      : `M${x0} ${y + barY}h${width_}v${barHeight}h${-width_}z`;
    const textY = round(y + barY + barHeight / 2 + fontSize * 0.35);
    const colour = STATUS_COLOURS[row.item.status];
    const text = row.ongoing ? `${row.statusLabel}, ongoing` : row.statusLabel;
    const textSize = textWidth(text, fontSize);
    const end = x1 + (span.open ? arrow : 0);
    // Beside the bar on the right, else on the left, else inside it (there is always room inside
    // when there is none on either side: the bar is then most of the chart's width).
    const statusText =
      end + gap + textSize <= width
        ? { text, x: round(end + gap), y: textY, anchor: 'start' as const, fill: TEXT, inside: false }
        : x0 - gap - textSize >= 0
          ? { text, x: round(x0 - gap), y: textY, anchor: 'end' as const, fill: TEXT, inside: false }
          : { text, x: round(x0 + gap), y: textY, anchor: 'start' as const, fill: textOn(colour), inside: true };
    return {
      ...row,
      label: truncateToWidth(row.fullLabel, width, fontSize),
      y,
      labelY: y + TIMELINE.titleBaseline,
      bar: { path, x: x0, width: width_, colour, open: span.open },
      statusText,
    };
  });

  const rowsBottom = top + drawn.length * rowHeight;
  const axisBelow = drawn.length > TIMELINE.axisBelowAfter;
  const height = rowsBottom + (axisBelow ? TIMELINE.footer : 4);
  const axisLabelY = axisBelow ? [18, rowsBottom + 20] : [18];

  const todayX = x(todayMonth + 0.5);
  const halfToday = Math.ceil(textWidth('Today', fontSize) * 5) / 10; // half its width, rounded up
  const todayTextX = Math.min(Math.max(todayX, halfToday), width - halfToday);

  const counts = new Map<RoadmapStatus, number>();
  for (const row of drawn) counts.set(row.item.status, (counts.get(row.item.status) ?? 0) + 1);
  const legend = ROADMAP_STATUSES.filter((status) => counts.has(status)).map((status) => ({
    status,
    label: codeInWords(status),
    colour: STATUS_COLOURS[status],
  }));

  return {
    width,
    height,
    fontSize,
    rowHeight,
    barHeight,
    top,
    rows: [...drawn, ...undated],
    drawn,
    undated,
    ticks,
    axisLabelY,
    rowsBottom,
    today: {
      x: todayX,
      text: 'Today',
      textX: todayTextX,
      textY: 40,
      label: monthInWords(today),
      path: [`M${todayX} 44V${top}`, ...drawn.map((row) => `M${todayX} ${row.y + barY - 3}v${barHeight + 6}`)].join(''),
    },
    legend,
    description: describeTimeline(drawn, undated.length, today, counts),
  };
}

/** "12 roadmap items from 2024 to 2027: 3 in beta, 2 live and 1 paused. 4 ongoing. Today is November 2026." */
function describeTimeline(drawn: TimelineRow[], undatedCount: number, today: string, counts: Map<RoadmapStatus, number>): string {
  const sentences: string[] = [];
  if (drawn.length === 0) sentences.push('No roadmap items with dates.');
  else {
    const years = drawn.flatMap((row) => {
      const start = monthIndex(row.item.start);
      const end = row.ongoing ? monthIndex(today) : monthIndex(row.item.end);
      return [start, end].filter((month) => month !== undefined).map((month) => Math.floor(month / 12));
    });
    const from = Math.min(...years);
    const to = Math.max(...years);
    const noun = drawn.length === 1 ? 'roadmap item' : 'roadmap items';
    const byStatus = ROADMAP_STATUSES.filter((status) => counts.has(status)).map((status) =>
      STATUS_PHRASE[status](formatNumber(counts.get(status)!)),
    );
    sentences.push(
      `${formatNumber(drawn.length)} ${noun} ${from === to ? `in ${from}` : `from ${from} to ${to}`}: ${listInWords(byStatus)}.`,
    );
    const ongoing = drawn.filter((row) => row.ongoing).length;
    if (ongoing > 0) sentences.push(`${formatNumber(ongoing)} ongoing.`);
  }
  sentences.push(`Today is ${monthInWords(today)}.`);
  if (undatedCount > 0)
    sentences.push(
      `${formatNumber(undatedCount)} more ${undatedCount === 1 ? 'item has' : 'items have'} ` +
        `no dates and ${undatedCount === 1 ? 'is' : 'are'} not shown.`,
    );
  return sentences.join(' ');
}
