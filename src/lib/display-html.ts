/**
 * A Display value (from record-fields.ts) as HTML, for components that take an `html` option such as
 * the summary list. Every piece of text and every address is escaped here, so content can never turn
 * into markup on the way. Options: linkClass (default "govuk-link") and listClass (default "govuk-list"),
 * the classes of its links and lists; an empty string leaves the attribute out, for a container that
 * styles them itself.
 */
import type { Display } from './record-fields.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

export function displayHtml(value: Display, options: { linkClass?: string; listClass?: string } = {}): string {
  const classOf = (name: string) => (name ? ` class="${name}"` : '');
  switch (value.kind) {
    case 'text':
      return escapeHtml(value.text);
    case 'link':
      return `<a${classOf(options.linkClass ?? 'govuk-link')} href="${escapeHtml(value.href)}">${escapeHtml(value.text)}</a>`;
    case 'list':
      if (value.items.length === 1) return displayHtml(value.items[0], options);
      return (
        `<ul${classOf(options.listClass ?? 'govuk-list')}>` +
        `${value.items.map((item) => `<li>${displayHtml(item, options)}</li>`).join('')}</ul>`
      );
  }
}
