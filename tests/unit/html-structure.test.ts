/**
 * src/lib/validation/html-structure.ts and html-warnings.ts: the warnings about broken HTML in a body.
 * Correct HTML must give none, however many end tags it leaves out as HTML allows; each kind of breakage
 * gives one warning at the line of its opening tag; tags in code are not tags; and the scan is linear.
 */
import { describe, expect, it } from 'vitest';
import { htmlStructureProblems } from '../../src/lib/validation/html-structure.ts';
import { htmlStructureWarnings, MAX_HTML_WARNINGS } from '../../src/lib/validation/html-warnings.ts';

/** The problems as "kind tag line" strings, for short expectations. */
function problems(body: string): string[] {
  return htmlStructureProblems(body).map((problem) => `${problem.kind} ${problem.tag} ${problem.line}`);
}

describe('correct HTML', () => {
  it.each([
    ['a list with its end tags', '<ul>\n<li>One</li>\n<li>Two</li>\n</ul>'],
    ['a list without </li>', '<ul><li>One<li>Two</ul>'],
    ['a definition list without </dt> and </dd>', '<dl><dt>Term<dd>Description<dt>Term<dd>Description</dl>'],
    ['paragraphs without </p>', '<p>One\n<p>Two\n<div>Three</div>'],
    ['a table without optional end tags', '<table><caption>C</caption><thead><tr><th>A<th>B<tbody><tr><td>1<td>2<tr><td>3<td>4</table>'],
    ['void elements', '<p>Line<br>line<br/><img src="https://x.example/a.png" alt="A"><hr><input type="checkbox"></p>'],
    ['nested lists', '<ul><li>One<ul><li>One a<li>One b</ul><li>Two</ul>'],
    [
      'Word’s own markup',
      '<p class=MsoNormal><span style=\'font:7.0pt "Times New Roman"\'>x</span><o:p></o:p></p><![if !supportLists]>x<![endif]>',
    ],
    ['a comment holding tags', '<!-- <ul><table> -->'],
    ['a script or style holding tags', '<script>document.write("<ul>")</script><style>ul > li {}</style>'],
    ['svg and math', '<svg><g><path/></g></svg><math><mi>x</math>'],
    ['tags in a code span', 'Write `<ul>` or `` <table> `` in code.'],
    ['tags in a fenced block', '```html\n<ul><li>\n```\n\n~~~\n<div>\n~~~'],
    ['tags in an indented block', 'Text.\n\n    <table><tr>\n    <div>'],
    ['an escaped tag', 'Type \\<ul> to start a list.'],
    ['autolinks and comparisons', '<https://www.example.gov.uk/> <bins@example.gov.uk> 3 < 5 and x<y'],
    ['a <p> closed by a block that follows it', '<div><p>Text</div><p>More<ul><li>x</ul>'],
    ['elements it does not know', '<xss>text <custom-thing>'],
  ])('gives no warning: %s', (_what, body) => {
    expect(problems(body)).toEqual([]);
  });
});

describe('broken HTML', () => {
  it('reports a list never closed, at its opening tag', () => {
    expect(problems('Intro\n\n<ul>\n<li>One</li>\n<li>Two</li>\n\nA paragraph after the list.')).toEqual(['unclosed ul 3']);
  });

  it('reports tags that overlap once, at the inner opening tag', () => {
    const found = htmlStructureProblems('<p>A <b>very <i>important</b> point</i>.</p>');
    expect(found.map((problem) => `${problem.kind} ${problem.tag}`)).toEqual(['closed-early i']);
    expect(found[0].by).toEqual({ tag: 'b', end: true, line: 1 });
  });

  it('reports an element ended early by a start tag that closes its parent', () => {
    expect(problems('<ul><li><div>One\n<li>Two</ul>')).toEqual(['closed-early div 1']);
  });

  it('reports an end tag with nothing to close', () => {
    expect(problems('Text\n</div>')).toEqual(['stray-end div 2']);
  });

  it('reports list items outside a list, once for items in a row', () => {
    expect(problems('<li>One</li>\n<li>Two</li>\n\n<dd>Three')).toEqual(['outside-list li 1', 'outside-list dd 4']);
  });

  it('reports a table never closed, and not the rows HTML lets stay open', () => {
    expect(problems('<table>\n<tr><th>A</th>\n<tr><td>1')).toEqual(['unclosed table 1']);
  });

  it.each([
    ['no header cells', '<table><tr><td>A<td>B</table>', 'no-headers'],
    ['a table inside another', '<table><tr><th>A<td><table><tr><th>B</table></table>', 'nested'],
    ['role="presentation"', '<table role="presentation"><tr><th>A</table>', 'presentation'],
  ])('reports a layout table: %s', (_what, body, reason) => {
    const found = htmlStructureProblems(body).filter((problem) => problem.kind === 'layout-table');
    expect(found.map((problem) => problem.reason)).toEqual([reason]);
  });

  it('does not call an empty table a layout table', () => {
    expect(problems('<table></table>')).toEqual([]);
  });
});

describe('the warnings', () => {
  it('name the line in the file, and say how to fix it', () => {
    const [warning] = htmlStructureWarnings('\n<ul>\n<li>One\n\nAfter.', () => 20);
    expect(warning.offset).toBe(1);
    expect(warning.finding).toMatchObject({ rule: 'content/broken-html', severity: 'warning', found: '<ul>' });
    expect(warning.finding.message).toBe(
      'the `<ul>` opened on line 21 is never closed, so the text after it is shown as part of the list.',
    );
    expect(warning.finding.fix).toMatch(
      /^close the `<ul>` opened on line 21 with `<\/ul>` where it should end, or write the list in Markdown/,
    );
  });

  it(`stop at ${MAX_HTML_WARNINGS}, the last saying how many more there are`, () => {
    const warnings = htmlStructureWarnings('<div>'.repeat(12));
    expect(warnings).toHaveLength(MAX_HTML_WARNINGS);
    expect(warnings.at(-1)!.finding.message).toMatch(/has 7 more problems after this one/);
  });

  it('call a layout table what it is', () => {
    const [warning] = htmlStructureWarnings('<table><tr><td>A</td></tr></table>');
    expect(warning.finding.rule).toBe('content/layout-table');
    expect(warning.finding.message).toMatch(/has no header cells/);
    expect(warning.finding.fix).toMatch(/Markdown table/);
  });
});

describe('in time proportional to the body', () => {
  const bounded = (what: string, body: string) =>
    it(`${what} takes under 500 ms`, () => {
      const started = performance.now();
      htmlStructureWarnings(body);
      expect(performance.now() - started).toBeLessThan(500);
    });
  bounded('120,000 unclosed <div>', '<div>'.repeat(120_000));
  bounded('30,000 <span>, then 20,000 lists of one item', `${'<span>'.repeat(30_000)}${'<ul><li>'.repeat(20_000)}`);
  bounded('<p>, a table and 40,000 <div>', `<p><table>${'<span>'.repeat(20_000)}${'<div>'.repeat(20_000)}`);
  bounded('50,000 end tags with nothing to close', '</ul>'.repeat(50_000));
  bounded('backtick runs of every length', Array.from({ length: 600 }, (_, index) => '`'.repeat(index + 1)).join(' x '));
  bounded('one long line of tags without >', '<a <b <ul '.repeat(25_000));
  bounded('many lines and no backtick', 'text <b>\n'.repeat(25_000));
  bounded('unclosed comments and scripts', `${'<script>'.repeat(20_000)}${'<!--'.repeat(20_000)}`);
});
