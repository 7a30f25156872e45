/**
 * Dataset metadata councils already publish, to dataset records:
 *
 * - a CKAN `package_show` response (`{"success": true, "result": {...}}`), a `package_search` response,
 *   or a bare CKAN package;
 * - a DCAT catalogue in Project Open Data's data.json (v1.1, `{"dataset": [...]}`), as data.gov.uk and
 *   many portals publish;
 * - DCAT-AP as JSON-LD (`dcat:dataset`, `@graph`, or expanded with full addresses), read by the local
 *   names of its properties, so `dct:title` and `http://purl.org/dc/terms/title` are both `title`;
 * - one DCAT dataset on its own (`{"@type": "dcat:Dataset", "title": …}`), as Socrata publishes one at
 *   each dataset's address.
 *
 * Pure: the script reads the file, and checks and writes the records.
 */
import { ckanPackageToSource, isCkanPackage } from './ckan.ts';
import { datasetSlug, mapDataset, type DatasetOptions, type SourceDataset } from './dataset.ts';
import { ImportInputError, info, type PlannedRecord } from './types.ts';

export type DcatKind =
  'ckan-package-show' | 'ckan-package-search' | 'ckan-package' | 'ckan-packages' | 'data.json' | 'dcat-ap' | 'dcat-dataset';

