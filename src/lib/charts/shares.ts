/**
 * The shares chart's model: one 100% bar per period, split into parts in a fixed key order, each part's
 * share written on it when there is room (src/components/charts/ShareChart.astro draws it), in viewBox
 * units. Percentages are whole numbers that add up to 100 in every period (largest remainder). Pure.
 */
import { ROADMAP_STATUSES } from '../../../schemas/roadmap.ts';
import { codeInWords } from '../labels.ts';
import { CATEGORY_COLOURS, STATUS_COLOURS, textOn } from './colours.ts';
import { cleanCount, formatNumber, percentages, round, textWidth, truncateToWidth } from './text.ts';

export interface SharePart {
  key: string;
  label: string;
  value: number;
}

export interface SharePeriod {
  period: string;
  parts: SharePart[];
}

/** A part's place in the order, its name and its colour. */
export interface ShareKey {
  key: string;
  label: string;
  colour: string;
}

export interface ShareSegment {
  key: string;
  label: string;
  value: number;
  valueText: string;
  percent: number;
  x: number;
  width: number;
  /** The segment, in chart coordinates. */
  path: string;
  colour: string;
  /** What is written on the segment ("Beta 40%", "40%"), if it fits. */
  text?: string;
  textX: number;
  textFill: string;
}

export interface ShareRow {
  period: string;
  /** The period as drawn, shortened to fit its column. */
  text: string;
  total: number;
  totalText: string;
  /** The top of the row, and the baseline of its texts. */
  y: number;
  textY: number;
  segments: ShareSegment[];
  /** Every key of the chart, in order, with this period's count and share (0 if absent): the table. */
  cells: { key: string; value: number; valueText: string; percent: number }[];
}

export interface ShareModel {
  width: number;
  height: number;
  fontSize: number;
  rowHeight: number;
  barHeight: number;
  barY: number;
  textY: number;
  plotX: number;
  plotWidth: number;
  /** The keys with a value above 0 somewhere, in order: the legend and the table's columns. */
  keys: ShareKey[];
  rows: ShareRow[];
  description: string;
}

export const SHARES = {
  /** Narrow, so that the whole of each bar fits a phone (14px to 19px text, as the bar chart). */
  width: 330,
  fontSize: 16,
  rowHeight: 40,
  barY: 4,
  barHeight: 32,
  gap: 8,
  /** White space between neighbouring segments, so each meets white, not another colour. */
  segmentGap: 2,
  maxLabelShare: 0.3,
  /** Periods described part by part: all if there are this many or fewer, else the first and last. */
  describeAllUpTo: 3,
} as const;

/** Keys for shares by roadmap status: in ROADMAP_STATUSES order, in the status colours. */
export function statusKeys(): ShareKey[] {
  return ROADMAP_STATUSES.map((status) => ({ key: status, label: codeInWords(status), colour: STATUS_COLOURS[status] }));
}

/** Keys in the order given, in CATEGORY_COLOURS (repeating after eight): for collections, say. */
export function categoryKeys(keys: readonly { key: string; label: string }[]): ShareKey[] {
  return keys.map((key, index) => ({ key: key.key, label: key.label, colour: CATEGORY_COLOURS[index % CATEGORY_COLOURS.length] }));
}

/**
 * The chart's keys: those given, in their order, then any other key found in the data, in the order
 * first seen, each with the first category colour no key has yet (once all are taken, they repeat).
 * Keys never used (all values 0) are left out.
 */
export function shareKeys(periods: readonly SharePeriod[], given: readonly ShareKey[] = []): ShareKey[] {
  const keys = [...given];
  const known = new Set(given.map((key) => key.key));
  let extra = 0;
  for (const period of periods) {
    for (const part of period.parts) {
      if (known.has(part.key)) continue;
      known.add(part.key);
      const taken = new Set(keys.map((key) => key.colour));
      const colour = CATEGORY_COLOURS.find((candidate) => !taken.has(candidate)) ?? CATEGORY_COLOURS[extra % CATEGORY_COLOURS.length];
      extra += 1;
      keys.push({ key: part.key, label: part.label, colour });
    }
  }
  const used = new Set(periods.flatMap((period) => period.parts.filter((part) => cleanCount(part.value) > 0).map((part) => part.key)));
  return keys.filter((key) => used.has(key.key));
}

