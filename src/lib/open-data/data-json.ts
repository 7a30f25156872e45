/**
 * /api/v1/datasets/data.json: every dataset on the hub as a Project Open Data v1.1 catalogue, the
 * "data.json" form that data.gov.uk's harvester (and ckanext-dcat's DCAT JSON harvester) reads.
 *
 * Each dataset has the fields the schema requires: title, description, keyword, modified, publisher,
 * contactPoint, identifier, accessLevel ("public": everything on the hub is open), license, and
 * distribution when there is any. bureauCode and programCode are for United States federal agencies
 * only and are left out.
 *
 * Where the record is silent:
 * - keyword: the dataset's theme and service labels; with neither, the organisation's name, so that the
 *   required list is never empty and never says something the record does not;
 * - modified: the record's `modified`, else `issued`, else the day its file last changed on the hub,
 *   else the day of the build;
 * - contactPoint: the record's contact, else its organisation's; fn is the organisation's name (the hub
 *   asks for team mailboxes, not people); hasEmail is left out when the only contact is a web page;
 * - distribution: a file gets downloadURL and its media type; an API, or a file whose media type is not
 *   known, gets accessURL; a dataset with no distributions gets one pointing at its landing page.
 */
import { contactOf, dayOf, keywordsOf, type CatalogueDataset } from './catalogue.ts';
import { compareById } from '../collation.ts';
import { type OpenDataContext } from './context.ts';
import { isApi, mediaTypeOf } from './media-types.ts';
import type { UPDATE_FREQUENCIES } from '../../../schemas/dataset.ts';

type Json = Record<string, unknown>;

export const POD_SCHEMA = 'https://project-open-data.cio.gov/v1.1/schema';

/** Update frequencies as ISO 8601 repeating durations, as the schema asks (`never` has none). */
export const ACCRUAL_PERIODICITY: Record<(typeof UPDATE_FREQUENCIES)[number], string | undefined> = {
  continuous: 'R/PT1S',
  daily: 'R/P1D',
  weekly: 'R/P1W',
  monthly: 'R/P1M',
  quarterly: 'R/P3M',
  'twice-a-year': 'R/P6M',
  annually: 'R/P1Y',
  irregular: 'irregular',
  never: undefined,
};

function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && !(Array.isArray(item) && item.length === 0)));
}

function distributionsOf(dataset: CatalogueDataset): Json[] {
  const { data } = dataset;
  const distributions = data.distributions ?? [];
  if (distributions.length === 0)
    return [{ '@type': 'dcat:Distribution', title: `${data.title}: landing page`, accessURL: data.landing_url }];
  return distributions.map((distribution) => {
    const mediaType = mediaTypeOf(distribution);
    const download = !isApi(distribution) && mediaType !== undefined;
    return compact({
      '@type': 'dcat:Distribution',
      title: distribution.title ?? `${data.title} (${distribution.format})`,
      downloadURL: download ? distribution.url : undefined,
      accessURL: download ? undefined : distribution.url,
      mediaType,
      format: distribution.format,
    });
  });
}

export function podDataset(dataset: CatalogueDataset, context: OpenDataContext): Json {
  const { data } = dataset;
  const contact = contactOf(dataset);
  const keywords = keywordsOf(dataset);
  return compact({
    '@type': 'dcat:Dataset',
    title: data.title,
    description: data.summary,
    keyword: keywords.length > 0 ? keywords : [dataset.organisation.name],
    modified: data.modified ?? data.issued ?? (dataset.lastUpdated ? dayOf(dataset.lastUpdated) : dayOf(context.generated)),
    publisher: { '@type': 'org:Organization', name: dataset.organisation.name },
    contactPoint: compact({
      '@type': 'vcard:Contact',
      fn: contact?.name ?? dataset.organisation.name,
      hasEmail: contact?.email ? `mailto:${contact.email}` : undefined,
    }),
    identifier: context.pageUrl(dataset.id),
    accessLevel: 'public',
    license: context.licence(data.licence).url,
    spatial: data.coverage,
    issued: data.issued,
    accrualPeriodicity: data.update_frequency ? ACCRUAL_PERIODICITY[data.update_frequency] : undefined,
    landingPage: data.landing_url,
    theme: dataset.themes.map((theme) => theme.label),
    references: [context.pageUrl(dataset.id)],
    distribution: distributionsOf(dataset),
  });
}

export function dataJsonCatalogue(datasets: readonly CatalogueDataset[], context: OpenDataContext): Json {
  return {
    '@context': `${POD_SCHEMA}/catalog.jsonld`,
    '@id': context.fileUrl('api/v1/datasets/data.json'),
    '@type': 'dcat:Catalog',
    conformsTo: POD_SCHEMA,
    describedBy: `${POD_SCHEMA}/catalog.json`,
    dataset: [...datasets].sort(compareById).map((dataset) => podDataset(dataset, context)),
  };
}
