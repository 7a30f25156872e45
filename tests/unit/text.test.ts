/**
 * src/lib/content-files/text.ts: reading a content file as text (UTF-8, with or without a byte-order mark),
 * turning offsets into lines and columns, and splitting Markdown into front matter and body.
 */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, LineIndex, splitFrontMatter, type FrontMatterSplit } from '../../src/lib/content-files/text.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function split(text: string): FrontMatterSplit {
  const result = splitFrontMatter(text);
  if ('error' in result) throw new Error(`expected front matter, got: ${result.error}`);
  return result;
}

describe('decodeUtf8', () => {
  it('decodes plain UTF-8', () => {
    expect(decodeUtf8(bytes('title: Garden waste\n'))).toEqual({ ok: true, text: 'title: Garden waste\n' });
  });

  it('strips a byte-order mark, so the first field name is clean', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('title: x\n')]);
    expect(decodeUtf8(withBom)).toEqual({ ok: true, text: 'title: x\n' });
  });

  it('strips only the leading byte-order mark, not one later in the text', () => {
    const result = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a\ufeffb')]));
    expect(result).toEqual({ ok: true, text: 'a\ufeffb' });
  });

  it('keeps Welsh letters with circumflexes', () => {
    const welsh = 'title_cy: Gwasanaeth dŵr a thŷ — â ê î ô û ŵ ŷ\n';
    expect(decodeUtf8(bytes(welsh))).toEqual({ ok: true, text: welsh });
  });

  it('keeps characters outside the Basic Multilingual Plane', () => {
    expect(decodeUtf8(bytes('summary: 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ♻\n'))).toEqual({ ok: true, text: 'summary: 🏴󠁧󠁢󠁷󠁬󠁳󠁿 ♻\n' });
  });

  it('refuses a Windows-1252 file, saying it is not valid UTF-8', () => {
    const result = decodeUtf8(Buffer.from('title: Caf\xe9\n', 'latin1'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/not valid UTF-8/);
  });

  it('refuses a truncated multi-byte character', () => {
    const ŵ = bytes('ŵ');
    expect(decodeUtf8(new Uint8Array([...bytes('a: '), ŵ[0]])).ok).toBe(false);
  });

  it('refuses overlong encodings and encoded surrogates', () => {
    expect(decodeUtf8(new Uint8Array([0xc0, 0xaf])).ok).toBe(false); // "/" written in two bytes
    expect(decodeUtf8(new Uint8Array([0xed, 0xa0, 0x80])).ok).toBe(false); // U+D800
  });

  it('refuses a UTF-16 file', () => {
    const utf16 = Buffer.from('\ufefftitle: x\n', 'utf16le');
    expect(decodeUtf8(utf16).ok).toBe(false);
  });

  it('refuses text with a NUL character, as a binary file', () => {
    const result = decodeUtf8(bytes('title: x\u0000y\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/NUL/);
  });

  it('gives empty text for no bytes, and for a byte-order mark alone', () => {
    expect(decodeUtf8(new Uint8Array())).toEqual({ ok: true, text: '' });
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: true, text: '' });
  });

  it('decodes a good file after refusing a bad one', () => {
    expect(decodeUtf8(new Uint8Array([0xff])).ok).toBe(false);
    expect(decodeUtf8(bytes('a: b'))).toEqual({ ok: true, text: 'a: b' });
  });
});

describe('LineIndex', () => {
  const text = 'title: x\nsummary: y\n\nstatus: beta';
  const index = new LineIndex(text);

  it('puts offset 0 at line 1, column 1', () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
  });

  it('counts columns from 1 along the first line', () => {
    expect(index.position(text.indexOf('x'))).toEqual({ line: 1, column: 8 });
  });

  it('puts the newline itself at the end of its own line', () => {
    expect(index.position(text.indexOf('\n'))).toEqual({ line: 1, column: 9 });
  });

  it('starts a new line after each newline, including an empty line', () => {
    expect(index.position(text.indexOf('summary'))).toEqual({ line: 2, column: 1 });
    expect(index.position(text.indexOf('\n\n') + 1)).toEqual({ line: 3, column: 1 });
  });

  it('finds a position on the last line, which has no newline', () => {
    expect(index.position(text.indexOf('beta'))).toEqual({ line: 4, column: 9 });
    expect(index.position(text.length)).toEqual({ line: 4, column: 13 });
  });

  it('starts the next line after a CRLF, with the CR at the end of the line before', () => {
    const crlf = 'title: x\r\nstatus: beta\r\n';
    const lines = new LineIndex(crlf);
    expect(lines.position(crlf.indexOf('\r'))).toEqual({ line: 1, column: 9 });
    expect(lines.position(crlf.indexOf('status'))).toEqual({ line: 2, column: 1 });
    expect(lines.position(crlf.indexOf('beta'))).toEqual({ line: 2, column: 9 });
  });

  it('counts a line of one character and a run of empty lines', () => {
    const lines = new LineIndex('\n\n\nx');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(2)).toEqual({ line: 3, column: 1 });
    expect(lines.position(3)).toEqual({ line: 4, column: 1 });
  });

  it('agrees with counting newlines by hand at every offset of a longer text', () => {
    const long = Array.from({ length: 200 }, (_, i) => `line ${i}${' '.repeat(i % 7)}`).join('\n');
    const lines = new LineIndex(long);
    for (let offset = 0; offset <= long.length; offset += 13) {
      const before = long.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - (before.lastIndexOf('\n') + 1) + 1;
      expect(lines.position(offset)).toEqual({ line, column });
    }
  });

  it('has one line for empty text', () => {
    expect(new LineIndex('').position(0)).toEqual({ line: 1, column: 1 });
  });
});

