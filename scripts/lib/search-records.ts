/**
 * What the search index holds, built from the validated content rather than from the built pages:
 * one small HTML document per record page and per organisation page, for Pagefind's addHTMLFile, with
 * - the record's own words: its title (weighted as a heading), summary, the body's words and the
 *   organisation's name (and their Welsh);
 * - the words people use for it, weighted below the record's own so that exact matches come first:
 *   its services' names, their former names in the Local Government Service List and GOV.UK's
 *   descriptions of them, its themes' names, and every phrase of the synonym concepts
 *   (content/vocabularies/synonyms.yaml) that its text or services mention ("brown bin" for a record
 *   about garden waste);
 * - filters: collection, organisation, service, theme, status (roadmap items) and licence;
 * - metadata for a result: title, kind ("Roadmap item from Hartlepool"), organisation, collection,
 *   status, services and summary.
 *
 * Indexing from the content needs no parsing of the built pages, so Pagefind takes a fraction of the time
 * and memory it needs to read 25,000 pages, and list pages never reach the index. The labels are the ones
 * the pages show (collection labels, register names, service and theme labels, licence names).
 */
import { serviceLabelOf } from '../../src/lib/services.ts';
import { recordCollection } from '../../schemas/collections.ts';
import { DEFAULT_LICENCE } from '../../schemas/fields.ts';
import type { HubContent } from '../../src/lib/content-files/types.ts';
import { codeInWords, sentenceCase } from '../../src/lib/labels.ts';
import { organisationTypeLabel, type OrganisationRegister } from '../../src/lib/organisation-register.ts';
import { renderBodies } from '../../src/lib/markdown.ts';
import type { ReferenceData } from '../../src/lib/reference-data.ts';
import { withoutStopWords } from '../../src/lib/search-stop-words.ts';
import { SynonymMatcher } from '../../src/lib/synonyms.ts';
import { allTranslatedTexts, type Translations } from '../../src/lib/translations.ts';

