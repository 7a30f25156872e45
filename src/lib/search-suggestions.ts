/**
 * When a search finds nothing, the service and theme pages closest to the words typed: a reader who
 * types "rubish" or "allotment" still gets somewhere to go. Each page is known by its label and the words
 * people use for it (a service's former names and GOV.UK's description, a theme's description, and the
 * synonym concepts these mention), matched after stemming, with one or two letters' slip allowed.
 *
 * The build writes the pages to /search/suggestions.json (src/pages/search/suggestions.json.ts); the
 * search page fetches it only when a search comes back empty, and ranks them with closestPages.
 */
import type { Service } from '../../schemas/reference.ts';
import type { SynonymConcept, Theme } from '../../schemas/vocabulary.ts';
import { STOP_WORDS, words } from './overlaps/tokenise.ts';
import { editDistance } from './suggest.ts';
import { phraseStems, SynonymMatcher } from './synonyms.ts';

export interface SuggestedPage {
  kind: 'service' | 'theme';
  label: string;
  /** The page's address, base path included. */
  url: string;
  /** How many records the page lists. */
  records: number;
  /** What the page is known by, besides its label. */
  words: string;
}

export interface SuggestionSources {
  services: readonly { service: Service; records: number }[];
  themes: readonly { theme: Theme; records: number }[];
  synonyms: readonly SynonymConcept[];
  /** The page's address, from its kind and id. */
  url: (kind: SuggestedPage['kind'], id: string) => string;
}

export function suggestedPages(sources: SuggestionSources): SuggestedPage[] {
  const matcher = new SynonymMatcher(sources.synonyms);
  const known = (texts: string[]) => {
    const concepts = matcher.conceptsIn(...texts).flatMap((concept) => [concept.label, ...concept.phrases]);
    return [...new Set([...texts.slice(1), ...concepts])].join('; ');
  };
  return [
    ...sources.services.map(({ service, records }) => ({
      kind: 'service' as const,
      label: service.label,
      url: sources.url('service', String(service.id)),
      records,
      words: known([service.label, ...(service.formerNames ?? []), ...(service.govukDescription ? [service.govukDescription] : [])]),
    })),
    ...sources.themes.map(({ theme, records }) => ({
      kind: 'theme' as const,
      label: theme.label,
      url: sources.url('theme', theme.id),
      records,
      words: known([theme.label, theme.description]),
    })),
  ];
}

/** The words of a query or a page that count: stemmed, without common words. */
function meaningfulStems(text: string): string[] {
  const kept = words(text).filter((word) => !STOP_WORDS.has(word));
  return phraseStems(kept.join(' '));
}

/** Letters a word may be off by and still count as meant: none for short words, one from 4 letters, two from 8. */
function slipAllowed(stem: string): number {
  return stem.length >= 8 ? 2 : stem.length >= 4 ? 1 : 0;
}

/**
 * The pages closest to the words, best first: a word found exactly counts 1, a word within a slip of the
 * typing counts 0.6. Ties go to the page with more records. Pages that match no word are left out.
 */
export function closestPages(query: string, pages: readonly SuggestedPage[], max = 5): SuggestedPage[] {
  const wanted = [...new Set(meaningfulStems(query))];
  if (wanted.length === 0) return [];
  const scored: { page: SuggestedPage; score: number }[] = [];
  for (const page of pages) {
    const stems = new Set(meaningfulStems(`${page.label} ${page.words}`));
    let score = 0;
    for (const stem of wanted) {
      if (stems.has(stem)) score += 1;
      else if (
        slipAllowed(stem) > 0 &&
        [...stems].some((candidate) => editDistance(stem, candidate, slipAllowed(stem)) <= slipAllowed(stem))
      )
        score += 0.6;
    }
    if (score > 0) scored.push({ page, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || b.page.records - a.page.records || a.page.label.localeCompare(b.page.label, 'en-GB'))
    .slice(0, max)
    .map(({ page }) => page);
}
