/**
 * schema.org descriptions of records and organisations, as JSON-LD for search engines and harvesters.
 * Content is untrusted, so the JSON is made safe to sit inside a <script> element.
 */
import type { Organisation } from '../../schemas/organisation.ts';
import type { TypedRecord } from './content-files/types.ts';
import { githubOwners } from './github-owners.ts';
import { allTranslatedTexts } from './translations.ts';

type Json = Record<string, unknown>;

export interface JsonLdContext {
  /** The record's page, absolute. */
  url: string;
  /**
   * The owning organisation and its page, absolute; government when its type is a public body
   * (organisations.types in hub.config.yaml, src/lib/organisation-register.ts).
   */
  organisation: { name: string; url: string; data: Organisation; government: boolean };
  licence: { name: string; url: string };
  /** ISO date-time of the last change, when known. */
  dateModified?: string;
  /** Labels of the record's services and themes, for `about` and `keywords`. */
  services: string[];
  themes: string[];
  /** The hub's main language (hub.config.yaml), the language of the record's own fields. */
  language: string;
}

/** Councils and other public bodies are government organisations; community groups are not. */
function schemaOrgType(government: boolean): string {
  return government ? 'GovernmentOrganization' : 'Organization';
}

/**
 * An organisation: `government` when its type is a public body, and `codeName`, the name of the official
 * code its gss_code holds (both from the hub's configuration, src/lib/organisation-register.ts).
 */
export function organisationJsonLd(organisation: Organisation, url: string, register: { government: boolean; codeName?: string }): Json {
  return compact({
    '@context': 'https://schema.org',
    '@type': schemaOrgType(register.government),
    name: organisation.official_name ?? organisation.name,
    // Its names in the hub's other languages too: schema.org has no field for a name's language.
    alternateName: [...new Set([organisation.name, ...allTranslatedTexts(organisation.translations)])].filter(
      (name) => name && name !== (organisation.official_name ?? organisation.name),
    ),
    url,
    sameAs: [organisation.website, ...githubOwners(organisation.github).map((owner) => `https://github.com/${owner}`)].filter(Boolean),
    identifier:
      organisation.gss_code && register.codeName
        ? { '@type': 'PropertyValue', propertyID: register.codeName, value: organisation.gss_code }
        : undefined,
    description: organisation.summary,
  });
}

/** The schema.org type that says best what a record is. */
function typeOf(record: TypedRecord): string {
  switch (record.collection) {
    case 'datasets':
      return 'Dataset';
    case 'components':
      return record.data.kind === 'code' ? 'SoftwareSourceCode' : 'CreativeWork';
    case 'lessons':
      return 'Article';
    default:
      return 'CreativeWork';
  }
}

export function recordJsonLd(record: TypedRecord, context: JsonLdContext): Json {
  const { data } = record;
  const base: Json = {
    '@context': 'https://schema.org',
    '@type': typeOf(record),
    name: data.title,
    // The title in the hub's other languages.
    alternateName: Object.values(data.translations ?? {}).flatMap((entry) => entry.title ?? []),
    description: data.summary,
    url: context.url,
    license: context.licence.url,
    inLanguage: context.language,
    dateModified: context.dateModified,
    publisher: { '@type': schemaOrgType(context.organisation.government), name: context.organisation.name, url: context.organisation.url },
    about: context.services.length ? context.services.map((name) => ({ '@type': 'Thing', name })) : undefined,
    keywords: context.themes.length ? context.themes.join(', ') : undefined,
  };
  switch (record.collection) {
    case 'roadmap':
      return compact({
        ...base,
        creativeWorkStatus: record.data.status,
        temporalCoverage: record.data.start ? `${record.data.start}/${record.data.end ?? '..'}` : undefined,
      });
    case 'lessons':
      return compact({ ...base, datePublished: record.data.date });
    case 'principles':
      return compact({ ...base, isBasedOn: record.data.source_url });
    case 'datasets': {
      const dataset = record.data;
      return compact({
        ...base,
        mainEntityOfPage: dataset.landing_url,
        datePublished: dataset.issued,
        dateModified: dataset.modified ?? context.dateModified,
        spatialCoverage: dataset.coverage,
        distribution: (dataset.distributions ?? []).map((distribution) =>
          compact({
            '@type': 'DataDownload',
            contentUrl: distribution.url,
            encodingFormat: distribution.media_type ?? distribution.format,
            name: distribution.title,
          }),
        ),
      });
    }
    case 'components': {
      const component = record.data;
      const code = component.kind === 'code';
      return compact({
        ...base,
        codeRepository: code ? component.repository_url : undefined,
        isBasedOn: code ? undefined : component.repository_url,
        creativeWorkStatus: component.development_status,
      });
    }
    // A record type added to the registry (schemas/collections.ts) is a CreativeWork with the common fields.
    default:
      return compact(base);
  }
}

/** Drops empty values so the JSON says only what is known. */
function compact(value: Json): Json {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, item]) => item !== undefined && item !== null && item !== '' && !(Array.isArray(item) && item.length === 0),
    ),
  );
}

/**
 * JSON to put inside <script type="application/ld+json">: `<` is escaped so that text such as
 * "</script>" in a record can never end the element early.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
