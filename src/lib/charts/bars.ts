/**
 * The bar chart's model: one horizontal bar per row, from zero, its label above it and its value
 * written at its end (src/components/charts/BarChart.astro draws it), in viewBox units. Pure.
 *
 * Labels go above the bars rather than beside them so that the chart can be narrow (330 units: drawn
 * at 14px to 19px text from a 320px phone to a desktop column) and long labels ("Community or
 * civic-tech group") need no shortening.
 */
import { BRAND } from './colours.ts';
import { listInWords } from '../format.ts';
import { cleanCount, formatNumber, inSentence, round, textWidth, truncateToWidth } from './text.ts';

export interface BarInput {
  label: string;
  value: number;
  href?: string;
}

export interface BarRow {
  label: string;
  /** The label as drawn, shortened to fit its column. */
  text: string;
  value: number;
  valueText: string;
  href?: string;
  /** The top of the row, the baselines of its label and value, and its bar (none for 0). */
  y: number;
  labelY: number;
  textY: number;
  barWidth: number;
  path?: string;
  valueX: number;
  accessibleName: string;
}

export interface BarModel {
  width: number;
  height: number;
  fontSize: number;
  rowHeight: number;
  barHeight: number;
  barY: number;
  textY: number;
  /** Baseline of a row's label. */
  labelY: number;
  colour: string;
  rows: BarRow[];
  total: number;
  hasLinks: boolean;
  description: string;
}

export const BARS = {
  width: 330,
  fontSize: 16,
  rowHeight: 48,
  labelY: 17,
  barY: 23,
  barHeight: 20,
  gap: 6,
  /** A value above 0 is drawn at least this wide, so that it is never invisible. */
  minBarWidth: 2,
  /** How many rows the description names before "and N more". */
  describeAtMost: 12,
} as const;

export function barModel(input: readonly BarInput[], options: { unit?: string } = {}): BarModel {
  const { width, fontSize, rowHeight, labelY, barY, barHeight, gap, minBarWidth } = BARS;
  const values = input.map((row) => cleanCount(row.value));
  const valueTexts = values.map(formatNumber);
  const valueRoom = Math.max(0, ...valueTexts.map((text) => textWidth(text, fontSize))) + gap;
  const plotWidth = width - valueRoom;
  const max = Math.max(0, ...values);
  const rows = input.map((row, index) => {
    const value = values[index];
    // Rounded down, so that the value written after the bar stays inside the chart.
    const barWidth = value === 0 ? 0 : Math.max(minBarWidth, Math.floor((value / max) * plotWidth * 10 + 1e-9) / 10);
    return {
      label: row.label,
      text: truncateToWidth(row.label, width, fontSize),
      value,
      valueText: valueTexts[index],
      href: row.href,
      y: index * rowHeight,
      labelY: index * rowHeight + labelY,
      textY: round(index * rowHeight + barY + barHeight / 2 + fontSize * 0.35),
      barWidth,
      path: barWidth > 0 ? `M0 ${index * rowHeight + barY}h${barWidth}v${barHeight}h${-barWidth}z` : undefined,
      valueX: round(barWidth + gap),
      accessibleName: `${row.label}: ${valueTexts[index]}`,
    };
  });
  const total = values.reduce((sum, value) => sum + value, 0);
  return {
    width,
    height: Math.max(rowHeight, rows.length * rowHeight),
    fontSize,
    rowHeight,
    barHeight,
    barY,
    labelY,
    textY: round(barY + barHeight / 2 + fontSize * 0.35),
    colour: BRAND,
    rows,
    total,
    hasLinks: rows.some((row) => row.href !== undefined && row.href !== ''),
    description: describeBars(rows, total, options.unit ?? 'Total'),
  };
}

/** "Records: Roadmap 120, Lessons learned 40 and 3 more; 172 records in all. Largest: Roadmap." */
function describeBars(rows: BarRow[], total: number, unit: string): string {
  if (rows.length === 0) return 'No data.';
  const named = rows.slice(0, BARS.describeAtMost).map((row) => `${row.label} ${row.valueText}`);
  const more = rows.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${formatNumber(more)} more` : listInWords(named);
  const largest = rows.reduce((best, row) => (row.value > best.value ? row : best), rows[0]);
  const tail = rows.length > 1 && largest.value > 0 ? ` Largest: ${largest.label}.` : '';
  return `${unit}: ${list}; ${formatNumber(total)} ${unit === 'Total' ? '' : `${inSentence(unit)} `}in all.${tail}`;
}