export interface DcatImport {
  kind: DcatKind;
  /** What the input is, in words, e.g. "a data.json catalogue of 3 datasets". */
  description: string;
  records: PlannedRecord[];
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const KIND_WORDS: Record<DcatKind, string> = {
  'ckan-package-show': 'a CKAN package_show response',
  'ckan-package-search': 'a CKAN package_search response',
  'ckan-package': 'a CKAN package',
  'ckan-packages': 'a list of CKAN packages',
  'data.json': 'a DCAT data.json catalogue',
  'dcat-ap': 'a DCAT-AP JSON-LD catalogue',
  'dcat-dataset': 'a DCAT dataset',
};

// ---------------------------------------------------------------------------------------------------
// JSON-LD: terms by local name, values by their plain form.

/** `dcat:landingPage`, `http://www.w3.org/ns/dcat#landingPage` and `landingPage` are all `landingPage`. */
function localName(key: string): string {
  return key.startsWith('@') ? key : key.replace(/^.*[:/#]/, '');
}

function looksLikeJsonLd(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => isFields(item) && ('@type' in item || '@id' in item));
  if (!isFields(value)) return false;
  return (
    '@graph' in value ||
    Object.keys(value).some((key) => /^(?:dcat|dct|dcterms):|^https?:\/\/(?:www\.w3\.org\/ns\/dcat#|purl\.org\/dc\/terms\/)/.test(key))
  );
}

/** The types of a node, by local name: ['Dataset']. */
function typesOf(node: Fields): string[] {
  const types = node['@type'];
  return (Array.isArray(types) ? types : [types]).filter((type): type is string => typeof type === 'string').map(localName);
}

/**
 * A JSON-LD node with its keys by local name and its values plain: `{"@value": x}` is x, a list of
 * language-tagged strings is the English one (else the first), and `{"@id": x}` is the node with that
 * id if the document has it, else x. Depth-limited, so a cycle of references ends.
 */
function plainNode(value: unknown, index: Map<string, Fields>, within: ReadonlySet<string> = new Set(), depth = 0): unknown {
  if (depth > 12) return undefined;
  if (Array.isArray(value)) {
    const tagged = value.filter((item) => isFields(item) && '@language' in item);
    if (tagged.length > 0 && tagged.length === value.length) {
      const english = tagged.find((item) => /^en\b/i.test(String((item as Fields)['@language'])));
      return plainNode(english ?? tagged[0], index, within, depth + 1);
    }
    const items = value.map((item) => plainNode(item, index, within, depth + 1));
    return items.length === 1 ? items[0] : items;
  }
  if (!isFields(value)) return value;
  if ('@value' in value) return value['@value'];
  if ('@list' in value) return plainNode(value['@list'], index, within, depth + 1);
  const id = typeof value['@id'] === 'string' ? value['@id'] : undefined;
  const keys = Object.keys(value).filter((key) => key !== '@id');
  if (id && keys.length === 0) {
    // A reference: the node it names, unless that is a node being read already (a dataset whose
    // landing page is its own address), in which case the address itself.
    const target = index.get(id);
    return target && !within.has(id) ? plainNode(target, index, within, depth + 1) : id;
  }
  const inside = id ? new Set([...within, id]) : within;
  const node: Fields = {};
  for (const [key, item] of Object.entries(value)) {
    const name = localName(key);
    if (name in node) continue;
    node[name] = key === '@type' ? item : plainNode(item, index, inside, depth + 1);
  }
  return node;
}

function jsonLdDatasets(document: unknown): Fields[] {
  const graph: unknown[] = Array.isArray(document)
    ? document
    : isFields(document) && Array.isArray(document['@graph'])
      ? document['@graph']
      : [document];
  const index = new Map<string, Fields>();
  for (const node of graph) if (isFields(node) && typeof node['@id'] === 'string') index.set(node['@id'], node);
  const datasets: Fields[] = [];
  const seen = new Set<unknown>();
  const add = (node: unknown) => {
    const resolved = isFields(node) && typeof node['@id'] === 'string' && Object.keys(node).length === 1 ? index.get(node['@id']) : node;
    if (!isFields(resolved) || seen.has(resolved)) return;
    seen.add(resolved);
    datasets.push(plainNode(resolved, index) as Fields);
  };
  for (const node of graph) {
    if (!isFields(node)) continue;
    if (typesOf(node).includes('Dataset')) add(node);
    for (const [key, value] of Object.entries(node)) {
      if (localName(key) === 'dataset') for (const item of Array.isArray(value) ? value : [value]) add(item);
    }
  }
  return datasets;
}

// ---------------------------------------------------------------------------------------------------
// data.json (and DCAT-AP once its keys are local names).

const DATA_JSON_USED = new Set([
  '@type',
  '@id',
  '@context',
  'identifier',
  'title',
  'description',
  'license',
  'rights',
  'landingPage',
  'distribution',
  'accrualPeriodicity',
  'issued',
  'modified',
  'keyword',
  'theme',
  'contactPoint',
  'spatial',
  'temporal',
  'publisher',
  'accessLevel',
  'conformsTo',
  'bureauCode',
  'programCode',
]);

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Keywords: a list, or (as some portals write them) one comma-separated string. */
function keywordsOf(value: unknown): string[] {
  return list(value)
    .flatMap((item) => {
      if (typeof item === 'string') return item.includes(',') ? item.split(',').map((word) => word.trim()) : [item];
      if (isFields(item)) {
        const label = item.prefLabel ?? item.label ?? item.title;
        if (typeof label === 'string') return [label];
        if (typeof item['@id'] === 'string') return [localName(item['@id'])];
      }
      return [];
    })
    .filter(Boolean);
}

/** Theme IRIs such as …/data-theme/ENVI are kept by their last part. */
function themeWords(value: unknown): string[] {
  return keywordsOf(value).map((word) => (/^https?:\/\//.test(word) ? word.replace(/\/+$/, '').split(/[/#]/).at(-1)! : word));
}

function licenceOf(value: unknown): { id?: unknown; url?: unknown } {
  const licence = first(value);
  if (isFields(licence)) return { url: licence['@id'] ?? licence.url, id: licence.title ?? licence.label ?? licence.identifier };
  return typeof licence === 'string' && /^https?:\/\//i.test(licence.trim()) ? { url: licence } : { id: licence };
}

function temporalOf(value: unknown): SourceDataset['temporal'] | undefined {
  const temporal = first(value);
  if (typeof temporal === 'string') return temporal;
  if (isFields(temporal))
    return {
      start: temporal.startDate ?? temporal.start ?? temporal.hasBeginning,
      end: temporal.endDate ?? temporal.end ?? temporal.hasEnd,
    };
  return undefined;
}

export function dataJsonToSource(dataset: Fields, licenceFallback?: unknown): SourceDataset {
  const contactPoint = first(dataset.contactPoint);
  const publisher = first(dataset.publisher);
  const distributions = list(dataset.distribution).filter(isFields);
  const id = first(dataset.identifier) ?? dataset['@id'];
  const identifier = typeof id === 'string' ? id : undefined;
  const access = typeof dataset.accessLevel === 'string' ? dataset.accessLevel.trim().toLowerCase() : undefined;
  // DCAT-AP often puts the licence on each distribution; when they all agree, it is the dataset's.
  const distributionLicences = [...new Set(distributions.map((distribution) => JSON.stringify(licenceOf(distribution.license))))];
  const licence =
    dataset.license !== undefined
      ? licenceOf(dataset.license)
      : distributionLicences.length === 1 && distributions[0].license !== undefined
        ? licenceOf(distributions[0].license)
        : licenceFallback !== undefined
          ? licenceOf(licenceFallback)
          : {};
  const temporal = temporalOf(dataset.temporal);
  return {
    ...(identifier ? { identifier } : {}),
    title: first(dataset.title),
    description: first(dataset.description),
    licence,
    landing: list(dataset.landingPage).map((page) => (isFields(page) ? (page['@id'] ?? page.url) : page)),
    distributions: distributions.map((distribution) => ({
      urls: [first(distribution.downloadURL), first(distribution.accessURL)].map((url) => (isFields(url) ? url['@id'] : url)),
      format: first(distribution.format),
      mediaType: first(distribution.mediaType),
      title: first(distribution.title),
    })),
    frequency: first(dataset.accrualPeriodicity),
    issued: first(dataset.issued),
    modified: first(dataset.modified),
    keywords: [...keywordsOf(dataset.keyword), ...themeWords(dataset.theme)],
    contacts: isFields(contactPoint) ? list(contactPoint.hasEmail).map((email) => (isFields(email) ? email['@id'] : email)) : [],
    ...(dataset.spatial !== undefined ? { spatial: first(dataset.spatial) } : {}),
    ...(temporal !== undefined ? { temporal } : {}),
    publisher: isFields(publisher) ? (publisher.name ?? publisher.title ?? publisher.prefLabel) : publisher,
    ...(access === 'non-public' ? { notPublic: 'its accessLevel is "non-public"' } : {}),
    ...(dataset.conformsTo !== undefined
      ? { conformsTo: isFields(first(dataset.conformsTo)) ? (first(dataset.conformsTo) as Fields)['@id'] : first(dataset.conformsTo) }
      : {}),
    notMapped: Object.keys(dataset).filter((key) => !DATA_JSON_USED.has(key)),
  };
}

// ---------------------------------------------------------------------------------------------------

const NOT_RECOGNISED =
  'it is not a CKAN package_show response ({"success": true, "result": {…}}), a CKAN package (with "name" and ' +
  '"resources"), a DCAT data.json catalogue ({"dataset": […]}) or one DCAT dataset ({"title": …, "distribution": […]})';

/**
 * One dataset on its own, as Socrata publishes one at each dataset's address and data.json v1.1 writes
 * each entry of its "dataset" list: typed dcat:Dataset, or untyped but with a title and something only
 * a dataset has. Checked after the CKAN and catalogue shapes, which it would otherwise also match.
 */
export function isDcatDataset(value: unknown): value is Fields {
  if (!isFields(value) || Array.isArray(value.dataset)) return false;
  if (typesOf(value).includes('Dataset')) return true;
  return typeof first(value.title) === 'string' && ('distribution' in value || 'landingPage' in value || 'identifier' in value);
}

/** What the document is, and its datasets as sources. Throws ImportInputError when it is none of them. */
export function readCatalogue(document: unknown): { kind: DcatKind; sources: SourceDataset[] } {
  if (isFields(document) && 'success' in document && ('result' in document || 'error' in document)) {
    if (document.success !== true) {
      const error = isFields(document.error) ? (document.error.message ?? document.error.__type) : document.error;
      throw new ImportInputError(
        'it is a CKAN API response saying the request ' +
          `failed${typeof error === 'string' ? ` ("${error}")` : ''}: download the package again`,
      );
    }
    const result = document.result;
    if (isCkanPackage(result)) return { kind: 'ckan-package-show', sources: [ckanPackageToSource(result)] };
    if (isFields(result) && Array.isArray(result.results))
      return { kind: 'ckan-package-search', sources: result.results.filter(isCkanPackage).map(ckanPackageToSource) };
    if (Array.isArray(result) && result.some(isCkanPackage))
      return { kind: 'ckan-packages', sources: result.filter(isCkanPackage).map(ckanPackageToSource) };
    throw new ImportInputError(
      'it is a CKAN API response, but its result is not a package: use the output of package_show (or package_search)',
    );
  }
  if (looksLikeJsonLd(document)) {
    const datasets = jsonLdDatasets(document);
    if (datasets.length === 0) {
      throw new ImportInputError(
        'it looks like JSON-LD, but holds no dcat:Dataset the importer can find. Only ' +
          'DCAT-AP in compact or expanded JSON-LD is supported; RDF/XML and Turtle are not',
      );
    }
    return { kind: 'dcat-ap', sources: datasets.map((dataset) => dataJsonToSource(dataset)) };
  }
  if (isFields(document) && Array.isArray(document.dataset)) {
    return { kind: 'data.json', sources: document.dataset.filter(isFields).map((dataset) => dataJsonToSource(dataset)) };
  }
  if (isCkanPackage(document)) return { kind: 'ckan-package', sources: [ckanPackageToSource(document)] };
  if (Array.isArray(document) && document.length > 0 && document.every(isCkanPackage))
    return { kind: 'ckan-packages', sources: document.map(ckanPackageToSource) };
  if (isDcatDataset(document)) return { kind: 'dcat-dataset', sources: [dataJsonToSource(document)] };
  throw new ImportInputError(NOT_RECOGNISED);
}

export interface DcatOptions extends DatasetOptions {
  /** The slug, for an input with exactly one dataset. */
  slug?: string;
}

/** Every dataset in a CKAN or DCAT document as a dataset record, with unique slugs. */
export function mapDcat(document: unknown, options: DcatOptions): DcatImport {
  const { kind, sources } = readCatalogue(document);
  if (sources.length === 0) throw new ImportInputError(`it is ${KIND_WORDS[kind]}, but it holds no datasets`);
  if (options.slug !== undefined && sources.length > 1)
    throw new ImportInputError(`--slug names one record, but the input holds ${sources.length} datasets: leave --slug out`);
  const taken = new Set<string>();
  const records = sources.map((source) => {
    const wanted = options.slug ?? datasetSlug(source);
    let slug = wanted;
    for (let count = 2; taken.has(slug); count++) slug = `${wanted.slice(0, 75).replace(/-+$/, '')}-${count}`;
    taken.add(slug);
    const origin = `${KIND_WORDS[kind]}${source.identifier ? ` (dataset ${JSON.stringify(source.identifier)})` : ''}`;
    const record = mapDataset(source, slug, origin, options);
    if (slug !== wanted)
      record.notes.push(
        info(`Another dataset in the input also makes the slug ${wanted}, so this one is ${slug}: rename the file if you want another.`),
      );
    return record;
  });
  const description = sources.length === 1 ? KIND_WORDS[kind] : `${KIND_WORDS[kind]} of ${sources.length} datasets`;
  return { kind, description, records };
}
