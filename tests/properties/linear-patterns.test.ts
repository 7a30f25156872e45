/**
 * The checks rewritten to run in linear time after the hostile-input corpus found them quadratic (a
 * 256 KiB file took from tens of seconds to minutes): the event-handler and link-definition warnings on
 * Markdown (src/lib/validation/record-checks.ts), the mailto: form of a contact (schemas/fields.ts), the
 * test for numbers too big for the fast YAML parser (src/lib/content-files/yaml.ts), and the Markdown routing
 * and rendering (src/lib/markdown.ts). Each must answer exactly as the expression it replaced, and
 * quickly on the inputs that made the old one slow; bodies rendered on the new linear path are sanitised
 * like every other.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contact } from '../../schemas/fields.ts';
import { parseYaml } from '../../src/lib/content-files/yaml.ts';
import { MANY_DELIMITERS, renderMarkdown, renderMarkdownFast, renderMarkdownLinear } from '../../src/lib/markdown.ts';
import { checkBody, type Finding } from '../../src/lib/validation/record-checks.ts';
import { HOSTILE_FIXTURES } from '../hostile/cases.ts';
import { unsafeTags } from '../hostile/html.ts';
import { HOSTILE_MARKDOWN } from '../site/hostile.ts';

const SEED = 20261126;

/** The expressions as they were before the rewrite. */
const OLD_EVENT_HANDLER = /<[a-z][^>]*\son[a-z]+\s*=/i;
const OLD_LINK = /(?:\]\(\s*<?|href\s*=\s*["']?\s*|src\s*=\s*["']?\s*|<|^\s*\[[^\]\n]+\]:\s*<?)(?:javascript|vbscript|data)\s*:/im;
const OLD_MAILTO = /^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/i;

/** checkBody's warnings, as (offset, what was found) for one kind of finding. */
function warnings(body: string, kind: RegExp): { offset: number; found: string }[] {
  const found: { offset: number; found: string }[] = [];
  checkBody(body, 0, (offset: number, finding: Finding) => {
    if (kind.test(finding.message)) found.push({ offset, found: finding.found ?? '' });
  });
  return found;
}

/** Bodies made of the pieces these expressions look for. */
const pieces = (extra: string[]) =>
  fc
    .array(
      fc.constantFrom(
        '<a',
        '<b',
        '<',
        '>',
        ' ',
        '\t',
        '\n',
        '\r',
        'on',
        'onclick',
        'x',
        '=',
        '"',
        "'",
        'href',
        'src',
        ':',
        'javascript',
        'data',
        '[',
        ']',
        '(',
        ')',
        ']:',
        ...extra,
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

describe('the event-handler warning', () => {
  it('finds exactly what the old expression found, at the same place', () => {
    fc.assert(
      fc.property(pieces([]), (body) => {
        const old = OLD_EVENT_HANDLER.exec(body);
        expect(warnings(body, /event handler/)).toEqual(old ? [{ offset: old.index, found: old[0] }] : []);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('the javascript:, vbscript: and data: link warning', () => {
  it('warns exactly when the old expression did, for bodies of spaces, tabs and line ends', () => {
    fc.assert(
      fc.property(pieces(['[x]: ', '  [x]: ', '\n\n', '](', 'vbscript']), (body) => {
        expect(warnings(body, /javascript:, vbscript:/).length).toBe(OLD_LINK.test(body) ? 1 : 0);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('a mailto: contact', () => {
  it('is accepted exactly when the old expression accepted it (and it is not an email address or web address anyway)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', '@', ' ', '\n', '\t', 'M', ':', '?', '<', '"', '-'), maxLength: 24 });
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          text.map((rest) => `mailto:${rest}`),
          text.map((rest) => `MAILTO:a@${rest}`),
        ),
        (value) => {
          if (OLD_MAILTO.test(value)) expect(contact.safeParse(value).success, JSON.stringify(value)).toBe(true);
          else if (/^mailto:/i.test(value)) expect(contact.safeParse(value).success, JSON.stringify(value)).toBe(false);
        },
      ),
      { seed: SEED, numRuns: 5000 },
    );
  });
});

describe('on the inputs that made the old expressions slow', () => {
  const bounded = (what: string, run: () => unknown, ms = 1000) =>
    it(`${what} takes under ${ms} ms`, () => {
      const started = performance.now();
      run();
      expect(performance.now() - started).toBeLessThan(ms);
    });

  bounded('a body of 120,000 unclosed <a tags', () => checkBody('<a'.repeat(120_000), 0, () => {}));
  bounded('a body of 120,000 "<a on" with no =', () => checkBody('<a on'.repeat(50_000), 0, () => {}));
  bounded('a body of 250,000 blank lines', () => checkBody('\n'.repeat(250_000), 0, () => {}));
  bounded('a body of 250,000 spaces and tabs after ](', () => checkBody(`](${' \t'.repeat(125_000)}`, 0, () => {}));
  bounded('a mailto: address with 120,000 dots', () => contact.safeParse(`mailto:a@${'a.'.repeat(120_000)} x`));
  bounded('YAML with a 250,000-digit number that does not end as a number', () => parseYaml(`summary: ${'1'.repeat(250_000)}x\n`));
  bounded('YAML with a 250,000-digit number and a decimal point', () => parseYaml(`summary: 1.${'1'.repeat(250_000)}x\n`));
  bounded('YAML with 40,000 duplicate keys', () => parseYaml('a: 1\n'.repeat(40_000)), 3000);
});

/**
 * The Markdown routing (src/lib/markdown.ts, NEEDS_REFERENCE_PARSER): three of its expressions were
 * rewritten to run in linear time. Old and new, side by side, must agree on every body.
 */
const ROUTING = [
  [
    /^ {0,3}(?:`{3,}|~{3,})[^\n]*\r?\n[ \t]*(?:\r?\n|$)/mu,
    /^ {0,3}(?:`{3,}(?!`)|~{3,}(?!~))[^\n]*\r?\n[ \t]*(?:\r?\n|$)/mu,
    ['`', '~', ' ', '\t', '\n', '\r\n', 'x'],
  ],
  [/[\p{L}\p{N}][*_]*\*[*_]*[\p{L}\p{N}]/mu, /[\p{L}\p{N}]_*\*[*_]*[\p{L}\p{N}]/mu, ['a', 'é', '1', '*', '_', ' ', '~']],
  [
    /(?:https?:\/\/|www\.)[^\s|]*\|/mu,
    /(?:https?:\/\/|www\.)(?:(?!https?:\/\/|www\.)[^\s|])*\|/mu,
    ['www.', 'http://', 'https://', 'w', '.', 'x', '|', ' ', '/', ':'],
  ],
] as const;

describe('the Markdown routing expressions', () => {
  it.each(ROUTING.map(([old, rewritten, pieces]) => [old.source, old, rewritten, pieces] as const))(
    '%s: the linear form agrees with the old one',
    (_source, old, rewritten, vocabulary) => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }).map((parts) => parts.join('')),
          (body) => {
            expect(rewritten.test(body), JSON.stringify(body)).toBe(old.test(body));
          },
        ),
        { seed: SEED, numRuns: 5000 },
      );
    },
  );

  it('a body the old routing sent to the reference parser is never rendered by the fast path', () => {
    const combined = new RegExp(ROUTING.map(([old]) => old.source).join('|'), 'mu');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '*', '_', '`', '~', '\n', ' ', 'www.', '|', 'x'), { maxLength: 30 }).map((parts) => parts.join('')),
        (body) => {
          if (combined.test(body)) expect(renderMarkdownFast(body), JSON.stringify(body)).toBeUndefined();
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('Markdown with more delimiters than a record needs', () => {
  it(`is rendered in linear time by Sätteri and the same sanitiser once it has more than ${MANY_DELIMITERS} of * _ ~ [ <`, () => {
    for (const body of [
      `a${'*_'.repeat(120_000)}`,
      `a${'~_'.repeat(120_000)}`,
      `</${'<!--'.repeat(60_000)}`,
      '[a](<b'.repeat(40_000),
      `a**b${'c* '.repeat(80_000)}`,
    ]) {
      const started = performance.now();
      const html = renderMarkdown(body);
      expect(performance.now() - started, body.slice(0, 20)).toBeLessThan(3000);
      expect(unsafeTags(html)).toEqual([]);
    }
  });

  it('sanitises every hostile body as the reference pipeline does: nothing unsafe survives the linear path', () => {
    const hostile = readFileSync(join(HOSTILE_FIXTURES, 'markdown-body/content/lessons/brackwater/hostile-body.md'), 'utf8')
      .split(/^---$/m)
      .slice(2)
      .join('---');
    for (const body of [
      hostile,
      HOSTILE_MARKDOWN.split(/^---$/m).slice(2).join('---'),
      `${hostile}\n\n${'*'.repeat(MANY_DELIMITERS + 1)}`,
    ]) {
      const html = renderMarkdownLinear(body);
      expect(html).toContain(body.includes('Zyxquo') ? 'Zyxquo' : 'Harmless words');
      expect(unsafeTags(html)).toEqual([]);
    }
    const html = renderMarkdown(`${hostile}\n\n${'*'.repeat(MANY_DELIMITERS + 1)}`);
    expect(unsafeTags(html)).toEqual([]);
  });

  it('on generated HTML-like bodies, the linear path never lets through script, handlers or unsafe addresses', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '</',
      '/>',
      'a',
      'img',
      'svg',
      'script',
      'iframe',
      ' ',
      '=',
      '"',
      "'",
      'onerror',
      'onload',
      'href',
      'src',
      'javascript:',
      'data:',
      'vbscript:',
      '&#106;',
      'alert(1)',
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '\n',
      '<!--',
      '-->',
      'style',
      'url(',
      'expression(',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        (body) => {
          expect(unsafeTags(renderMarkdownLinear(body)), JSON.stringify(body)).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
