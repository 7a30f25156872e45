/**
 * Everything the pages need, loaded from Astro's content layer once per build and indexed with the
 * pure functions in src/lib. Pages read from here and stay thin.
 */
import { RECORD_COLLECTIONS, type RecordCollectionName } from '../../schemas/collections.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import type { Licence, Service } from '../../schemas/reference.ts';
import type { SynonymConcept, Theme } from '../../schemas/vocabulary.ts';
import type { HubRecord } from '../lib/content-files/types.ts';
import { compareById, compareNames } from '../lib/collation.ts';
import { today } from '../lib/freshness.ts';
import { lastUpdatedDates } from '../lib/git-dates.ts';
import { codeInWords } from '../lib/labels.ts';
import {
  nationLabel,
  organisationKind,
  organisationRegister,
  organisationTypeLabel,
  type OrganisationRegister,
} from '../lib/organisation-register.ts';
import { indexLessons, type LessonIndex } from '../lib/lessons.ts';
import { filterWords, sortByTitle, type FilterName, type FilterOrder, type FilterWords, type Listed } from '../lib/listing.ts';
import { findOverlaps, type OverlapResult } from '../lib/overlaps/index.ts';
import { buildRelations, type Relations } from '../lib/relations.ts';
import { buildReuse, type ReuseGraph } from '../lib/reuse.ts';
import { pageFeedsOf, type PageFeeds } from '../lib/feeds/paths.ts';
import { loadHubConfig, loadUiText, type HubConfig } from '../lib/hub-config.ts';
import type { LanguageConfig } from '../../schemas/hub-config.ts';
import type { UiText } from '../../schemas/ui-text.ts';
import { contentDir } from '../astro-loader/content-source.ts';
import { siteConfig, type SiteConfig } from '../lib/site-config.ts';
import { serviceSchemeOf, type ServiceScheme } from '../lib/reference-data.ts';
import { serviceCode, serviceCodeAndLabel, serviceLabelOf } from '../lib/services.ts';
import { hubSources } from './hub-entries.ts';
import { recordOverlapItem } from '../lib/content-overlaps.ts';

export type { HubRecord };

export interface HubOrganisation {
  id: string;
  data: Organisation;
  filePath: string;
  demonstration: boolean;
}

/** A record as lists see it: its title, id and filter values, with the record itself. */
export interface ListedRecord extends Listed {
  record: HubRecord;
}

export interface Hub {
  records: HubRecord[];
  recordsById: Map<string, HubRecord>;
  organisations: Map<string, HubOrganisation>;
  recordsByOrganisation: Map<string, HubRecord[]>;
  /** Each collection's records A to Z, with their filter values. */
  listed: Map<RecordCollectionName, ListedRecord[]>;
  themes: Map<string, Theme>;
  /** The synonym vocabulary (content/vocabularies/synonyms.yaml), shared by search and the overlap engine. */
  synonyms: SynonymConcept[];
  services: Map<number, Service>;
  /** What the hub's service list is called (hub.config.yaml), e.g. LGSL; undefined for a hub without one. */
  serviceScheme: ServiceScheme | undefined;
  /** A service's label, or its code (“LGSL 524”) when the list does not have it. */
  serviceLabel: (id: number) => string;
  /** A service's code, “LGSL 524”. */
  serviceCode: (id: number) => string;
  /** Services and themes that records are about, A to Z, with those records. */
  servicesWithContent: { service: Service; records: HubRecord[] }[];
  themesWithContent: { theme: Theme; records: HubRecord[] }[];
  licences: Map<string, Licence>;
  defaultLicence: Licence;
  relations: Relations;
  /** Who uses which component, and which principles were adopted from which. */
  reuse: ReuseGraph;
  /** Lessons by the records they are about and by service. */
  lessons: LessonIndex;
  /**
   * Roadmap items of different organisations working on the same thing, and components or datasets that
   * look like the same thing built twice, with scores and reasons; each pair's `kind` says which.
   */
  overlaps: OverlapResult;
  /** Each record's filter values (status, type, nation, service, theme), by record id. */
  facetsById: Map<string, Listed['facets']>;
  /** When each file last changed, from git, keyed by file path; empty without history. */
  lastUpdated: Map<string, string>;
  /** Words for a filter value: ('type', 'county') → 'County council'. */
  facetLabel: (filter: FilterName, value: string) => string;
  /** The order filter values are offered in where it is not A to Z: organisation types and nations as the configuration lists them. */
  facetOrder: FilterOrder;
  /** What the filters are called, with the hub's own word for its nations (hub.config.yaml). */
  filterWords: FilterWords;
  /** The words of the organisation register (organisations in hub.config.yaml): types, nations and the official code. */
  register: OrganisationRegister;
  /** What to call a body when counting them, by its id: 'council', 'community group'. */
  kindOf: (organisation: string) => string;
  /** The hub's configuration (hub.config.yaml): its name, tagline, repository and default licence. */
  hubConfig: HubConfig;
  /** What the pages' header, footer and banners say, in the hub's main language (translations/, src/lib/ui-text.ts). */
  ui: UiText;
  /** The hub's main language (the first of its `languages`): the pages' lang. */
  language: LanguageConfig;
  /** The hub's other languages, by code: what records' `translations` may be in. */
  otherLanguages: ReadonlyMap<string, LanguageConfig>;
  /** Where edits to the hub's files are proposed. */
  config: SiteConfig;
  /** Each feed's title (with the hub's name) and path, as pages name them. */
  feeds: PageFeeds;
}

