/**
 * CKAN packages (as `package_show` returns them, with or without the API's envelope) read into the
 * common SourceDataset. CKAN is what data.gov.uk and most council data portals run.
 */
import type { SourceDataset } from './dataset.ts';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a value looks like a CKAN package: a name, and resources or a licence or notes. */
export function isCkanPackage(value: unknown): value is Fields {
  return (
    isFields(value) &&
    typeof value.name === 'string' &&
    (Array.isArray(value.resources) || 'license_id' in value || 'notes' in value || 'num_resources' in value)
  );
}

/** CKAN's own bookkeeping, which has no meaning outside the portal: never reported. */
const BOOKKEEPING = new Set([
  'id',
  'revision_id',
  'creator_user_id',
  'owner_org',
  'num_resources',
  'num_tags',
  'isopen',
  'state',
  'type',
  'private',
  'relationships_as_object',
  'relationships_as_subject',
  'tracking_summary',
  'metadata_created',
  'metadata_modified',
  'license_title',
  'license_url',
  'organization',
  'ckan_url',
  'url',
  'name',
  'title',
  'notes',
  'license_id',
  'resources',
  'tags',
  'groups',
  'extras',
  'maintainer_email',
  'author_email',
  'frequency',
  'update_frequency',
  'issued',
  'modified',
]);

/** Extras as a map with lowercase keys. CKAN's API gives a list of {key, value}; some exports give an object. */
function extrasOf(value: unknown): Map<string, unknown> {
  const extras = new Map<string, unknown>();
  if (Array.isArray(value)) {
    for (const item of value) if (isFields(item) && typeof item.key === 'string') extras.set(item.key.toLowerCase(), item.value);
  } else if (isFields(value)) {
    for (const [key, item] of Object.entries(value)) extras.set(key.toLowerCase(), item);
  }
  return extras;
}

const EXTRAS_USED = {
  frequency: ['frequency', 'update_frequency', 'accrual_periodicity', 'accrualperiodicity'],
  issued: ['issued', 'date_released', 'release_date'],
  modified: ['modified', 'date_updated', 'last_updated'],
  landing: ['landing_page', 'landingpage'],
  spatial: ['spatial_text', 'geographic_coverage', 'spatial'],
  temporalStart: ['temporal_start', 'temporal_coverage-from', 'temporal_coverage_from'],
  temporalEnd: ['temporal_end', 'temporal_coverage-to', 'temporal_coverage_to'],
  themes: ['theme-primary', 'theme-secondary', 'theme', 'themes'],
  contact: ['contact_email', 'contact-email', 'contact_point_email'],
  conformsTo: ['conforms_to', 'conformsto'],
} as const;

function firstExtra(extras: Map<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = extras.get(key);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** Keyword names from CKAN tags or groups: [{name, display_name}] or plain strings. */
function names(value: unknown, key: 'name' | 'title'): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (isFields(item)) {
      const name = item[key] ?? item.display_name ?? item.name;
      return typeof name === 'string' ? [name] : [];
    }
    return [];
  });
}

/** Themes in an extra can be a plain word, a comma-separated list or a JSON list. */
function themeWords(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  if (value.trim().startsWith('[')) {
    try {
      return themeWords(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return value
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
}

/**
 * The dataset's page on the portal, from a resource address of the form
 * https://portal/dataset/<id>/resource/<id>/download/file.csv: https://portal/dataset/<name>.
 */
function portalPage(name: unknown, resources: Fields[]): string | undefined {
  if (typeof name !== 'string' || name === '') return undefined;
  for (const resource of resources) {
    if (typeof resource.url !== 'string') continue;
    const match = /^(https?:\/\/[^/?#]+(?:\/[^?#]*?)?)\/dataset\/[^/?#]+\/resource\//i.exec(resource.url);
    if (match) return `${match[1]}/dataset/${encodeURIComponent(name)}`;
  }
  return undefined;
}

export function ckanPackageToSource(pkg: Fields): SourceDataset {
  const extras = extrasOf(pkg.extras);
  const resources = Array.isArray(pkg.resources) ? pkg.resources.filter(isFields) : [];
  const usedExtras = new Set<string>(Object.values(EXTRAS_USED).flat());
  const spatialExtra = firstExtra(extras, EXTRAS_USED.spatial);
  const start = firstExtra(extras, EXTRAS_USED.temporalStart);
  const end = firstExtra(extras, EXTRAS_USED.temporalEnd);
  const organisation = isFields(pkg.organization) ? pkg.organization : undefined;
  const notMapped = Object.keys(pkg).filter(
    (key) =>
      !BOOKKEEPING.has(key) && pkg[key] !== null && pkg[key] !== '' && !(Array.isArray(pkg[key]) && (pkg[key] as unknown[]).length === 0),
  );
  for (const key of extras.keys()) if (!usedExtras.has(key)) notMapped.push(`extras.${key}`);
  const notPublic =
    pkg.private === true
      ? 'the package is private on the portal'
      : pkg.state === 'deleted'
        ? 'the package is deleted on the portal'
        : undefined;
  return {
    name: pkg.name,
    ...(typeof pkg.name === 'string' ? { identifier: pkg.name } : {}),
    title: pkg.title ?? pkg.name,
    description: pkg.notes,
    licence: { id: pkg.license_id, url: pkg.license_url, title: pkg.license_title },
    landing: [pkg.url, firstExtra(extras, EXTRAS_USED.landing), pkg.ckan_url],
    ...(portalPage(pkg.name, resources) ? { inferredLanding: portalPage(pkg.name, resources) } : {}),
    distributions: resources.map((resource) => ({
      urls: [resource.url, resource.download_url, resource.access_url],
      format: resource.format,
      mediaType: resource.mimetype ?? resource.mimetype_inner,
      title: resource.name ?? resource.description,
    })),
    frequency: firstExtra(extras, EXTRAS_USED.frequency) ?? pkg.frequency ?? pkg.update_frequency,
    // ckanext-dcat publishes a package's metadata dates as dct:issued and dct:modified when it has no others.
    issued: firstExtra(extras, EXTRAS_USED.issued) ?? pkg.issued ?? pkg.metadata_created,
    modified: firstExtra(extras, EXTRAS_USED.modified) ?? pkg.modified ?? pkg.metadata_modified,
    keywords: [
      ...names(pkg.tags, 'name'),
      ...names(pkg.groups, 'title'),
      ...EXTRAS_USED.themes.flatMap((key) => themeWords(extras.get(key))),
    ],
    contacts: [pkg.maintainer_email, pkg.author_email, firstExtra(extras, EXTRAS_USED.contact)],
    ...(spatialExtra !== undefined ? { spatial: spatialExtra } : {}),
    ...(start !== undefined || end !== undefined ? { temporal: { start, end } } : {}),
    publisher: organisation?.title ?? organisation?.name,
    ...(notPublic ? { notPublic } : {}),
    ...(firstExtra(extras, EXTRAS_USED.conformsTo) !== undefined ? { conformsTo: firstExtra(extras, EXTRAS_USED.conformsTo) } : {}),
    notMapped,
  };
}
