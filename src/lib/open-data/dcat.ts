/**
 * /api/v1/datasets.dcat.jsonld: every dataset on the hub as a DCAT-AP catalogue in JSON-LD, for
 * harvesters such as CKAN's ckanext-dcat (data.gov.uk and most CKAN portals) and data.europa.eu.
 *
 * The @context is inline (prefixes only, no remote context), so the file expands offline. Values are
 * written out in full (`{"@id": …}` for links, `{"@value": …, "@type": "xsd:date"}` for dates) instead
 * of relying on term definitions, so that any JSON-LD 1.0 or 1.1 processor reads the same triples.
 *
 * Mapping from a dataset record:
 *   page on the hub          → @id, dct:identifier
 *   title, translations      → dct:title, with each language's @language (the hub's main language
 *                              for title, the code under translations for the others)
 *   summary, translations    → dct:description, the same way
 *   organisation             → dct:publisher: foaf:Agent/foaf:Organization, @id its page, foaf:name
 *   licence                  → dct:license on the dataset and on every distribution (ckanext-dcat reads
 *                              a dataset's licence from its distributions)
 *   landing_url              → dcat:landingPage
 *   distributions            → dcat:Distribution with dcat:accessURL, dcat:downloadURL (not for an
 *                              API), dct:format (EU file-type URI for common formats, else the text),
 *                              dcat:mediaType (IANA URI), dct:title. A dataset with none gets one whose
 *                              accessURL is its landing page, where the data is.
 *   services, themes         → dcat:theme (skos:Concept: the Local Government Service List's URI for
 *                              a service, the hub's theme page for a theme) and dcat:keyword (labels)
 *   issued, modified         → dct:issued, dct:modified as xsd:date
 *   update_frequency         → dct:accrualPeriodicity from the EU frequency vocabulary
 *   coverage                 → dct:spatial (a dct:Location labelled with it) and dct:coverage (it mixes
 *                              place and time, which dct:coverage covers)
 *   contact (else the        → dcat:contactPoint: vcard:Organization with vcard:fn (the organisation's
 *   organisation's)            name) and vcard:hasEmail (mailto:) or vcard:hasURL
 */
import { UPDATE_FREQUENCIES } from '../../../schemas/dataset.ts';
import { catalogueDescription, catalogueTitle, contactOf, keywordsOf, type CatalogueDataset } from './catalogue.ts';
import { compareById } from '../collation.ts';
import { type OpenDataContext } from './context.ts';
import { fileTypeUri, isApi, mediaTypeOf, mediaTypeUri } from './media-types.ts';
import { translatedTexts } from '../translations.ts';

type Json = Record<string, unknown>;

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const EU_FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';
const EU_LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';

/** The hub's update frequencies in the EU Publications Office's frequency vocabulary. */
export const FREQUENCY_CODES: Record<(typeof UPDATE_FREQUENCIES)[number], string> = {
  continuous: 'UPDATE_CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  'twice-a-year': 'ANNUAL_2',
  annually: 'ANNUAL',
  irregular: 'IRREG',
  never: 'NEVER',
};

export function frequencyUri(frequency: (typeof UPDATE_FREQUENCIES)[number]): string {
  return `${EU_FREQUENCY}${FREQUENCY_CODES[frequency]}`;
}

const id = (uri: string) => ({ '@id': uri });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });
const text = (value: string, language: string) => ({ '@value': value, '@language': language });

/** A field in the hub's main language, with its translations beside it in the hub's other languages. */
function inEachLanguage(main: string, field: 'title' | 'summary', data: CatalogueDataset['data'], languages: readonly string[]) {
  const [mainLanguage, ...others] = languages;
  const translated = translatedTexts(
    data.translations,
    [field],
    others.map((code) => ({ code, name: code })),
  );
  return translated.length
    ? [text(main, mainLanguage), ...translated.map((entry) => text(entry.text, entry.code))]
    : text(main, mainLanguage);
}

/** The EU Publications Office's code of a language, for the languages it is likely a hub is in. */
const EU_LANGUAGE_CODES: Readonly<Record<string, string>> = {
  en: 'ENG',
  cy: 'CYM',
  ga: 'GLE',
  gd: 'GLA',
  fr: 'FRA',
  de: 'DEU',
  nl: 'NLD',
  es: 'SPA',
  it: 'ITA',
  pt: 'POR',
  da: 'DAN',
  sv: 'SWE',
  fi: 'FIN',
  nb: 'NOB',
  pl: 'POL',
};

/** Drops keys whose value is unset or an empty list, so the document says only what is known. */
function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && !(Array.isArray(item) && item.length === 0)));
}

