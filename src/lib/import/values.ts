/**
 * Single values from other systems in the hub's forms: dates as YYYY-MM-DD, update frequencies in the
 * dataset schema's words, email addresses without mailto:, web addresses the schema accepts, file
 * formats and media types.
 */
import { UPDATE_FREQUENCIES } from '../../../schemas/dataset.ts';
import { emailAddress, webUrl } from '../../../schemas/fields.ts';
import { oneLine } from './text.ts';

export type Frequency = (typeof UPDATE_FREQUENCIES)[number];

/** A value or, when there is none the hub can take, why not. */
export type Mapped<T> = { value: T; note?: string } | { problem: string };

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date as YYYY-MM-DD. Takes ISO 8601 dates and date-times (the date as written, whatever the time
 * zone), UK-style day/month/year, and the dates in HTTP and RSS headers. A month or year alone is not a
 * date: it is reported, not guessed.
 */
export function normaliseDate(raw: unknown): Mapped<string> {
  if (typeof raw !== 'string' || raw.trim() === '') return { problem: `${JSON.stringify(raw)} is not a date` };
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) {
    const [year, month, day] = iso.slice(1).map(Number);
    return isRealDate(year, month, day) ? { value: `${iso[1]}-${iso[2]}-${iso[3]}` } : { problem: `"${text}" is not a real date` };
  }
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) {
    const [day, month, year] = uk.slice(1).map(Number);
    if (!isRealDate(year, month, day)) return { problem: `"${text}" is not a real date` };
    return { value: `${year}-${pad(month)}-${pad(day)}`, note: `"${text}" was read as day/month/year` };
  }
  if (/^\d{4}(?:-\d{2})?$/.test(text)) return { problem: `"${text}" gives only a ${text.length === 4 ? 'year' : 'month'}, not a day` };
  if (/[a-z]{3}/i.test(text)) {
    const parsed = Date.parse(text);
    if (!Number.isNaN(parsed)) {
      const date = new Date(parsed);
      return { value: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` };
    }
  }
  return { problem: `"${text}" is not a date the importer can read` };
}

/** ISO 8601 repeating intervals (Project Open Data's accrualPeriodicity) with a word in the schema. */
const ISO_FREQUENCIES: Record<string, Frequency> = {
  'R/PT1S': 'continuous',
  'R/P1D': 'daily',
  'R/P1W': 'weekly',
  'R/P7D': 'weekly',
  'R/P1M': 'monthly',
  'R/P3M': 'quarterly',
  'R/P6M': 'twice-a-year',
  'R/P1Y': 'annually',
  'R/P12M': 'annually',
};

/**
 * Words portals use (CKAN extras, data.gov.uk's update_frequency, the EU frequency vocabulary's codes,
 * Dublin Core's frequencies), lowercased with separators as spaces.
 */
const WORD_FREQUENCIES: Record<string, Frequency> = {
  continuous: 'continuous',
  'continuously updated': 'continuous',
  cont: 'continuous',
  'update cont': 'continuous',
  'real time': 'continuous',
  realtime: 'continuous',
  live: 'continuous',
  daily: 'daily',
  day: 'daily',
  weekly: 'weekly',
  week: 'weekly',
  monthly: 'monthly',
  month: 'monthly',
  quarterly: 'quarterly',
  quarter: 'quarterly',
  'twice a year': 'twice-a-year',
  'six monthly': 'twice-a-year',
  biannual: 'twice-a-year',
  biannually: 'twice-a-year',
  semiannual: 'twice-a-year',
  'semi annual': 'twice-a-year',
  'semi annually': 'twice-a-year',
  'annual 2': 'twice-a-year',
  annual: 'annually',
  annually: 'annually',
  yearly: 'annually',
  year: 'annually',
  irregular: 'irregular',
  irreg: 'irregular',
  irregularly: 'irregular',
  'ad hoc': 'irregular',
  adhoc: 'irregular',
  'as needed': 'irregular',
  'as required': 'irregular',
  never: 'never',
  'not updated': 'never',
  'one off': 'never',
  discontinued: 'never',
};

/** How often a dataset is updated, in the schema's words: only when the source's value means exactly that. */
export function normaliseFrequency(raw: unknown): Mapped<Frequency> {
  if (typeof raw !== 'string' || raw.trim() === '') return { problem: `${JSON.stringify(raw)} is not a frequency` };
  const text = raw.trim();
  const iso = ISO_FREQUENCIES[text.toUpperCase()];
  if (iso) return { value: iso };
  if (/^R\/PT\d/i.test(text)) return { value: 'continuous', note: `"${text}" (more often than daily) was written as continuous` };
  // An IRI from a vocabulary: its last part is the code (…/frequency/MONTHLY, …/freq/monthly).
  const code = /^https?:\/\//i.test(text)
    ? text
        .replace(/[/#]+$/, '')
        .split(/[/#]/)
        .at(-1)!
    : text;
  const words = code
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
  const word = WORD_FREQUENCIES[words];
  if (word) return { value: word };
  if (words === 'hourly') return { value: 'continuous', note: `"${text}" was written as continuous, the hub’s nearest word` };
  return { problem: `"${text}" is not one of the hub’s update frequencies (${UPDATE_FREQUENCIES.join(', ')})` };
}

/** An email address, without a leading mailto:, when it is one. */
export function normaliseEmail(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const address = raw
    .trim()
    .replace(/^mailto:/i, '')
    .trim();
  return emailAddress.safeParse(address).success ? address : undefined;
}

/** A web address the schema accepts (http or https, a real host name), or undefined. */
export function webAddress(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  return webUrl.safeParse(url).success ? url : undefined;
}

/** File formats as people name them, keyed by their lowercase form. */
const FORMAT_NAMES: Record<string, string> = Object.fromEntries(
  [
    'CSV',
    'TSV',
    'JSON',
    'GeoJSON',
    'JSON-LD',
    'XLSX',
    'XLS',
    'ODS',
    'PDF',
    'XML',
    'KML',
    'KMZ',
    'ZIP',
    'HTML',
    'API',
    'RDF',
    'TXT',
    'DOCX',
    'DOC',
    'ODT',
    'GeoPackage',
    'Shapefile',
    'WMS',
    'WFS',
    'Parquet',
    'SPARQL',
    'GML',
    'GPX',
    'ICS',
  ].map((name) => [name.toLowerCase(), name]),
);
Object.assign(FORMAT_NAMES, {
  gpkg: 'GeoPackage',
  shp: 'Shapefile',
  esri_shapefile: 'Shapefile',
  ical: 'ICS',
  htm: 'HTML',
  jsonld: 'JSON-LD',
  json_ld: 'JSON-LD',
  ttl: 'RDF',
  turtle: 'RDF',
  rdf_xml: 'RDF',
  'csv.zip': 'ZIP',
});

/** Media types and the formats they stand for. */
const MEDIA_FORMATS: Record<string, string> = {
  'text/csv': 'CSV',
  'text/tab-separated-values': 'TSV',
  'application/json': 'JSON',
  'application/geo+json': 'GeoJSON',
  'application/vnd.geo+json': 'GeoJSON',
  'application/ld+json': 'JSON-LD',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/pdf': 'PDF',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'application/vnd.google-earth.kml+xml': 'KML',
  'application/vnd.google-earth.kmz': 'KMZ',
  'application/zip': 'ZIP',
  'text/html': 'HTML',
  'application/rdf+xml': 'RDF',
  'text/turtle': 'RDF',
  'text/plain': 'TXT',
  'text/calendar': 'ICS',
  'application/geopackage+sqlite3': 'GeoPackage',
};

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

/** A media type in the schema's form (lowercase, no parameters), or undefined. Takes IANA IRIs too. */
export function normaliseMediaType(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let text = raw.trim().toLowerCase();
  const iana = /iana\.org\/assignments\/media-types\/(.+)$/.exec(text);
  if (iana) text = iana[1];
  text = text.split(';')[0].trim();
  return MEDIA_TYPE.test(text) ? text : undefined;
}

/**
 * A distribution's format, as people name it: from the format given (`csv`, `.CSV`, an EU file-type IRI,
 * or a media type written as a format), else from the media type, else from the address's file ending.
 */
export function normaliseFormat(format: unknown, mediaType: string | undefined, url: string | undefined): string | undefined {
  if (typeof format === 'string' && format.trim() !== '') {
    let text = format.trim();
    if (/^https?:\/\//i.test(text))
      text = text
        .replace(/[/#]+$/, '')
        .split(/[/#]/)
        .at(-1)!;
    const asMedia = text.includes('/') ? normaliseMediaType(text) : undefined;
    if (asMedia) {
      if (MEDIA_FORMATS[asMedia]) return MEDIA_FORMATS[asMedia];
    } else {
      text = text.replace(/^\./, '');
      const known = FORMAT_NAMES[text.toLowerCase()];
      if (known) return known;
      const line = oneLine(text);
      if (line.length <= 40) return /^[a-z0-9]{2,5}$/.test(line) ? line.toUpperCase() : line;
    }
  }
  if (mediaType && MEDIA_FORMATS[mediaType]) return MEDIA_FORMATS[mediaType];
  if (url) {
    let path: string;
    try {
      path = new URL(url).pathname.toLowerCase();
    } catch {
      return undefined;
    }
    const ending = /\.([a-z0-9]{2,8})$/.exec(path)?.[1];
    if (ending) return FORMAT_NAMES[ending];
  }
  return undefined;
}
