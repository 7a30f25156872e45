/**
 * What the search index holds, built from the validated content rather than from the built pages:
 * one Pagefind record per record page and per organisation page, with
 * - the words people search: title, summary (and their Welsh), the body's text, the organisation's
 *   name and the services' and themes' names;
 * - filters: collection, organisation, service, theme, status (roadmap items) and licence;
 * - metadata for a result: title, kind ("Roadmap item from Hartlepool"), organisation, collection and
 *   summary.
 *
 * Indexing from the content needs no HTML parsing, so Pagefind takes a fraction of the time and memory
 * it needs to read 25,000 pages, and list pages never reach the index. The labels are the ones the
 * pages show (collection labels, register names, service and theme labels, licence names).
 */
import { recordCollection } from '../../schemas/collections.ts';
import { DEFAULT_LICENCE } from '../../schemas/fields.ts';
import type { HubContent } from '../../src/lib/content/types.ts';
import { codeInWords, ORGANISATION_TYPE_LABELS, sentenceCase } from '../../src/lib/labels.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import type { ReferenceData } from '../../src/lib/reference-data.ts';

/** A Pagefind custom record (the shape of the Node API's addCustomRecord). */
export interface SearchRecord {
  /** The page's address under the site's root, without the base path (Pagefind adds it when searching). */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The language of every record: the site's own (`<html lang="en-GB">`). */
export const SEARCH_LANGUAGE = 'en-gb';

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of sanitised HTML (as renderMarkdown writes it), as a page shows it. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(ENTITY, (_all, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : NAMED[name!.toLowerCase()],
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A body's words, each once, in the order they first appear. Results show a record's summary, not an
 * excerpt, so where and how often a word appears in the body is not needed; indexing each word once
 * keeps the index chunks of common words small, which is most of what a first search downloads.
 */
export function distinctWords(text: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const token of text.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const key = word.toLocaleLowerCase('en-GB');
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words.join(' ');
}

const sentence = (parts: (string | undefined)[]) => parts.filter((part): part is string => Boolean(part && part.trim())).join('. ');

export function searchRecords(content: HubContent, reference: ReferenceData): SearchRecord[] {
  const organisations = new Map(content.organisations.map((organisation) => [organisation.id, organisation]));
  const themes = new Map(content.themes.map((theme) => [theme.id, theme.label]));
  const defaultLicence = reference.licences.get(DEFAULT_LICENCE);
  const records: SearchRecord[] = [];

  for (const record of content.records) {
    const data = record.data as Record<string, unknown> & { title: string; summary: string; title_cy?: string; summary_cy?: string };
    const collection = recordCollection(record.collection)!;
    const organisation = organisations.get(record.organisation)!;
    const name = organisation.data.name;
    const services = ((data.services as number[] | undefined) ?? []).map((id) => reference.services.get(id)?.label ?? `LGSL ${id}`);
    const themeLabels = ((data.themes as string[] | undefined) ?? []).map((id) => themes.get(id) ?? id);
    const licence = reference.licences.get((data.licence as string | undefined) ?? DEFAULT_LICENCE) ?? defaultLicence;
    const kind = sentenceCase(collection.singular);
    records.push({
      url: `/${record.id}/`,
      language: SEARCH_LANGUAGE,
      content: sentence([data.title, data.title_cy, data.summary, data.summary_cy, record.body ? distinctWords(htmlToText(renderMarkdown(record.body))) : undefined, name, ...services, ...themeLabels]),
      meta: {
        title: data.title,
        kind: `${kind} from ${name}${organisation.data.demonstration ? ' (demonstration)' : ''}`,
        organisation: name,
        collection: collection.singular,
        summary: data.summary,
      },
      filters: {
        collection: [collection.label],
        organisation: [name],
        service: services,
        theme: themeLabels,
        status: record.collection === 'roadmap' ? [codeInWords(String(data.status))] : [],
        licence: licence ? [licence.name] : [],
      },
    });
  }

  for (const organisation of content.organisations) {
    const data = organisation.data;
    const type = ORGANISATION_TYPE_LABELS[data.type as keyof typeof ORGANISATION_TYPE_LABELS] ?? codeInWords(String(data.type));
    const summary = data.summary ?? `${type}${data.region ? `, ${data.region}` : ''}`;
    records.push({
      url: `/organisations/${organisation.id}/`,
      language: SEARCH_LANGUAGE,
      content: sentence([data.name, data.official_name, data.name_cy, data.official_name_cy, data.summary, type, data.region]),
      meta: { title: data.name, kind: `Organisation${data.demonstration ? ' (demonstration)' : ''}`, organisation: data.name, collection: 'organisation', summary },
      filters: { collection: ['Organisations'], organisation: [data.name] },
    });
  }
  return records;
}
