/**
 * A record's id, <collection>/<organisation>/<slug>, read by its shape alone: no schema is imported, so
 * that the form pages' scripts carry no zod. Whether the collection exists, and whether a field may name
 * it, is the validator's question (src/lib/validation/record-checks.ts, from schemas/collections.ts).
 */
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const RECORD_ID = new RegExp(`^(${SLUG})/(${SLUG})/(${SLUG})$`);

export interface RecordIdParts {
  collection: string;
  organisation: string;
  slug: string;
}

/** The parts of a record id, or undefined when the text does not have its shape. */
export function parseRecordId(id: string): RecordIdParts | undefined {
  const match = RECORD_ID.exec(id);
  return match ? { collection: match[1], organisation: match[2], slug: match[3] } : undefined;
}

/** Whether the text has a record id's shape. */
export function isRecordId(id: string): boolean {
  return RECORD_ID.test(id);
}
