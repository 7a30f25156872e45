/**
 * The files the forms fetch about what the hub already has, two for each organisation:
 *
 * - /contribute/organisations/<id>.json (OrganisationFormFile), for every organisation: the body's own
 *   details and file, which the organisation form fills itself in from and changes, and the short names
 *   of its records, which both forms check references against (is there such a record? is this short
 *   name taken?). Some 25 bytes a record.
 * - /contribute/records/<id>.json.gz (RecordSourcesFile), for an organisation with records: every
 *   record's fields and text, which the record form reads only to edit one (?edit=<record id>) or to
 *   name the records a preview links to, gzipped where it is stored, as Pagefind stores its index.
 *   These hold the records again, so they are the part of /contribute/ that grows with the hub: stored
 *   gzipped, 25,000 records take some 8 MB here rather than 44 MB as JSON. GitHub Pages sends them as they are (application/gzip)
 *   and the browser inflates them (readJson); a server that sends them with Content-Encoding: gzip instead has them
 *   inflated by the browser before readJson sees them, and readJson reads them as they come.
 *
 * No imports, so that the forms' scripts carry no schema for it.
 */

/** /contribute/organisations/<id>.json. */
export interface OrganisationFormFile {
  id: string;
  organisation: {
    /** Its file in the repository: content/organisations/<id>.yaml. */
    path: string;
    name: string;
    /** The fields the organisation form edits (organisation-model.ts editableFields). */
    fields: Record<string, unknown>;
    /** Its file as written, so that the file the form proposes keeps every line it does not change. */
    text: string;
  };
  /** Its records' short names by collection, A to Z: { roadmap: ['school-admissions-online', …], … }. */
  records: Record<string, string[]>;
}

/** The ids of the records a form file lists: roadmap/<organisation>/<slug>, … */
export function recordIdsIn(file: Pick<OrganisationFormFile, 'id' | 'records'>): string[] {
  return Object.entries(file.records).flatMap(([collection, slugs]) => slugs.map((slug) => `${collection}/${file.id}/${slug}`));
}

/** A record as the record form's edit mode fills itself in from it. */
export interface StoredRecord {
  /** roadmap/fenmoor/school-transport */
  id: string;
  /** Its file in the repository: content/roadmap/fenmoor/school-transport.md. */
  path: string;
  /** The validated fields. */
  data: Record<string, unknown>;
  /** The Markdown as written ('' for YAML records). */
  body: string;
}

/** /contribute/records/<id>.json.gz, inflated. */
export interface RecordSourcesFile {
  id: string;
  /** By id. */
  records: StoredRecord[];
}

/** Where an organisation's form file is, under the site's base. */
export function organisationFormFile(organisation: string): string {
  return `contribute/organisations/${organisation}.json`;
}

/** Where an organisation's records' sources are, under the site's base. */
export function recordSourcesFile(organisation: string): string {
  return `contribute/records/${organisation}.json.gz`;
}

/** A response's JSON, inflated first if it is gzip (as a .json.gz file comes from GitHub Pages). */
export async function readJson<T>(response: Response): Promise<T> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(inflated).text()) as T;
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}
