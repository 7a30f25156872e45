import { describe, expect, it } from 'vitest';
import { entryId } from '../../src/lib/feeds/entries.ts';
import { compareIds, idsInCsv, idsInFeed, idsInJson } from '../../src/lib/integrity.ts';

describe('compareIds', () => {
  it('accepts each expected id exactly once, in any order', () => {
    expect(compareIds(['a', 'b'], { where: 'x.json', ids: ['b', 'a'] })).toEqual([]);
  });

  it('names what is missing, repeated or unknown', () => {
    expect(compareIds(['a', 'b', 'c'], { where: 'x.json', ids: ['a', 'a', 'z'] })).toEqual([
      'x.json lacks 2 record(s): b, c',
      'x.json holds 1 record(s) more than once: a',
      'x.json holds 1 id(s) that are not valid records: z',
    ]);
    const many = Array.from({ length: 8 }, (_, index) => `r${index}`);
    expect(compareIds(many, { where: 'y.csv', ids: [] })).toEqual(['y.csv lacks 8 record(s): r0, r1, r2, r3, r4 and 3 more']);
  });
});

describe('reading ids from outputs', () => {
  it('reads the records of a JSON document, and refuses one without a list', () => {
    expect(idsInJson('{"count":2,"records":[{"id":"roadmap/a/x"},{"id":"roadmap/b/y"}]}')).toEqual(['roadmap/a/x', 'roadmap/b/y']);
    expect(() => idsInJson('{"count":0}')).toThrow(/records/);
  });

  it('reads the id column of a CSV, with quoted fields and line breaks inside them', () => {
    expect(idsInCsv('title,id\r\n"A, with comma",roadmap/a/x\r\n"Two\r\nlines",roadmap/b/y\r\n')).toEqual(['roadmap/a/x', 'roadmap/b/y']);
    expect(() => idsInCsv('title\r\nA\r\n')).toThrow(/id/);
  });

  it('reads the record ids of a feed’s entries, but not the feed’s own id', () => {
    const xml =
      `<feed><id>https://hub.example/feeds/all.xml</id><entry><id>${entryId('roadmap/a/x')}</id><title>A</title></entry>` +
      `<entry xml:lang="en"><title>B</title><id>${entryId('lessons/b/y')}</id></entry></feed>`;
    expect(idsInFeed(xml)).toEqual(['roadmap/a/x', 'lessons/b/y']);
    expect(idsInFeed('<feed><id>x</id></feed>')).toEqual([]);
  });
});
