/**
 * A data.json address as a harvest source. What it holds is read by the importer's own readCatalogue:
 * a catalogue (data.json v1.1's {"dataset": […]} or DCAT-AP JSON-LD), or one dataset on its own, as
 * Socrata publishes one at each dataset's address. Each dataset is mapped with mapDataset.
 *
 * harvested_from is the address itself for a single dataset, and, for each dataset of a catalogue, the
 * address with the dataset's identifier (or, without one, its slug) as the fragment: stable between
 * runs, and starting with the source's address, which is how the planner knows the source owns it.
 */
import { datasetSlug, type SourceDataset } from '../import/dataset.ts';
import { isDcatDataset, readCatalogue, type DcatKind } from '../import/dcat.ts';
import { parseJsonInput } from '../import/input.ts';
import { ImportInputError } from '../import/types.ts';
import { webAddress } from '../import/values.ts';
import { DatasetProposals } from './dataset-proposals.ts';
import { HarvestFetchError } from './http.ts';
import type { HarvestContext, HarvestSource, SourceResult } from './types.ts';

export interface DataJsonSource {
  /** The address of a DCAT data.json catalogue, or of one dataset's DCAT JSON. */
  url: string;
}

/** What a document holding one dataset reads as. */
const SINGLE: ReadonlySet<DcatKind> = new Set(['dcat-dataset', 'ckan-package-show', 'ckan-package']);

/** Longer identifiers are not kept in the address: the slug stands in (harvested_from holds 2,000 characters). */
const MAX_FRAGMENT = 500;

/** The address of one dataset of a catalogue: the catalogue's, with the dataset's identifier or slug as the fragment. */
export function catalogueDatasetAddress(url: string, source: SourceDataset): string {
  const address = new URL(url);
  const identifier = source.identifier?.trim();
  address.hash = identifier && identifier.length <= MAX_FRAGMENT ? identifier : datasetSlug(source);
  return address.href;
}

export async function harvestDataJson(source: DataJsonSource, context: HarvestContext): Promise<SourceResult> {
  const proposals = new DatasetProposals(context);
  const harvestSource: HarvestSource = { kind: 'data_json', url: source.url };
  if (!URL.canParse(source.url)) {
    return proposals.result(
      { source: harvestSource, label: source.url, address: source.url },
      `${JSON.stringify(source.url)} is not a web address: give the address of the data.json, e.g. https://data.example.gov.uk/data.json`,
    );
  }
  const named = new URL(source.url);
  named.hash = '';
  const url = named.href;
  const label = `${named.host}${named.pathname}${named.search} (DCAT)`;
  const result = (failure?: string) => proposals.result({ source: harvestSource, label, address: url }, failure);

  context.log(`${label}: reading ${url}`);
  let document: unknown;
  let read: ReturnType<typeof readCatalogue>;
  try {
    const fetched = await context.http.getText(url, {
      accept: 'application/json, application/ld+json;q=0.9, */*;q=0.1',
      maxBytes: context.limits.maxFileBytes,
    });
    document = parseJsonInput({ name: url, text: fetched.text });
    read = readCatalogue(document);
  } catch (error) {
    if (error instanceof HarvestFetchError) return result(error.message);
    if (error instanceof ImportInputError) return result(error.message.startsWith('it ') ? `${url}: ${error.message}` : error.message);
    throw error;
  }

  const single = SINGLE.has(read.kind) || isDcatDataset(document);
  const cap = context.limits.maxItemsPerOrganisation;
  const taken = read.sources.slice(0, cap);
  for (const dataset of taken) {
    const upstream = single ? url : catalogueDatasetAddress(url, dataset);
    const landing = dataset.landing.map(webAddress).find(Boolean);
    proposals.add({
      source: dataset,
      upstream,
      page: landing ?? url,
      origin:
        `the DCAT ${single ? 'dataset' : 'catalogue'} ` +
        `at ${url}${!single && dataset.identifier ? ` (dataset ${JSON.stringify(dataset.identifier)})` : ''}`,
      names: [
        upstream,
        datasetSlug(dataset),
        ...(dataset.identifier ? [dataset.identifier] : []),
        ...(landing ? [landing] : []),
        ...(typeof dataset.name === 'string' ? [dataset.name] : []),
      ],
    });
  }
  context.log(`${label}: read ${read.sources.length} dataset${read.sources.length === 1 ? '' : 's'}`);
  if (read.sources.length > cap) {
    return result(
      `only the first ${cap} of its ${read.sources.length} datasets were ` +
        `read: ${cap} is the most the harvest takes from one organisation in a run`,
    );
  }
  return result();
}
