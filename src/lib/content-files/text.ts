/**
 * Reading a content file as text the way editors write it: UTF-8 with or without a byte-order mark,
 * LF or CRLF line ends. Binary files and invalid UTF-8 are refused rather than guessed at.
 */
import type { Position } from '../validation/problem.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text (it may be a binary file, or saved in another encoding such as Windows-1252)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return { ok: false, reason: 'it contains NUL characters, so it looks like a binary file rather than text' };
  return { ok: true, text };
}

/** Finds line starts once so that many offsets can be turned into positions cheaply. */
export class LineIndex {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }
  position(offset: number): Position {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low] + 1 };
  }
}

export interface FrontMatterSplit {
  /** The YAML between the --- lines. */
  yaml: string;
  /** Offset of the YAML in the file text. */
  yamlOffset: number;
  /** The Markdown after the closing --- line. */
  body: string;
  /** Offset of the body in the file text. */
  bodyOffset: number;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Splits a Markdown file into its YAML front matter and body, or says why it cannot. */
export function splitFrontMatter(text: string): FrontMatterSplit | { error: string; offset: number } {
  const opening = OPENING.exec(text);
  if (!opening) {
    return {
      error:
        'the file does not start with front matter: the first line must be ' +
        'three hyphens (---), followed by the fields, then another --- line',
      offset: 0,
    };
  }
  const yamlOffset = opening[0].length;
  const rest = text.slice(yamlOffset);
  // The closing line may come straight after the opening one (empty front matter).
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return { error: 'the front matter is not closed: add a line of three hyphens (---) after the last field', offset: 0 };
  }
  const bodyOffset = yamlOffset + closing.index + closing[0].length;
  return {
    yaml: rest.slice(0, closing.index),
    yamlOffset,
    body: text.slice(bodyOffset),
    bodyOffset,
  };
}
