/**
 * The record as it will look on its page, built from the answers with the site's own code: the fields as
 * a summary list from record-fields.ts (the same labels, dates in words, services and themes by name),
 * the status as the same tag, and the text rendered by the preview's sanitising Markdown renderer. Every
 * answer is set as text; only the renderer's sanitised HTML is set as HTML.
 */
import type { Answers } from '../../lib/contribute/answers.ts';
import type { FormModel } from '../../lib/contribute/form-model.ts';
import { codeInWords, sentenceCase } from '../../lib/labels.ts';
import { fieldRows, type Display, type FieldLookups } from '../../lib/record-fields.ts';
import { statusTagClass } from '../../lib/status-tags.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Only the addresses the schemas allow (and the site's own pages) become links. */
const SAFE_HREF = /^(?:https?:|mailto:|\/)/i;

/** A Display value (record-fields.ts) as nodes, as display-html.ts writes it as HTML. */
function displayNode(value: Display): Node {
  switch (value.kind) {
    case 'text':
      return document.createTextNode(value.text);
    case 'link': {
      if (!SAFE_HREF.test(value.href)) return document.createTextNode(value.text);
      const link = element('a', 'govuk-link', value.text);
      link.href = value.href;
      return link;
    }
    case 'list': {
      if (value.items.length === 1) return displayNode(value.items[0]);
      const list = element('ul', 'govuk-list');
      for (const item of value.items) {
        const entry = element('li', '');
        entry.append(displayNode(item));
        list.append(entry);
      }
      return list;
    }
  }
}

export interface PreviewOptions {
  model: FormModel;
  answers: Answers;
  organisationName: string;
  lookups: FieldLookups;
  /** The hub's default licence id, shown when the record names none. */
  defaultLicence: string;
  /** Sanitised HTML of the text. */
  bodyHtml: string;
}

/** The title or summary in each language the answers give it in, marked with the language, as the record's page shows them. */
function translatedParagraphs(fields: Record<string, unknown>, part: 'title' | 'summary', className: string): HTMLElement[] {
  const translations = (fields.translations ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(translations).flatMap(([code, entry]) => {
    if (typeof entry[part] !== 'string') return [];
    const paragraph = element('p', className, entry[part]);
    paragraph.lang = code;
    return [paragraph];
  });
}

export function renderPreview(container: HTMLElement, options: PreviewOptions): void {
  const { model, answers, lookups } = options;
  const fields = answers.fields;
  const nodes: Node[] = [];
  nodes.push(element('span', 'govuk-caption-m', `${sentenceCase(model.collection.singular)} from ${options.organisationName}`));
  nodes.push(element('h4', 'govuk-heading-l', String(fields.title ?? '')));
  nodes.push(...translatedParagraphs(fields, 'title', 'govuk-body-l'));
  if (typeof fields.status === 'string') {
    const paragraph = element('p', 'govuk-body');
    paragraph.append(element('strong', `govuk-tag ${statusTagClass(String(fields.status))}`.trim(), codeInWords(fields.status)));
    nodes.push(paragraph);
  }
  nodes.push(element('p', 'govuk-body-l', String(fields.summary ?? '')));
  nodes.push(...translatedParagraphs(fields, 'summary', 'govuk-body'));
  const rows = fieldRows(model.collection.schema, fields, lookups, { defaultLicence: options.defaultLicence }).filter(
    (row) => row.key !== 'status',
  );
  if (rows.length > 0) {
    const list = element('dl', 'govuk-summary-list govuk-!-margin-bottom-6');
    for (const row of rows) {
      const line = element('div', `govuk-summary-list__row hub-field hub-field--${row.key.replace(/_/g, '-')}`);
      const value = element('dd', 'govuk-summary-list__value');
      const content = displayNode(row.value);
      if (row.lang) {
        const span = element('span', '');
        span.lang = row.lang;
        span.append(content);
        value.append(span);
      } else value.append(content);
      line.append(element('dt', 'govuk-summary-list__key', row.label), value);
      list.append(line);
    }
    nodes.push(list);
  }
  if (options.bodyHtml) {
    const prose = element('div', 'hub-prose');
    // Sanitised by preview-markdown.ts (rehype-sanitize with the site's rules).
    prose.innerHTML = options.bodyHtml;
    nodes.push(prose);
  }
  container.replaceChildren(...nodes);
}
