/**
 * checkBody scans a body once for what any unsafe pattern needs (a `<`, or a javascript:, vbscript: or
 * data: address) and runs the eight patterns only when it is there. Its warnings must be exactly those of
 * the eight patterns run on every body, written here as they were before the shortcut, in any case
 * (the patterns ignore case).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBody, type Finding } from '../../src/lib/validation/record-checks.ts';

const SEED = 20261207;

/** The unsafe-HTML warnings as the eight patterns find them, one by one (the event handler as its expression). */
const PATTERNS = [
  /<script\b/i,
  /<iframe\b/i,
  /<(?:object|embed)\b/i,
  /<style\b/i,
  /<form\b/i,
  /<meta\b/i,
  /<[a-z][^>]*\son[a-z]+\s*=/i,
  /(?:\]\(\s*<?|href\s*=\s*["']?\s*|src\s*=\s*["']?\s*|<|^[ \t]*\[[^\]\n]+\]:\s*<?)(?:javascript|vbscript|data)\s*:/im,
];

function expected(body: string): { offset: number; found: string }[] {
  return PATTERNS.flatMap((pattern) => {
    const match = pattern.exec(body);
    return match ? [{ offset: match.index, found: match[0] }] : [];
  });
}

function unsafe(body: string): { offset: number; found: string }[] {
  const found: { offset: number; found: string }[] = [];
  checkBody(body, 0, (offset: number, finding: Finding) => {
    if (finding.rule === 'content/unsafe-html') found.push({ offset, found: finding.found ?? '' });
  });
  return found;
}

const piece = fc.constantFrom(
  'Text about bins. ',
  '\n',
  ' ',
  '\t',
  '<',
  '>',
  '<SCRIPT',
  '<script',
  '<Iframe ',
  '<embed',
  '<object',
  '<style>',
  '<form',
  '<meta ',
  '<a',
  ' onclick=',
  ' ONLOAD =',
  'javascript',
  'JavaScript',
  'vbscript',
  'VBScript',
  'data',
  'DATA',
  'Data',
  ':',
  ' :',
  '](',
  'href=',
  'SRC="',
  '[x]: ',
  '  [ref]: ',
  'open data: what we learned',
  'meta data',
);
const bodies = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('checkBody’s one-scan shortcut', () => {
  it('warns exactly where the eight patterns, run on every body, would', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        expect(unsafe(body)).toEqual(expected(body));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('finds nothing in an ordinary body, and each kind in a body that has it', () => {
    expect(unsafe('## What we did\n\nWe moved garden waste online. Read more on [our blog](https://www.example.gov.uk/blog/x).\n')).toEqual(
      [],
    );
    expect(unsafe('Open data: the bins dataset.')).toEqual([]);
    expect(unsafe('See [this](JavaScript:alert(1)).').map((warning) => warning.found)).toEqual(['](JavaScript:']);
    expect(unsafe('Hello <Script>alert(1)</script>').map((warning) => warning.found)).toEqual(['<Script']);
  });
});
