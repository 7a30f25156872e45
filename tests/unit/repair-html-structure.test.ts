/**
 * src/lib/repair-html-structure.ts, through renderMarkdown (the parser, the sanitiser and then the repair,
 * as pages get them): pasted HTML whose lists and tables the parser leaves broken comes out whole, with
 * its text where the author meant it; Markdown's own lists and tables are untouched.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';

describe('lists', () => {
  it('moves what follows an unclosed list out after it (the case in issue #17)', () => {
    const html = renderMarkdown('<ul>\n<li>One</li>\n<li>Two</li>\n\nA paragraph after the list.\n\n## A heading');
    expect(html).toBe(
      '<ul>\n<li>One</li>\n<li>Two</li></ul>\n<p>A paragraph after the list.</p>\n<h2 id="section-a-heading">A heading</h2>',
    );
  });

  it('moves what comes before the first item out before the list', () => {
    expect(renderMarkdown('<ul><font>Things:</font><li>One</li></ul>')).toBe('Things:<ul><li>One</li></ul>');
  });

  it('joins what comes between items to the item before it', () => {
    expect(renderMarkdown('<ol><li>One</li><p>A note on one.</p><li>Two</li></ol>')).toBe(
      '<ol><li>One<p>A note on one.</p></li><li>Two</li></ol>',
    );
  });

  it('replaces a list with no item by its content', () => {
    expect(renderMarkdown('<ul><p>Not an item.</p></ul>')).toBe('<p>Not an item.</p>');
  });

  it('puts items outside a list into one', () => {
    expect(renderMarkdown('<div><li>One</li>\n<li>Two</li></div>')).toBe('<div><ul><li>One</li>\n<li>Two</li></ul></div>');
  });

  it('keeps a definition list’s groups, and puts terms outside one into one', () => {
    expect(renderMarkdown('<dl><div><dt>A</dt><dd>B</dd></div><p>More on B.</p><dt>C</dt><dd>D</dd></dl>')).toBe(
      '<dl><div><dt>A</dt><dd>B<p>More on B.</p></dd></div><dt>C</dt><dd>D</dd></dl>',
    );
    expect(renderMarkdown('<div><dt>A</dt><dd>B</dd></div>')).toBe('<div><dl><dt>A</dt><dd>B</dd></dl></div>');
  });
});

describe('tables', () => {
  it('moves text the sanitiser left in a table out before it', () => {
    expect(renderMarkdown('<table><caption>Tonnes</caption><tr><th>Month</th></tr></table>')).toBe(
      'Tonnes<table><tbody><tr><th>Month</th></tr></tbody></table>',
    );
  });
});

describe('Markdown’s own structure', () => {
  it('is left as it is', () => {
    const markdown = '- One\n  - One a\n- Two\n\n1. First\n2. Second\n\n| A | B |\n| - | - |\n| 1 | 2 |\n\n- [ ] a task';
    const html = renderMarkdown(markdown);
    expect(html).toContain('<ul>\n<li>One\n<ul>\n<li>One a</li>\n</ul>\n</li>\n<li>Two</li>\n</ul>');
    expect(html).toContain('<table>');
    expect(html).toContain('<li class="task-list-item">');
  });
});