describe('splitFrontMatter', () => {
  it('splits LF front matter from the body, with the offsets of both', () => {
    const text = '---\ntitle: x\nstatus: beta\n---\n\n## Body\n';
    const result = split(text);
    expect(result.yaml).toBe('title: x\nstatus: beta\n');
    expect(result.yamlOffset).toBe(4);
    expect(text.slice(result.yamlOffset).startsWith('title: x')).toBe(true);
    expect(result.body).toBe('\n## Body\n');
    expect(text.slice(result.bodyOffset)).toBe(result.body);
  });

  it('splits CRLF front matter, keeping the CRs inside the YAML', () => {
    const text = '---\r\ntitle: x\r\n---\r\nBody\r\n';
    const result = split(text);
    expect(result.yaml).toBe('title: x\r\n');
    expect(result.yamlOffset).toBe(5);
    expect(result.body).toBe('Body\r\n');
    expect(result.bodyOffset).toBe(text.indexOf('Body'));
  });

  it('accepts empty front matter, with the closing line straight after the opening one', () => {
    const result = split('---\n---\nBody');
    expect(result.yaml).toBe('');
    expect(result.yamlOffset).toBe(4);
    expect(result.body).toBe('Body');
  });

  it('accepts a closing line of three dots, as YAML allows', () => {
    const result = split('---\ntitle: x\n...\nBody\n');
    expect(result.yaml).toBe('title: x\n');
    expect(result.body).toBe('Body\n');
  });

  it('accepts spaces or tabs after the --- lines', () => {
    const result = split('--- \ntitle: x\n---\t\nBody');
    expect(result.yaml).toBe('title: x\n');
    expect(result.body).toBe('Body');
  });

  it('accepts a closing line at the very end of the file, with no body', () => {
    const result = split('---\ntitle: x\n---');
    expect(result.yaml).toBe('title: x\n');
    expect(result.body).toBe('');
    expect(result.bodyOffset).toBe('---\ntitle: x\n---'.length);
  });

  it('ends the front matter at the first closing line, leaving a later --- in the body', () => {
    const result = split('---\ntitle: x\n---\nBefore\n\n---\n\nAfter\n');
    expect(result.yaml).toBe('title: x\n');
    expect(result.body).toBe('Before\n\n---\n\nAfter\n');
  });

  it('does not take an indented --- inside a block value for the closing line', () => {
    const result = split('---\nsummary: |\n  text\n  ---\n---\nBody');
    expect(result.yaml).toBe('summary: |\n  text\n  ---\n');
    expect(result.body).toBe('Body');
  });

  it('does not take a line of four hyphens for the closing line', () => {
    const result = split('---\ntitle: x\n----\n---\nBody');
    expect(result.yaml).toBe('title: x\n----\n');
  });

  it('says the front matter is missing when the first line is not ---', () => {
    for (const text of ['title: x\n---\n', '\n---\ntitle: x\n---\n', ' ---\ntitle: x\n---\n', '----\ntitle: x\n---\n', '---']) {
      const result = splitFrontMatter(text);
      expect(result, JSON.stringify(text)).toEqual({ error: expect.stringMatching(/does not start with front matter/), offset: 0 });
    }
  });

  it('says the front matter is not closed when no closing line follows', () => {
    const result = splitFrontMatter('---\ntitle: x\nstatus: beta\n\n## Body\n');
    expect(result).toEqual({ error: expect.stringMatching(/not closed/), offset: 0 });
  });
});