export function shareModel(periods: readonly SharePeriod[], options: { keys?: readonly ShareKey[] } = {}): ShareModel {
  const { width, fontSize, rowHeight, barY, barHeight, gap, segmentGap, maxLabelShare } = SHARES;
  const keys = shareKeys(periods, options.keys);
  const labelColumn = Math.min(Math.max(0, ...periods.map((period) => textWidth(period.period, fontSize))), width * maxLabelShare);
  const plotX = round(labelColumn + gap * 2);
  const plotWidth = width - plotX;

  const rows = periods.map((period, index): ShareRow => {
    const y = index * rowHeight;
    // A period's value for each key (parts with the same key add up).
    const values = keys.map((key) =>
      period.parts.filter((part) => part.key === key.key).reduce((sum, part) => sum + cleanCount(part.value), 0),
    );
    const total = values.reduce((sum, value) => sum + value, 0);
    const shares = percentages(values);
    const cells = keys.map((key, k) => ({ key: key.key, value: values[k], valueText: formatNumber(values[k]), percent: shares[k] }));
    const segments: ShareSegment[] = [];
    const lastIndex = values.findLastIndex((value) => value > 0);
    let before = 0;
    keys.forEach((key, k) => {
      if (values[k] === 0) return;
      const x0 = round(plotX + (before / total) * plotWidth);
      before += values[k];
      const last = k === lastIndex;
      const x1 = last ? width : round(plotX + (before / total) * plotWidth);
      // A white gap before the next segment; a sliver too thin for one is drawn at half its width.
      const span = x1 - x0;
      const segmentWidth = last ? span : Math.floor(Math.max(span - segmentGap, span / 2) * 10 + 1e-9) / 10;
      const percent = `${shares[k]}%`;
      const room = segmentWidth - 2 * 6;
      const named = `${key.label} ${percent}`;
      const text = textWidth(named, fontSize) <= room ? named : textWidth(percent, fontSize) <= room ? percent : undefined;
      segments.push({
        key: key.key,
        label: key.label,
        value: values[k],
        valueText: formatNumber(values[k]),
        percent: shares[k],
        x: x0,
        width: round(segmentWidth),
        path: `M${x0} ${y + barY}h${round(segmentWidth)}v${barHeight}h${-round(segmentWidth)}z`,
        colour: key.colour,
        text,
        textX: round(x0 + 6),
        textFill: textOn(key.colour),
      });
    });
    return {
      period: period.period,
      text: truncateToWidth(period.period, labelColumn, fontSize),
      total,
      totalText: formatNumber(total),
      y,
      textY: round(y + barY + barHeight / 2 + fontSize * 0.35),
      segments,
      cells,
    };
  });

  return {
    width,
    height: Math.max(rowHeight, rows.length * rowHeight),
    fontSize,
    rowHeight,
    barHeight,
    barY,
    textY: round(barY + barHeight / 2 + fontSize * 0.35),
    plotX,
    plotWidth,
    keys,
    rows,
    description: describeShares(rows, keys),
  };
}

/** "4 periods, from 2023 to 2026. 2023: 12 in all; Roadmap 50%, Lessons learned 50%. 2026: …". */
function describeShares(rows: ShareRow[], keys: ShareKey[]): string {
  if (rows.length === 0) return 'No data.';
  const sentences = [
    rows.length === 1
      ? `1 period, ${rows[0].period}.`
      : `${formatNumber(rows.length)} periods, from ${rows[0].period} to ${rows[rows.length - 1].period}.`,
  ];
  const described = rows.length <= SHARES.describeAllUpTo ? rows : [rows[0], rows[rows.length - 1]];
  for (const row of described) {
    const parts = row.cells
      .filter((cell) => cell.value > 0)
      .map((cell) => `${keys.find((key) => key.key === cell.key)!.label} ${cell.percent}%`);
    sentences.push(row.total === 0 ? `${row.period}: none.` : `${row.period}: ${row.totalText} in all; ${parts.join(', ')}.`);
  }
  return sentences.join(' ');
}