function distributionsOf(dataset: CatalogueDataset, licenceUrl: string): Json[] {
  const { data } = dataset;
  const distributions = data.distributions ?? [];
  if (distributions.length === 0) {
    return [
      {
        '@type': 'dcat:Distribution',
        'dct:title': text(`${data.title}: landing page`, 'en'),
        'dcat:accessURL': id(data.landing_url),
        'dct:license': id(licenceUrl),
      },
    ];
  }
  return distributions.map((distribution) => {
    const mediaType = mediaTypeOf(distribution);
    const fileType = fileTypeUri(distribution.format);
    return compact({
      '@type': 'dcat:Distribution',
      'dct:title': text(distribution.title ?? `${data.title} (${distribution.format})`, 'en'),
      'dcat:accessURL': id(distribution.url),
      'dcat:downloadURL': isApi(distribution) ? undefined : id(distribution.url),
      'dct:format': fileType ? id(fileType) : distribution.format,
      'dcat:mediaType': mediaType ? id(mediaTypeUri(mediaType)) : undefined,
      'dct:license': id(licenceUrl),
    });
  });
}

/** The catalogue's languages in the EU vocabulary: the hub's languages that it has a code for. */
function languageIds(languages: readonly string[]) {
  const ids = [...new Set(languages.flatMap((code) => EU_LANGUAGE_CODES[code.split('-')[0].toLowerCase()] ?? []))];
  return ids.length === 1 ? id(`${EU_LANGUAGE}${ids[0]}`) : ids.map((code) => id(`${EU_LANGUAGE}${code}`));
}

export function datasetNode(dataset: CatalogueDataset, context: OpenDataContext): Json {
  const { data } = dataset;
  const url = context.pageUrl(dataset.id);
  const licence = context.licence(data.licence);
  const contact = contactOf(dataset);
  // The record's own words, and the register's labels, are in the hub's main language.
  const main = context.languages[0];
  const concepts = [
    ...dataset.services.map((service) => ({ '@id': service.uri, '@type': 'skos:Concept', 'skos:prefLabel': text(service.label, main) })),
    ...dataset.themes.map((theme) => ({
      '@id': context.pageUrl(`themes/${theme.id}`),
      '@type': 'skos:Concept',
      'skos:prefLabel': text(theme.label, main),
    })),
  ];
  return compact({
    '@id': url,
    '@type': 'dcat:Dataset',
    'dct:identifier': url,
    'dct:title': inEachLanguage(data.title, 'title', data, context.languages),
    'dct:description': inEachLanguage(data.summary, 'summary', data, context.languages),
    'dct:publisher': {
      '@id': context.pageUrl(`organisations/${dataset.organisation.id}`),
      '@type': ['foaf:Agent', 'foaf:Organization'],
      'foaf:name': dataset.organisation.name,
    },
    'dct:license': id(licence.url),
    'dcat:landingPage': id(data.landing_url),
    'dcat:distribution': distributionsOf(dataset, licence.url),
    'dcat:theme': concepts,
    'dcat:keyword': keywordsOf(dataset),
    'dct:issued': data.issued ? date(data.issued) : undefined,
    'dct:modified': data.modified ? date(data.modified) : undefined,
    'dct:accrualPeriodicity': data.update_frequency ? id(frequencyUri(data.update_frequency)) : undefined,
    'dct:spatial': data.coverage ? { '@type': 'dct:Location', 'skos:prefLabel': text(data.coverage, main) } : undefined,
    'dct:coverage': data.coverage ? text(data.coverage, main) : undefined,
    'dcat:contactPoint': contact
      ? compact({
          '@type': 'vcard:Organization',
          'vcard:fn': contact.name,
          'vcard:hasEmail': contact.email ? id(`mailto:${contact.email}`) : undefined,
          'vcard:hasURL': contact.url ? id(contact.url) : undefined,
        })
      : undefined,
  });
}

/** The whole catalogue: the hub as a dcat:Catalog with every dataset, sorted by id. */
export function dcatCatalogue(datasets: readonly CatalogueDataset[], context: OpenDataContext): Json {
  const home = context.pageUrl('');
  return {
    '@context': DCAT_CONTEXT,
    '@id': context.fileUrl('api/v1/datasets.dcat.jsonld'),
    '@type': 'dcat:Catalog',
    'dct:title': text(catalogueTitle(context.hubName), 'en'),
    'dct:description': text(catalogueDescription(context.hubName), 'en'),
    // The hub publishes the catalogue, not the datasets.
    'dct:publisher': { '@id': home, '@type': 'foaf:Agent', 'foaf:name': context.hubName },
    'foaf:homepage': id(home),
    'dct:license': id(context.defaultLicence.url),
    'dct:language': languageIds(context.languages),
    'dcat:dataset': [...datasets].sort(compareById).map((dataset) => datasetNode(dataset, context)),
  };
}