let hub: Promise<Hub> | undefined;

function servicesOf(record: HubRecord): number[] {
  return 'services' in record.data ? (record.data.services ?? []) : [];
}

function themesOf(record: HubRecord): string[] {
  return 'themes' in record.data ? (record.data.themes ?? []) : [];
}

async function load(): Promise<Hub> {
  const sources = await hubSources();
  // By id, whichever way the content came (hub-entries.ts): the two ways read files in different orders.
  const organisations = new Map(
    sources.organisations
      .toSorted(compareById)
      .map((entry) => [
        entry.id,
        { id: entry.id, data: entry.data, filePath: entry.filePath, demonstration: entry.data.demonstration === true },
      ]),
  );
  const records: HubRecord[] = sources.records.map((entry) => {
    const [organisation, slug] = entry.id.split('/');
    return {
      collection: entry.collection,
      organisation,
      slug,
      id: `${entry.collection}/${entry.id}`,
      file: entry.file,
      data: entry.data,
      html: entry.html,
      body: entry.body,
      filePath: entry.filePath,
    } as HubRecord;
  });
  const byTitle = sortByTitle(records.map((record) => ({ id: record.id, title: record.data.title, record }))).map(({ record }) => record);
  /** Adds a record to its key's list in an index, in the order the records come (A to Z). */
  const add = <K>(index: Map<K, HubRecord[]>, key: K, record: HubRecord) => {
    const list = index.get(key);
    if (list) list.push(record);
    else index.set(key, [record]);
  };
  const recordsByOrganisation = new Map<string, HubRecord[]>();
  for (const record of byTitle) add(recordsByOrganisation, record.organisation, record);

  const services = new Map(sources.services.map((service) => [service.id, service]));
  // The file npm run build checked before Astro started (it names it in HUB_CONFIG); astro dev finds it itself.
  const hubConfig = loadHubConfig(contentDir());
  const serviceScheme = serviceSchemeOf(hubConfig.services);
  const serviceLabel = (id: number) => serviceLabelOf({ services, serviceScheme }, id);
  const register = organisationRegister(hubConfig.organisations);
  const themes = new Map(sources.themes.map((theme) => [theme.id, theme]));
  // By id, as the forms' licence lists show them, whichever way the content came (hub-entries.ts).
  const licences = new Map(sources.licences.toSorted((a, b) => a.id.localeCompare(b.id)).map((licence) => [licence.id, licence]));

  const listed = new Map<RecordCollectionName, ListedRecord[]>(RECORD_COLLECTIONS.map(({ name }) => [name, []]));
  for (const record of byTitle) {
    const owner = organisations.get(record.organisation)?.data;
    listed.get(record.collection)!.push({
      id: record.id,
      title: record.data.title,
      collection: record.collection,
      record,
      facets: {
        ...(record.collection === 'roadmap' ? { status: [record.data.status] } : {}),
        ...(owner ? { type: [owner.type], ...(owner.nation ? { nation: [owner.nation] } : {}) } : {}),
        service: servicesOf(record).map(String),
        theme: themesOf(record),
      },
    });
  }

  const byService = new Map<number, HubRecord[]>();
  const byTheme = new Map<string, HubRecord[]>();
  for (const record of byTitle) {
    for (const id of servicesOf(record)) add(byService, id, record);
    for (const id of themesOf(record)) add(byTheme, id, record);
  }
  const servicesWithContent = [...byService]
    .filter(([id]) => services.has(id))
    .map(([id, serviceRecords]) => ({ service: services.get(id)!, records: serviceRecords }))
    .sort((a, b) => compareNames(a.service.label, b.service.label));
  const themesWithContent = [...byTheme]
    .filter(([id]) => themes.has(id))
    .map(([id, themeRecords]) => ({ theme: themes.get(id)!, records: themeRecords }))
    .sort((a, b) => compareNames(a.theme.label, b.theme.label));

  const facetLabel = (filter: FilterName, value: string): string => {
    switch (filter) {
      case 'type':
        return organisationTypeLabel(register, value);
      case 'nation':
        return nationLabel(register, value);
      case 'service':
        return serviceLabel(Number(value));
      case 'theme':
        return themes.get(value)?.label ?? value;
      default:
        return codeInWords(value);
    }
  };

  const ofCollection = <C extends HubRecord['collection']>(name: C) =>
    byTitle.filter((record): record is Extract<HubRecord, { collection: C }> => record.collection === name);
  const roadmap = ofCollection('roadmap');
  // Roadmap items, components and datasets, each only ever matched with their own kind (src/lib/overlaps).
  const overlaps = findOverlaps(
    byTitle.flatMap((record) => recordOverlapItem(record, organisations.get(record.organisation)?.demonstration === true) ?? []),
    {
      service: (id) => serviceCodeAndLabel({ services, serviceScheme }, id),
      theme: (id) => themes.get(id)?.label ?? id,
      organisation: (id) => organisations.get(id)?.data.name ?? id,
    },
    { today: today().slice(0, 7), synonyms: sources.synonyms },
  );

  return {
    records: byTitle,
    recordsById: new Map(byTitle.map((record) => [record.id, record])),
    organisations,
    recordsByOrganisation,
    listed,
    themes,
    synonyms: sources.synonyms,
    services,
    serviceScheme,
    serviceLabel,
    serviceCode: (id: number) => serviceCode(serviceScheme, id),
    servicesWithContent,
    themesWithContent,
    licences,
    // The validator has checked the licence is known; if it ever were not, it is still named.
    defaultLicence: licences.get(hubConfig.defaultLicence) ?? {
      id: hubConfig.defaultLicence,
      name: hubConfig.defaultLicence,
      url: '',
      open: true,
      osiApproved: false,
    },
    relations: buildRelations(byTitle),
    reuse: buildReuse({
      components: ofCollection('components'),
      organisations: [...organisations.values()].map((organisation) => ({ id: organisation.id, uses: organisation.data.uses })),
      roadmap,
      principles: ofCollection('principles'),
    }),
    lessons: indexLessons(ofCollection('lessons')),
    overlaps,
    facetsById: new Map([...listed.values()].flat().map((entry) => [entry.id, entry.facets])),
    lastUpdated: lastUpdatedDates(contentDir()),
    facetLabel,
    facetOrder: { type: [...register.types.keys()], nation: [...register.nations.keys()] },
    filterWords: filterWords(hubConfig.organisations.nationName),
    register,
    kindOf: (id: string) => organisationKind(register, organisations.get(id)?.data.type ?? ''),
    hubConfig,
    ui: loadUiText(contentDir()),
    language: hubConfig.languages[0],
    otherLanguages: new Map(hubConfig.languages.slice(1).map((language) => [language.code, language])),
    config: siteConfig(hubConfig),
    feeds: pageFeedsOf(hubConfig.name),
  };
}

/** The whole hub, loaded once however many pages ask. */
export function loadHub(): Promise<Hub> {
  hub ??= load();
  return hub;
}

export { servicesOf, themesOf };
