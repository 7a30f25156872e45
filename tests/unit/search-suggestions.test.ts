/**
 * src/lib/search-suggestions.ts: the service and theme pages offered when a search finds nothing, from
 * the real service list, the demonstration themes and the hub's synonym vocabulary.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServices } from '../../src/lib/reference-data.ts';
import { closestPages, suggestedPages } from '../../src/lib/search-suggestions.ts';
import { readSynonyms } from '../../src/lib/validation/synonyms.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { ROOT } from '../helpers/content.ts';

const services = loadServices();
const content = validateContent({ contentDir: join(ROOT, 'content'), today: '2026-11-26' }).content;
const synonyms = readSynonyms({
  absolute: join(ROOT, 'content/vocabularies/synonyms.yaml'),
  file: 'content/vocabularies/synonyms.yaml',
}).synonyms;
const pages = suggestedPages({
  services: [
    { service: services.get(524)!, records: 7 },
    { service: services.get(530)!, records: 5 },
    { service: services.get(141)!, records: 4 },
    { service: services.get(279)!, records: 3 },
  ],
  themes: content.themes.map((theme, index) => ({ theme, records: index + 1 })),
  synonyms,
  url: (kind, id) => `/council-commons/${kind === 'service' ? 'services' : 'themes'}/${id}/`,
});
const labels = (query: string) => closestPages(query, pages).map((page) => page.label);

describe('suggestedPages', () => {
  it('knows a service by its former names, GOV.UK’s words and the synonyms they mention', () => {
    const garden = pages.find((page) => page.url === '/council-commons/services/530/')!;
    expect(garden).toMatchObject({ kind: 'service', label: 'Household garden waste', records: 5 });
    expect(garden.words).toContain('Refuse - household waste - garden waste');
    expect(garden.words).toContain('brown bin');
  });

  it('knows a theme by its description', () => {
    const theme = pages.find((page) => page.url === '/council-commons/themes/waste-and-recycling/')!;
    expect(theme.words).toContain(content.themes.find((candidate) => candidate.id === 'waste-and-recycling')!.description);
  });
});

describe('closestPages', () => {
  it('finds pages by words their labels do not have', () => {
    expect(labels('brown bin')[0]).toBe('Household garden waste');
    expect(labels('disabled parking')).toContain(services.get(279)!.label);
  });

  it('forgives a slip of the keyboard in longer words, not in short ones', () => {
    expect(labels('gardne waste')).toContain('Household garden waste');
    expect(labels('housign repairs')).toContain(services.get(141)!.label);
    expect(labels('bim')).toEqual([]);
  });

  it('ranks pages matching more words first, then those with more records', () => {
    const found = closestPages('garden waste', pages);
    expect(found[0].label).toBe('Household garden waste');
    const waste = closestPages('waste', pages).filter((page) => page.kind === 'service');
    expect(waste.map((page) => page.records)).toEqual([...waste.map((page) => page.records)].sort((a, b) => b - a));
  });

  it('offers nothing for words no page has, or only common words, and at most five', () => {
    expect(labels('zzzz qqqq')).toEqual([]);
    expect(labels('the and of')).toEqual([]);
    expect(closestPages('services council waste housing parking', pages).length).toBeLessThanOrEqual(5);
  });
});
