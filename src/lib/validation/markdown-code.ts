/**
 * Where a Markdown body holds code: fenced code blocks, indented code blocks and code spans. The HTML
 * checks skip these stretches, because a `<ul>` written in code is shown as text, not used as a tag.
 *
 * This reads Markdown as CommonMark does closely enough for that purpose, not exactly: block quotes and
 * the finer points of list indentation are not followed. Where it is unsure it errs towards calling a
 * stretch ordinary text, so at worst an HTML warning is given for a tag shown in code, never missed for
 * a real one outside it. It runs in time proportional to the body, as every check on a body must
 * (tests/hostile): each line is read once, and each search for the next backtick starts where the
 * last one stopped.
 */

/** A stretch of the body, from `start` up to but not including `end`. */
export type Range = readonly [start: number, end: number];

const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE_OPEN = /^[ \t]*(?:(`{3,})[^`]*|(~{3,}).*)$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

/** The width of a line's indentation, a tab reaching the next multiple of four columns. */
function indentation(line: string): number {
  let width = 0;
  for (const character of line) {
    if (character === ' ') width++;
    else if (character === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * The code spans among a paragraph's runs of backticks: a run opens a span that the next run of the
 * same length closes, and a run with no such partner is plain text. Each run's partner is found in one
 * pass from the end, so that a paragraph of many unmatched runs is not searched again for each.
 */
function codeSpans(runs: readonly (readonly [start: number, length: number])[], ranges: Range[]): void {
  const partner = new Int32Array(runs.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index--) {
    partner[index] = nextOfLength.get(runs[index][1]) ?? -1;
    nextOfLength.set(runs[index][1], index);
  }
  for (let index = 0; index < runs.length;) {
    const closing = partner[index];
    if (closing === -1) {
      index++;
      continue;
    }
    ranges.push([runs[index][0], runs[closing][0] + runs[closing][1]]);
    index = closing + 1;
  }
}

/** The stretches of the body that are code, in order and not overlapping. */
export function codeRanges(body: string): Range[] {
  const ranges: Range[] = [];
  let fence: { character: string; length: number; start: number } | undefined;
  let previousBlank = true;
  let inIndentedCode = false;
  let inList = false;
  let runs: [start: number, length: number][] = [];
  let nextBacktick = -2;
  const endParagraph = () => {
    if (runs.length > 1) codeSpans(runs, ranges);
    runs = [];
  };

  for (let start = 0; start < body.length;) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline + 1;
    const line = body.slice(start, newline === -1 ? body.length : newline).replace(/\r$/, '');
    const lineStart = start;
    start = end;

    if (fence) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === fence.character && close[1].length >= fence.length) {
        ranges.push([fence.start, end]);
        fence = undefined;
      }
      continue;
    }
    if (line.trim() === '') {
      endParagraph();
      previousBlank = true;
      continue;
    }
    const indent = indentation(line);
    // Indented code cannot interrupt a paragraph, and in a list an indented line belongs to the item.
    if (indent >= 4 && (previousBlank || inIndentedCode) && !inList) {
      inIndentedCode = true;
      ranges.push([lineStart, end]);
      continue;
    }
    inIndentedCode = false;
    const open = FENCE_OPEN.exec(line);
    if (open) {
      endParagraph();
      const marks = open[1] ?? open[2];
      fence = { character: marks[0], length: marks.length, start: lineStart };
      previousBlank = false;
      continue;
    }
    if (LIST_ITEM.test(line)) inList = true;
    else if (indent < 4 && previousBlank) inList = false;
    previousBlank = false;

    // The line's runs of backticks, for the paragraph's code spans.
    for (let at = lineStart; at < end;) {
      if (nextBacktick < at && nextBacktick !== -1) nextBacktick = body.indexOf('`', at);
      if (nextBacktick === -1 || nextBacktick >= end) break;
      let after = nextBacktick;
      while (after < end && body.charCodeAt(after) === 96) after++;
      runs.push([nextBacktick, after - nextBacktick]);
      at = after;
    }
  }
  if (fence) ranges.push([fence.start, body.length]);
  else endParagraph();
  return ranges;
}
