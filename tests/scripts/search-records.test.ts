/**
 * scripts/lib/search-records.ts: what the search index holds for each record and organisation page,
 * built from the validated content. Search must offer six filters and show title, organisation,
 * collection and summary for every result, find a record by the words people use for it (weighted below
 * its own), and never index raw HTML from a body. (tests/search/relevance.test.ts searches the result.)
 */
import { describe, expect, it } from 'vitest';
import {
  distinctWords,
  htmlToText,
  searchRecordHtml,
  searchRecords,
  SEARCH_WEIGHTS,
  wordSet,
  type SearchRecord,
} from '../../scripts/lib/search-records.ts';
import { organisationRegister } from '../../src/lib/organisation-register.ts';
import { loadReferenceData, UK_REFERENCE_FILES } from '../../src/lib/reference-data.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { ROOT } from '../helpers/content.ts';

const report = validateContent({ contentDir: `${ROOT}content`, today: '2026-11-26' });
const records = searchRecords(
  report.content,
  loadReferenceData(UK_REFERENCE_FILES),
  report.config!.defaultLicence,
  organisationRegister(report.config!.organisations),
);
const byUrl = new Map(records.map((record) => [record.url, record]));

describe('searchRecords', () => {
  it('has one record per record page and per organisation page, at the page’s address without the base path', () => {
    expect(records).toHaveLength(report.content.records.length + report.content.organisations.length);
    for (const record of report.content.records) expect(byUrl.has(`/${record.id}/`)).toBe(true);
    for (const organisation of report.content.organisations) expect(byUrl.has(`/organisations/${organisation.id}/`)).toBe(true);
  });

  it('gives every record the six filters and what a result shows', () => {
    for (const record of records.filter((candidate) => !candidate.url.startsWith('/organisations/'))) {
      expect(Object.keys(record.filters).sort()).toEqual(['collection', 'licence', 'organisation', 'service', 'status', 'theme']);
      for (const name of ['title', 'organisation', 'collection', 'summary', 'kind'])
        expect(record.meta[name], `${record.url} ${name}`).toBeTruthy();
    }
  });

  it('describes a roadmap item as its page does', () => {
    const record = byUrl.get('/roadmap/kestrelford/garden-waste-online/')!;
    expect(record.meta).toMatchObject({
      title: 'Garden waste subscriptions online',
      organisation: 'Kestrelford',
      collection: 'roadmap item',
      kind: 'Roadmap item from Kestrelford (demonstration)',
    });
    expect(record.filters.collection).toEqual(['Roadmap']);
    expect(record.filters.organisation).toEqual(['Kestrelford']);
    expect(record.filters.licence).toEqual(['Open Government Licence v3.0']);
    expect(record.filters.status).toEqual(['Live']);
    expect(record.filters.theme).toEqual(['Waste and recycling', 'Payments']);
    expect(record.filters.service).toEqual([]);
    expect(record.title).toBe('Garden waste subscriptions online');
    expect(record.ownWords).toContain('Kestrelford');
    expect(record.meta.status).toBe('Live');
  });

  it('adds the words people use for a record: services old and new names, GOV.UK’s words, themes and synonyms', () => {
    const lesson = byUrl.get('/lessons/kestrelford/garden-waste-auto-renewal/')!;
    const used = (record: SearchRecord) => record.usedWords.toLowerCase().split(' ');
    // Its service (LGSL 530, "Household garden waste"), whose former name was "Refuse - household waste - garden waste".
    expect(lesson.meta.services).toBe('Household garden waste');
    expect(used(lesson)).toEqual(expect.arrayContaining(['household', 'refuse']));
    // "brown bin" in a title brings in the garden waste concept, and with it the concept's other words.
    const roadmap = byUrl.get('/roadmap/sallowfield/brown-bin-renewals-without-the-phone-queue/')!;
    expect(used(roadmap)).toEqual(expect.arrayContaining(['garden', 'green', 'refuse']));
  });

  it('adds each of those words once, and none the record already has', () => {
    for (const record of records) {
      const used = record.usedWords ? record.usedWords.toLowerCase().split(' ') : [];
      expect(new Set(used).size, record.url).toBe(used.length);
      const own = wordSet(record.title, ...record.ownWords);
      for (const word of used) expect(own.has(word), `${record.url}: ${word}`).toBe(false);
    }
    // GOV.UK's description of LGSL 530 brings its words too, where the record lacks them.
    const description = loadReferenceData(UK_REFERENCE_FILES).services.get(530)!.govukDescription!;
    const lesson = byUrl.get('/lessons/kestrelford/garden-waste-auto-renewal/')!;
    const known = wordSet(lesson.title, ...lesson.ownWords, lesson.usedWords);
    for (const word of wordSet(description)) expect(known.has(word), word).toBe(true);
  });

  it('adds no synonyms a record does not mention', () => {
    const record = byUrl.get('/lessons/glanmor/machine-translation-not-enough/')!;
    expect(record.usedWords.toLowerCase().split(' ')).not.toContain('brown');
    expect(record.usedWords.toLowerCase().split(' ')).not.toContain('bus');
  });

  it('indexes the text of the body, not its markup', () => {
    for (const record of records) expect(record.ownWords.join(' '), record.url).not.toMatch(/<[a-z/!]|\]\(|^#+ |\*\*/im);
  });

  it('describes an organisation', () => {
    const record = byUrl.get('/organisations/hartlepool/')!;
    expect(record.meta).toMatchObject({ title: 'Hartlepool', organisation: 'Hartlepool', collection: 'organisation' });
    expect(record.filters).toEqual({ collection: ['Organisations'], organisation: ['Hartlepool'] });
  });
});

describe('htmlToText', () => {
  it('drops tags and decodes the references renderMarkdown writes', () => {
    expect(
      htmlToText(
        '<h2 id="section-a">Dŵr &#x26; tŷ</h2>\n<p>A <a href="https://x.example/">link</a> &#x3C;b> &amp; &#39;q&#39;&nbsp;end</p>',
      ),
    ).toBe("Dŵr & tŷ A link <b> & 'q' end");
  });
});

describe('distinctWords', () => {
  it('keeps each word of a body once, in order, whatever its case or the punctuation around it', () => {
    expect(distinctWords('Bins, bins and BINS. Garden waste (garden) waste!')).toBe('Bins and Garden waste');
  });

  it('leaves out words already known', () => {
    expect(distinctWords('Garden waste and refuse', new Set(['garden', 'and']))).toBe('waste refuse');
  });

  it('keeps Welsh and other letters, and numbers', () => {
    expect(distinctWords('Dŵr a thŷ, dŵr: 2026 and 2026.')).toBe('Dŵr a thŷ 2026 and');
  });

  it('leaves every word of a record’s body findable', () => {
    const lesson = report.content.records.find((record) => record.id === 'lessons/glanmor/machine-translation-not-enough')!;
    const indexed = byUrl.get(`/${lesson.id}/`)!.ownWords.join(' ').toLowerCase();
    for (const word of ['idioms', 'translators', 'welsh']) expect(indexed).toContain(word);
  });
});

describe('searchRecordHtml', () => {
  const record = {
    url: '/x/',
    title: 'Bins & <b>boxes</b>',
    ownWords: ['A "summary" of the lesson'],
    usedWords: 'refuse and rubbish',
    meta: { title: 'The bins', kind: 'Lesson from Kestrelford' },
    filters: { theme: ['Waste & recycling'] },
  };
  const html = searchRecordHtml(record);

  it('weighs the title above the text and the words people use below it', () => {
    expect(SEARCH_WEIGHTS.title).toBeGreaterThan(SEARCH_WEIGHTS.own);
    expect(SEARCH_WEIGHTS.used).toBeLessThan(SEARCH_WEIGHTS.own);
    expect(html).toContain(`<h1 data-pagefind-weight="${SEARCH_WEIGHTS.title}">Bins &amp; &lt;b&gt;boxes&lt;/b&gt;</h1>`);
    expect(html).toContain(`<p data-pagefind-weight="${SEARCH_WEIGHTS.own}">&quot;summary&quot; lesson</p>`);
    expect(html).toContain(`<p data-pagefind-weight="${SEARCH_WEIGHTS.used}">refuse rubbish</p>`);
  });

  it('indexes no stop words, while the metadata results show keeps them', () => {
    const [outside, body] = html.split('<main data-pagefind-body>');
    expect(body).not.toMatch(/\b(the|of|and|A)\b/);
    expect(outside).toContain('<p data-pagefind-meta="title">The bins</p>');
    expect(outside).toContain('<p data-pagefind-meta="kind">Lesson from Kestrelford</p>');
  });

  it('keeps metadata and filters outside the indexed body, escaped', () => {
    const [outside, body] = html.split('<main data-pagefind-body>');
    expect(outside).toContain('<p data-pagefind-meta="kind">Lesson from Kestrelford</p>');
    expect(outside).toContain('<p data-pagefind-filter="theme">Waste &amp; recycling</p>');
    expect(body).not.toContain('data-pagefind-meta');
    expect(body).not.toContain('data-pagefind-filter');
  });
});
