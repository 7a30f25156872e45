/**
 * What a dataset's distribution is, for catalogues: its IANA media type and its entry in the EU
 * Publications Office's file-type vocabulary, from the media type the record gives or, failing that,
 * from the format as people name it (CSV, GeoJSON…). A format not listed here is passed on as written,
 * with no media type: nothing is guessed beyond these common, unambiguous names.
 */
import type { Distribution } from '../../../schemas/dataset.ts';

interface KnownFormat {
  /** The code in http://publications.europa.eu/resource/authority/file-type/ */
  fileType: string;
  mediaType: string;
}

const KNOWN_FORMATS: Record<string, KnownFormat> = {
  CSV: { fileType: 'CSV', mediaType: 'text/csv' },
  TSV: { fileType: 'TSV', mediaType: 'text/tab-separated-values' },
  JSON: { fileType: 'JSON', mediaType: 'application/json' },
  GEOJSON: { fileType: 'GEOJSON', mediaType: 'application/geo+json' },
  JSONLD: { fileType: 'JSON_LD', mediaType: 'application/ld+json' },
  XLSX: { fileType: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  XLS: { fileType: 'XLS', mediaType: 'application/vnd.ms-excel' },
  ODS: { fileType: 'ODS', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  XML: { fileType: 'XML', mediaType: 'application/xml' },
  PDF: { fileType: 'PDF', mediaType: 'application/pdf' },
  HTML: { fileType: 'HTML', mediaType: 'text/html' },
  TXT: { fileType: 'TXT', mediaType: 'text/plain' },
  ZIP: { fileType: 'ZIP', mediaType: 'application/zip' },
  KML: { fileType: 'KML', mediaType: 'application/vnd.google-earth.kml+xml' },
  GPKG: { fileType: 'GPKG', mediaType: 'application/geopackage+sqlite3' },
  PARQUET: { fileType: 'PARQUET', mediaType: 'application/vnd.apache.parquet' },
};

const EU_FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';

function known(format: string): KnownFormat | undefined {
  return KNOWN_FORMATS[format.toUpperCase().replace(/[^A-Z0-9]/g, '')];
}

/** The distribution's media type: its own, else the one its format always has, else undefined. */
export function mediaTypeOf(distribution: Pick<Distribution, 'format' | 'media_type'>): string | undefined {
  return distribution.media_type ?? known(distribution.format)?.mediaType;
}

/** The media type as a URI in IANA's register, as DCAT-AP asks for dcat:mediaType. */
export function mediaTypeUri(mediaType: string): string {
  return `${IANA_MEDIA_TYPES}${mediaType}`;
}

/** The format in the EU file-type vocabulary, when it is one of the common formats listed above. */
export function fileTypeUri(format: string): string | undefined {
  const entry = known(format);
  return entry ? `${EU_FILE_TYPE}${entry.fileType}` : undefined;
}

/** Whether a distribution is a service to query (an API) rather than a file to download. */
export function isApi(distribution: Pick<Distribution, 'format'>): boolean {
  return /\bapi\b/i.test(distribution.format);
}
