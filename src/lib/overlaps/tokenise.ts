/**
 * From a record's text to words: Markdown to plain text, then lowercase words with accents folded
 * (Welsh ŵ → w), possessives dropped (council's → council), hyphenated words split (self-service →
 * self, service), numbers dropped, and stop words (English function words, and words every roadmap item
 * uses, such as "council" and "residents") marked so they count for nothing.
 */
import { porterStem } from './stem.ts';

/** Markdown source to plain text: links keep their text; code, tables, images, HTML and addresses are dropped. */
export function stripMarkdown(markdown: string): string {
  // Each step runs only when its marker is in the text: most bodies have no code, tables or HTML, and
  // this runs on every body of a large hub. Punctuation left behind (#, *, _) is ignored by words().
  let text = markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
  // fenced code blocks (``` or ~~~), to the closing fence or the end
  if (text.includes('``') || text.includes('~~'))
    text = text.replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\1[^\n]*(?=\n|$)|$)/gm, '\n');
  if (text.includes('<')) {
    text = text
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      // HTML elements whose content is not prose
      .replace(/<(script|style|pre|code|table|svg|iframe)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  }
  if (text.includes('|') || text.includes(']:')) {
    const lines = text.split('\n');
    const kept: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      // a GFM table: its delimiter row, the header above it and the rows below it
      if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$/.test(line) || /^\s*\|?\s*:?-{3,}:?\s*\|\s*$/.test(line)) {
        if (kept.length > 0 && kept[kept.length - 1].includes('|')) kept.pop();
        while (i + 1 < lines.length && lines[i + 1].includes('|')) i++;
        continue;
      }
      if (/^\s*\|/.test(line)) continue; // a table row in a table without a delimiter row
      if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // a link reference definition
      kept.push(line);
    }
    text = kept.join('\n');
  }
  if (text.includes('`')) text = text.replace(/`[^`\n]*`/g, ' '); // inline code
  if (text.includes('[')) {
    text = text
      .replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])/g, ' ') // images
      .replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1'); // links keep their text
  }
  if (text.includes('<')) text = text.replace(/<[^>\n]*>/g, ' '); // remaining tags and autolinks
  if (text.includes('&')) text = text.replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ');
  if (text.includes('://') || text.includes('www.')) text = text.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  if (text.includes('@')) text = text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');
  return text;
}

/**
 * English function words, and words so common in roadmap items that they say nothing about the work
 * (council, residents, service, online, team, project, work …). Checked on the lowercase word before
 * stemming. Some are kept as phrase parts (see content/vocabularies/synonyms.yaml: "bin day" needs "day"), so they are not here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also am an and any are aren arent as at be because been before being ' +
    'below between both but by can cannot cant could couldn couldnt did didn didnt do does doesn doesnt doing don dont ' +
    'down during each either etc even ever every few for from further get gets getting got had hadn hadnt has hasn hasnt ' +
    'have haven havent having he her here hers herself him himself his how however i if in into is isn isnt it its ' +
    'itself just least less let lets like ll made make makes making many may me might more most much must mustn my ' +
    'myself need needs no nor not now of off often on once one only or other others our ours ourselves out over own ' +
    'per rather re s same shall shan she should shouldn shouldnt since so some still such t than that thats the their ' +
    'theirs them themselves then there these they this those though through thus to too under until up upon us use ' +
    'used uses using ve very via was wasn wasnt way we well were weren werent what when where whether which while who ' +
    'whom whose why will with within without won wont would wouldn wouldnt yes yet you your yours yourself yourselves ' +
    // Words nearly every roadmap item uses: they would make every item look a little like every other.
    'council councils councillor residents resident people person team teams project projects work worked working ' +
    'works service services online digital new now next first last also able want wanted wants thing things lot lots ' +
    'time times year years month months week weeks today currently already around across along'
  ).split(' '),
);

export interface Word {
  /** The word as it reads, lowercase, accents folded, possessive dropped: "renewals". */
  word: string;
  /** Whether it counts for nothing (a stop word). */
  stop: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const wideWordCodes = new Map<number, boolean>();

/** Lowercase with accents folded: "Dŵr" → "dwr", "Café" → "cafe"; curly apostrophes become straight ones. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '');
}

/** Whether a code point is part of a word: a–z, 0–9, or a letter or digit of another alphabet. */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  let known = wideWordCodes.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(code));
    wideWordCodes.set(code, known);
  }
  return known;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let buffer = new Uint8Array(1 << 16);

/**
 * Folded text as UTF-8 bytes, in a buffer shared by all calls (valid until the next call). Scanning
 * bytes in a typed array is several times faster than reading a string's characters one by one.
 */
export function utf8(folded: string): { bytes: Uint8Array; length: number } {
  if (buffer.length < folded.length * 3) buffer = new Uint8Array(folded.length * 3);
  return { bytes: buffer, length: encoder.encodeInto(folded, buffer).written };
}

/** UTF-8 bytes back to text. */
export function fromUtf8(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/** The number of bytes of the UTF-8 character starting with byte `lead`. */
function charBytes(lead: number): number {
  return lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** Whether the UTF-8 character at `at` (of `size` bytes) is part of a word. */
function isWordAt(bytes: Uint8Array, at: number, size: number): boolean {
  const lead = bytes[at];
  if (size === 1) return (lead >= 97 && lead <= 122) || (lead >= 48 && lead <= 57);
  let code = lead & (size === 2 ? 0x1f : size === 3 ? 0x0f : 0x07);
  for (let k = 1; k < size; k++) code = (code << 6) | (bytes[at + k] & 0x3f);
  return isWordCode(code);
}

/**
 * Calls `each(start, end, hash)` for every raw token in UTF-8 bytes of folded text (see foldText, utf8):
 * a run of letters and digits, with inner apostrophes ("council's", "don't"). The hash lets a caller
 * look the token up without making a string of it; it is the same for the same bytes wherever they are.
 */
export function forEachTokenSpan(bytes: Uint8Array, length: number, each: (start: number, end: number, hash: number) => void): void {
  let at = 0;
  while (at < length) {
    let byte = bytes[at];
    let size = 1;
    if (byte < 128) {
      if (ASCII_WORD[byte] === 0) {
        at++;
        continue;
      }
    } else {
      size = charBytes(byte);
      if (!isWordAt(bytes, at, size)) {
        at += size;
        continue;
      }
    }
    const start = at;
    let hash = 0;
    for (;;) {
      for (let k = 0; k < size; k++) hash = (Math.imul(hash, 31) + bytes[at + k]) | 0;
      at += size;
      if (at >= length) break;
      byte = bytes[at];
      if (byte < 128) {
        size = 1;
        if (ASCII_WORD[byte] === 1) continue;
        // an apostrophe inside a word: "council's", "don't"
        if (
          byte === 39 &&
          at + 1 < length &&
          (bytes[at + 1] < 128 ? ASCII_WORD[bytes[at + 1]] === 1 : isWordAt(bytes, at + 1, charBytes(bytes[at + 1])))
        )
          continue;
        break;
      }
      size = charBytes(byte);
      if (!isWordAt(bytes, at, size)) break;
    }
    each(start, at, hash);
  }
}
const ASCII_WORD = new Uint8Array(128).map((_, byte) => ((byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) ? 1 : 0));

/** Calls `each` with every raw token of the text, lowercase and folded, in order. cleanToken() turns one into a word, or rejects it. */
export function eachToken(text: string, each: (token: string) => void): void {
  const { bytes, length } = utf8(foldText(text));
  const tokens: string[] = [];
  forEachTokenSpan(bytes, length, (start, end) => tokens.push(fromUtf8(bytes, start, end)));
  tokens.forEach((token) => each(token));
}

/**
 * A raw token as a word, or undefined: "council's" and "households'" lose the possessive, "don't" becomes
 * "dont"; tokens with digits (years, counts, postcodes) and single letters are dropped.
 */
export function cleanToken(token: string): string | undefined {
  let word = token;
  if (word.includes("'")) word = word.replace(/'s$/, '').replace(/'/g, '');
  if (word.length < 2) return undefined;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return undefined;
  }
  return word;
}

/**
 * Plain text to its words, in order (stop words included, as phrases need them). Hyphenated words are
 * split; possessives, numbers and single letters go (see cleanToken).
 */
export function words(text: string): string[] {
  const result: string[] = [];
  eachToken(text, (token) => {
    const word = cleanToken(token);
    if (word !== undefined) result.push(word);
  });
  return result;
}

/** A word's stem: the Porter stem for words of Latin letters, the word itself otherwise. */
export function stem(word: string): string {
  return /^[a-z]+$/.test(word) ? porterStem(word) : word;
}

/** Words with their stems and stop marks, for tests and for callers that want one piece of text tokenised. */
export function tokenise(text: string): { word: string; stem: string; stop: boolean }[] {
  return words(text).map((word) => ({ word, stem: stem(word), stop: STOP_WORDS.has(word) }));
}
