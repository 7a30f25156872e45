/**
 * The addresses that finish a contribution (src/lib/contribute/github.ts), the preview's Markdown
 * renderer (preview-markdown.ts) against the site's, and the templates offered without JavaScript.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLLECTIONS } from '../../schemas/collections.ts';
import { readAnswers } from '../../src/lib/contribute/answers.ts';
import { formModel } from '../../src/lib/contribute/form-model.ts';
import {
  editFileUrl,
  fitsGitHub,
  issueFormUrl,
  issueTemplate,
  issueUrl,
  MAX_URL_LENGTH,
  newFileAction,
  newFileUrl,
} from '../../src/lib/contribute/github.ts';
import { issueFormDefinition, parseIssueForm } from '../../src/lib/github/issue-form.ts';
import { PREVIEW_SANITIZE_SCHEMA, previewMarkdown } from '../../src/lib/contribute/preview-markdown.ts';
import { recordFile } from '../../src/lib/contribute/record-file.ts';
import { TEMPLATE_ORGANISATION, TEMPLATE_SLUG, templateFile } from '../../src/lib/contribute/templates.ts';
import { renderMarkdownWithReference, SANITIZE_SCHEMA } from '../../src/lib/markdown.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

const config = { repository: 'council-commons/council-commons', branch: 'main' };
const roadmap = formModel('roadmap')!;

describe('GitHub addresses', () => {
  it('opens the new-file page with the file’s path and text, which decode to exactly the file', () => {
    const file = recordFile('roadmap', {
      organisation: 'fenmoor',
      slug: 'x',
      fields: { title: 'A & B: “quoted” #1', summary: 'Line one.\nLine two?', status: 'beta' },
      body: '## Ünïcode & 100% done\n',
    });
    const url = new URL(newFileUrl(config, file.path, file.text));
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/council-commons/council-commons/new/main');
    expect(url.searchParams.get('filename')).toBe('content/roadmap/fenmoor/x.md');
    expect(url.searchParams.get('value')).toBe(file.text);
    expect(newFileAction(config)).toBe('https://github.com/council-commons/council-commons/new/main');
  });

  it('opens GitHub’s editor for an existing file, and the issue form of a collection', () => {
    expect(editFileUrl(config, 'content/roadmap/fenmoor/x.md')).toBe(
      'https://github.com/council-commons/council-commons/edit/main/content/roadmap/fenmoor/x.md',
    );
    expect(issueFormUrl(config, 'datasets')).toBe('https://github.com/council-commons/council-commons/issues/new?template=datasets.yml');
  });

  it('fills the issue form’s fields under their ids, as the issue form asks for them', () => {
    const answers = readAnswers(roadmap, [
      ['organisation', 'fenmoor'],
      ['slug', 'garden-waste'],
      ['title', 'Garden waste online'],
      ['summary', 'Renewals online.'],
      ['status', 'beta'],
      ['services', '530'],
      ['services', '524'],
      ['start-month', '4'],
      ['start-year', '2026'],
      ['links[0][title]', 'Blog'],
      ['links[0][url]', 'https://example.gov.uk/blog'],
      ['body', 'Some text.'],
    ]);
    const url = new URL(issueUrl(config, roadmap, answers));
    expect(url.pathname).toBe('/council-commons/council-commons/issues/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: 'roadmap.yml',
      title: 'Garden waste online',
      organisation: 'fenmoor',
      slug: 'garden-waste',
      summary: 'Renewals online.',
      status: 'beta',
      services: '530, 524',
      start: '2026-04',
      links: 'Blog | https://example.gov.uk/blog',
      body: 'Some text.',
    });
    expect(url.search).not.toContain('+');
    for (const collection of RECORD_COLLECTIONS) expect(issueFormDefinition(collection.name)?.file).toBe(issueTemplate(collection.name));
  });

  it('fills an issue that, sent as GitHub writes it, reads back as the answers', () => {
    const answers = readAnswers(roadmap, [
      ['organisation', 'fenmoor'],
      ['slug', 'garden-waste'],
      ['title', 'Garden waste online'],
      ['summary', 'Renewals online.'],
      ['status', 'beta'],
      ['services', '530'],
      ['links[0][title]', 'Blog'],
      ['links[0][url]', 'https://example.gov.uk/blog'],
    ]);
    const url = new URL(issueUrl(config, roadmap, answers));
    const definition = issueFormDefinition('roadmap')!;
    // GitHub writes each field as "### <label>", a blank line and the answer; a field left empty as _No response_.
    const body = definition.fields
      .filter((field) => field.type !== 'checkboxes')
      .map(
        (field) =>
          `### ${field.label}\n\n` +
          `${(field.id === 'title' ? url.searchParams.get('title') : url.searchParams.get(field.id)) || '_No response_'}`,
      )
      .join('\n\n');
    const read = parseIssueForm(body, definition);
    expect(read.organisation).toBe('fenmoor');
    expect(read.slug).toBe('garden-waste');
    expect(read.fields).toMatchObject({
      title: 'Garden waste online',
      summary: 'Renewals online.',
      status: 'beta',
      services: [530],
      links: [{ title: 'Blog', url: 'https://example.gov.uk/blog' }],
    });
  });

  it('offers no link over GitHub’s length limit', () => {
    expect(fitsGitHub('x'.repeat(MAX_URL_LENGTH))).toBe(true);
    expect(fitsGitHub('x'.repeat(MAX_URL_LENGTH + 1))).toBe(false);
    expect(MAX_URL_LENGTH).toBeLessThan(8191);
  });
});

describe('the preview’s Markdown', () => {
  it('sanitises with the site’s own rules', () => {
    expect(PREVIEW_SANITIZE_SCHEMA).toEqual(SANITIZE_SCHEMA);
  });

  it('renders ordinary Markdown as the site does (heading ids aside)', () => {
    const { content } = validateContent({ contentDir: join(ROOT, 'content'), today: '2026-11-27' });
    const bodies = content.records.map((record) => record.body ?? '').filter((body) => body.trim() && !/</.test(body));
    expect(bodies.length).toBeGreaterThan(40);
    for (const body of bodies) expect(previewMarkdown(body)).toBe(renderMarkdownWithReference(body).replace(/ id="section-[^"]*"/g, ''));
  });

  it('lets no script, handler or javascript: address through, and shows images as links', () => {
    const html = previewMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n' +
        '[click](javascript:alert(3)) <a href="javascript:alert(4)">a</a>\n\n![Map](https://example.org/map.png)\n\n# Title',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
    expect(html).toContain('<a href="https://example.org/map.png">Image: Map</a>');
    expect(html).toContain('<h2>Title</h2>');
    expect(previewMarkdown('  ')).toBe('');
  });
});

describe('the templates offered without JavaScript', () => {
  it.each(RECORD_COLLECTIONS.map((collection) => collection.name))(
    'the %s template passes the validator once its placeholders in the path are filled in',
    (name) => {
      const template = templateFile(name);
      expect(template.file).toBe(`${name}${template.extension}`);
      const content = contentFixture();
      const file = join(content, name, 'ashdown', `my-record${template.extension}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, template.text);
      const report = validateContent({ contentDir: content, today: '2026-11-27' });
      expect(report.errors).toEqual([]);
      expect(report.warnings.some((warning) => warning.rule === 'content/placeholder')).toBe(true);
      expect(template.text).not.toContain(TEMPLATE_ORGANISATION);
      expect(TEMPLATE_SLUG).toBe('short-name');
    },
  );
});
