/**
 * src/lib/harvest/readme.ts: the first paragraph of prose in READMEs shaped like real council
 * repositories' (HTML titles, badge rows, tables of contents, reStructuredText), as bounded plain text,
 * and hostile ones that must cost little and yield nothing that acts.
 */
import { describe, expect, it } from 'vitest';
import { firstParagraph, README_PARAGRAPH_MAX } from '../../src/lib/harvest/readme.ts';
import { githubFixture } from './github-fixtures.ts';

describe('the first real paragraph', () => {
  it('passes over an HTML title, badges, a table of contents and a link menu, and drops links and emphasis', () => {
    expect(firstParagraph(githubFixture('README-badges.md'))).toBe(
      "Residents report a broken street light by choosing it on a map, and the report goes straight to the council's " +
        "highways contractor with the light's asset number. It replaced a phone line and a paper form in 2025.",
    );
  });

  it('reads reStructuredText: an underlined title, image directives and substitution badges are not prose', () => {
    expect(firstParagraph(githubFixture('README-setext.rst'))).toBe(
      'Lets residents renew their garden waste subscription online, pay by card and choose a start date.',
    );
  });

  it('passes over headings, setext titles, front matter, code, lists, quotes, tables and comments', () => {
    const readme = [
      '---',
      'layout: default',
      'title: Not prose either, though it has plenty of words',
      '---',
      'Bin Day Finder',
      '==============',
      '',
      '<!-- a comment that goes on',
      'for several lines of words that are not for readers -->',
      '',
      '```',
      'This sentence is inside a code block and is not the answer.',
      '```',
      '',
      '- A list item with enough words to look like prose.',
      '> A quotation with enough words to look like prose.',
      '| A | table | row | with | words |',
      '',
      'Shows residents which bins go out this week.',
    ].join('\n');
    expect(firstParagraph(readme)).toBe('Shows residents which bins go out this week.');
  });

  it('keeps prose that shares a paragraph with a badge line', () => {
    expect(
      firstParagraph(
        '[![CI](https://ci.example/badge.svg)](https://ci.example/)\nFinds the nearest recycling centre that takes what you have.',
      ),
    ).toBe('Finds the nearest recycling centre that takes what you have.');
  });

  it('does not take a bare title, a single word or a line of links for prose', () => {
    expect(
      firstParagraph('Bin Day Finder\n\nTODO\n\n[Docs](docs/) · [Demo](https://demo.example/)\n\nhttps://www.ashdown.example/bins'),
    ).toBeUndefined();
    expect(firstParagraph('')).toBeUndefined();
  });

  it('joins a paragraph’s lines and turns CRLF into plain text', () => {
    expect(firstParagraph('# Title\r\n\r\nBook a bulky waste\r\ncollection online.\r\n')).toBe('Book a bulky waste collection online.');
  });
});

describe('bounds', () => {
  it(`shortens a long paragraph to at most ${README_PARAGRAPH_MAX} characters at a sentence or word`, () => {
    const long = 'Residents use this service to book collections of bulky household waste. '.repeat(40);
    const paragraph = firstParagraph(long)!;
    expect(paragraph.length).toBeLessThanOrEqual(README_PARAGRAPH_MAX);
    expect(paragraph).toMatch(/waste\.$/);
    expect(firstParagraph('word '.repeat(1000), 100)!.length).toBeLessThanOrEqual(100);
  });

  it('reads only the start of the file: a paragraph after 64 KiB of headings is not a first paragraph', () => {
    expect(firstParagraph(`${'# Heading\n\n'.repeat(7000)}Prose that comes far too late to count.`)).toBeUndefined();
  });

  it('costs little on enormous and pathological lines', () => {
    const hostile = [
      'a'.repeat(3_000_000),
      '[!['.repeat(100_000),
      `${'[link '.repeat(50_000)}\n`.repeat(10),
      '<!--'.repeat(100_000),
      `<a ${'x'.repeat(10)}`.repeat(50_000),
      '|x'.repeat(100_000),
    ];
    for (const readme of hostile) {
      const started = performance.now();
      const paragraph = firstParagraph(readme);
      expect(performance.now() - started).toBeLessThan(1000);
      if (paragraph !== undefined) expect(paragraph.length).toBeLessThanOrEqual(README_PARAGRAPH_MAX);
    }
  });
});

describe('hostile text', () => {
  it('keeps the words and nothing that acts: no tags, no link targets, no invisible or control characters', () => {
    const paragraph = firstParagraph(githubFixture('README-hostile.md'))!;
    expect(paragraph).toMatch(/^Bins .* are collected weekly\)? every Tuesday here evil and a bell/);
    expect(paragraph).not.toMatch(/<(?:a|img|iframe)\b|onclick|alert\(2\)|alert\(3\)|data:text/i);
    expect(paragraph).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/);
  });
});