/** One page in the search index: what it is found by, how its result reads, and what it is filtered by. */
export interface SearchRecord {
  /** The page's address under the site's root, without the base path (Pagefind adds it when searching). */
  url: string;
  title: string;
  /** The record's other words, weighted as a page's text: summary, body, Welsh title and summary, organisation. */
  ownWords: string[];
  /**
   * The words people use for it, weighted below its own (see above): each once, and only those its own
   * words do not already have. Search matches words, not phrases, so a word it already has would only
   * add to the index chunks of common words ("housing", "waste"), which are what a first search fetches.
   */
  usedWords: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * How much each part counts when ranking, as Pagefind weighs a page's elements (its own default for a
 * page's text is 1, and for an <h1> 7). A word in the title counts about twice a word of the text once
 * Pagefind's term saturation is applied, and a word people use for the record a little over half.
 */
export const SEARCH_WEIGHTS = { title: 7, own: 1, used: 0.5 } as const;

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
 * The words of some text not yet `seen`, each once, in the order they first appear; adds them to `seen`
 * (lowercase, as they are compared). Punctuation around a word is dropped.
 */
function newWords(text: string, seen: Set<string>): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const key = word.toLocaleLowerCase('en-GB');
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

/** The lowercase words of some texts, as distinctWords compares them. */
export function wordSet(...texts: string[]): Set<string> {
  const seen = new Set<string>();
  for (const text of texts) newWords(text, seen);
  return seen;
}

/**
 * A body's words, each once, in the order they first appear, leaving out any already `known`. Results
 * show a record's summary, not an excerpt, so where and how often a word appears in the body is not
 * needed; indexing each word once keeps the index chunks of common words small, which is most of what a
 * first search downloads.
 */
export function distinctWords(text: string, known: ReadonlySet<string> = new Set()): string {
  return newWords(text, new Set(known)).join(' ');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The record as the HTML document Pagefind indexes. Metadata and filters sit outside the indexed body (so
 * their words are not searched twice) in elements Pagefind reads by attribute; the weights are explicit.
 * The words people use come straight after the title, before the record's text: Pagefind stores where in
 * the page each word is, and small numbers take fewer bytes in the index chunks a first search fetches
 * (6 KB less at 50,000 records). Results show no excerpts, so the order changes nothing a reader sees.
 * The indexed words leave out stop words (src/lib/search-stop-words.ts); metadata keeps them, as results
 * show it.
 */
export function searchRecordHtml(record: SearchRecord): string {
  const meta = Object.entries(record.meta).map(([name, value]) => `<p data-pagefind-meta="${escapeHtml(name)}">${escapeHtml(value)}</p>`);
  const filters = Object.entries(record.filters).flatMap(([name, values]) =>
    values.map((value) => `<p data-pagefind-filter="${escapeHtml(name)}">${escapeHtml(value)}</p>`),
  );
  const part = (text: string, weight: number) => {
    const words = withoutStopWords(text);
    return words ? `<p data-pagefind-weight="${weight}">${escapeHtml(words)}</p>` : '';
  };
  return (
    `<!doctype html><html lang="${SEARCH_LANGUAGE}"><body><div hidden>${meta.join('')}${filters.join('')}</div>` +
    `<main data-pagefind-body><h1 data-pagefind-weight="${SEARCH_WEIGHTS.title}">${escapeHtml(withoutStopWords(record.title))}</h1>` +
    `${part(record.usedWords, SEARCH_WEIGHTS.used)}${part(record.ownWords.join('. '), SEARCH_WEIGHTS.own)}</main></body></html>`
  );
}

const present = (parts: (string | undefined)[]) => parts.filter((part): part is string => Boolean(part && part.trim()));

/**
 * `defaultLicenceId`: the licence of records that name none (hub.config.yaml's defaultLicence); `register`:
 * the words of its organisation register, for organisations' types (without it, the codes in words);
 * `bodies`: each record's body as sanitised HTML (renderBodies), when the caller has rendered them already.
 */
export function searchRecords(
  content: HubContent,
  reference: ReferenceData,
  defaultLicenceId = DEFAULT_LICENCE,
  register?: OrganisationRegister,
  bodies: readonly string[] = renderBodies(content.records),
): SearchRecord[] {
  const organisations = new Map(content.organisations.map((organisation) => [organisation.id, organisation]));
  const themes = new Map(content.themes.map((theme) => [theme.id, theme.label]));
  const defaultLicence = reference.licences.get(defaultLicenceId);
  const synonyms = new SynonymMatcher(content.synonyms);
  const records: SearchRecord[] = [];

  for (const [index, record] of content.records.entries()) {
    const data = record.data as Record<string, unknown> & { title: string; summary: string; translations?: Translations };
    // The title and summary in the hub's other languages: found by their words too.
    const translated = allTranslatedTexts(data.translations);
    const collection = recordCollection(record.collection)!;
    const organisation = organisations.get(record.organisation)!;
    const name = organisation.data.name;
    const services = ((data.services as number[] | undefined) ?? []).map((id) => reference.services.get(id));
    const serviceLabels = ((data.services as number[] | undefined) ?? []).map((id) => serviceLabelOf(reference, id));
    const formerNames = services.flatMap((service) => service?.formerNames ?? []);
    const themeLabels = ((data.themes as string[] | undefined) ?? []).map((id) => themes.get(id) ?? id);
    const licence = reference.licences.get((data.licence as string | undefined) ?? defaultLicenceId) ?? defaultLicence;
    const kind = sentenceCase(collection.singular);
    // The body's words, each once, leaving out those of the title and summary (which already rank it);
    // `seen` then gathers every word of the record's own, which the words people use need not repeat.
    const seen = wordSet(data.title, data.summary);
    const text = bodies[index] ? htmlToText(bodies[index]) : '';
    const body = text ? newWords(text, seen).join(' ') : undefined;
    const ownWords = present([...translated, data.summary, body, name]);
    for (const other of present([...translated, name])) newWords(other, seen);
    // Concepts are matched in the body as written: its distinct words no longer keep phrases together.
    const concepts = synonyms.conceptsIn(
      data.title,
      ...present([...translated, data.summary, text, name]),
      ...serviceLabels,
      ...formerNames,
    );
    const status = record.collection === 'roadmap' ? codeInWords(String(data.status)) : undefined;
    records.push({
      url: `/${record.id}/`,
      title: data.title,
      ownWords,
      usedWords: distinctWords(
        [
          ...serviceLabels,
          ...formerNames,
          ...present(services.map((service) => service?.govukDescription)),
          ...themeLabels,
          ...concepts.flatMap((concept) => [concept.label, ...concept.phrases]),
        ].join(' '),
        seen,
      ),
      meta: {
        title: data.title,
        kind: `${kind} from ${name}${organisation.data.demonstration ? ' (demonstration)' : ''}`,
        organisation: name,
        collection: collection.singular,
        ...(status ? { status } : {}),
        ...(serviceLabels.length > 0 ? { services: serviceLabels.join(', ') } : {}),
        summary: data.summary,
      },
      filters: {
        collection: [collection.label],
        organisation: [name],
        service: serviceLabels,
        theme: themeLabels,
        status: status ? [status] : [],
        licence: licence ? [licence.name] : [],
      },
    });
  }

  for (const organisation of content.organisations) {
    const data = organisation.data;
    const type = register ? organisationTypeLabel(register, String(data.type)) : codeInWords(String(data.type));
    const summary = data.summary ?? `${type}${data.region ? `, ${data.region}` : ''}`;
    records.push({
      url: `/organisations/${organisation.id}/`,
      title: data.name,
      ownWords: present([data.official_name, ...allTranslatedTexts(data.translations), data.summary, type, data.region]),
      usedWords: '',
      meta: {
        title: data.name,
        kind: `Organisation${data.demonstration ? ' (demonstration)' : ''}`,
        organisation: data.name,
        collection: 'organisation',
        summary,
      },
      filters: { collection: ['Organisations'], organisation: [data.name] },
    });
  }
  return records;
}
