/** A record id read by its shape (src/lib/record-id.ts), as the form pages' scripts read it without the schemas. */
import { describe, expect, it } from 'vitest';
import { RECORD_COLLECTION_NAMES } from '../../schemas/collections.ts';
import { isRecordId, parseRecordId } from '../../src/lib/record-id.ts';

describe('parseRecordId', () => {
  it('reads the collection, organisation and slug of every collection’s ids', () => {
    for (const collection of RECORD_COLLECTION_NAMES) {
      expect(parseRecordId(`${collection}/fenmoor/garden-waste-2`)).toEqual({
        collection,
        organisation: 'fenmoor',
        slug: 'garden-waste-2',
      });
      expect(isRecordId(`${collection}/fenmoor/garden-waste-2`)).toBe(true);
    }
  });

  it('reads a collection added later, which the validator, not the shape, decides on', () => {
    expect(parseRecordId('case-studies/fenmoor/x')).toEqual({ collection: 'case-studies', organisation: 'fenmoor', slug: 'x' });
  });

  it('refuses what is not an id’s shape', () => {
    for (const text of [
      'roadmap/fenmoor',
      'roadmap/Fenmoor/x',
      'roadmap/fenmoor/x/y',
      'roadmap/fenmoor/-x',
      'roadmap/fenmoor/x-',
      '',
      '/roadmap/a/b',
    ]) {
      expect(parseRecordId(text), text).toBeUndefined();
      expect(isRecordId(text), text).toBe(false);
    }
  });
});
