/**
 * scripts/lib/search-records.ts: what the search index holds for each record and organisation page,
 * built from the validated content. Search must offer six filters and show title, organisation,
 * collection and summary for every result, and never index raw HTML from a body.
 */
import { describe, expect, it } from 'vitest';
import { distinctWords, htmlToText, searchRecords, SEARCH_LANGUAGE } from '../../scripts/lib/search-records.ts';
import { loadReferenceData } from '../../src/lib/reference-data.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { ROOT } from '../helpers/content.ts';

const report = validateContent({ contentDir: `${ROOT}content`, today: '2026-11-26' });
const records = searchRecords(report.content, loadReferenceData());
const byUrl = new Map(records.map((record) => [record.url, record]));

describe('searchRecords', () => {
  it('has one record per record page and per organisation page, at the page’s address without the base path', () => {
    expect(records).toHaveLength(report.content.records.length + report.content.organisations.length);
    for (const record of report.content.records) expect(byUrl.has(`/${record.id}/`)).toBe(true);
    for (const organisation of report.content.organisations) expect(byUrl.has(`/organisations/${organisation.id}/`)).toBe(true);
    expect(new Set(records.map((record) => record.language))).toEqual(new Set([SEARCH_LANGUAGE]));
  });

  it('gives every record the six filters and what a result shows', () => {
    for (const record of records.filter((candidate) => !candidate.url.startsWith('/organisations/'))) {
      expect(Object.keys(record.filters).sort()).toEqual(['collection', 'licence', 'organisation', 'service', 'status', 'theme']);
      for (const name of ['title', 'organisation', 'collection', 'summary', 'kind']) expect(record.meta[name], `${record.url} ${name}`).toBeTruthy();
    }
  });

  it('describes a roadmap item as its page does', () => {
    const record = byUrl.get('/roadmap/kestrelford/garden-waste-online/')!;
    expect(record.meta).toMatchObject({ title: 'Garden waste subscriptions online', organisation: 'Kestrelford', collection: 'roadmap item', kind: 'Roadmap item from Kestrelford (demonstration)' });
    expect(record.filters.collection).toEqual(['Roadmap']);
    expect(record.filters.organisation).toEqual(['Kestrelford']);
    expect(record.filters.licence).toEqual(['Open Government Licence v3.0']);
    expect(record.filters.status).toEqual(['Live']);
    expect(record.filters.theme).toEqual(['Waste and recycling', 'Payments']);
    expect(record.filters.service).toEqual([]);
    expect(record.content).toContain('Garden waste subscriptions online');
    expect(record.content).toContain('Kestrelford');
  });

  it('indexes the text of the body, not its markup', () => {
    for (const record of records) expect(record.content, record.url).not.toMatch(/<[a-z/!]|\]\(|^#+ |\*\*/im);
  });

  it('describes an organisation', () => {
    const record = byUrl.get('/organisations/hartlepool/')!;
    expect(record.meta).toMatchObject({ title: 'Hartlepool', organisation: 'Hartlepool', collection: 'organisation' });
    expect(record.filters).toEqual({ collection: ['Organisations'], organisation: ['Hartlepool'] });
  });
});

describe('htmlToText', () => {
  it('drops tags and decodes the references renderMarkdown writes', () => {
    expect(htmlToText('<h2 id="section-a">Dŵr &#x26; tŷ</h2>\n<p>A <a href="https://x.example/">link</a> &#x3C;b> &amp; &#39;q&#39;&nbsp;end</p>')).toBe("Dŵr & tŷ A link <b> & 'q' end");
  });
});

describe('distinctWords', () => {
  it('keeps each word of a body once, in order, whatever its case or the punctuation around it', () => {
    expect(distinctWords('Bins, bins and BINS. Garden waste (garden) waste!')).toBe('Bins and Garden waste');
  });

  it('keeps Welsh and other letters, and numbers', () => {
    expect(distinctWords('Dŵr a thŷ, dŵr: 2026 and 2026.')).toBe('Dŵr a thŷ 2026 and');
  });

  it('leaves every word of a record’s body findable', () => {
    const lesson = report.content.records.find((record) => record.id === 'lessons/glanmor/machine-translation-not-enough')!;
    const indexed = byUrl.get(`/${lesson.id}/`)!.content.toLowerCase();
    for (const word of ['idioms', 'translators', 'welsh']) expect(indexed).toContain(word);
  });
});
