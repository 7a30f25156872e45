// Council Commons: Pagefind's own search bundle, as its bundled Component UI loads it, with two changes.
// First, the values of every filter (every organisation and service on a big hub, hundreds of kilobytes) are
// fetched only once someone opens "Filter results", not with the first search.
//
// The search page points the UI's bundle-path at this folder. The UI imports this module instead of
// pagefind/pagefind.js and calls createInstance, search and filters on what it returns, Pagefind's public
// API. Until loadFilters() is called, an instance's filters() answers with none, so the UI draws an
// empty filter pane; loadFilters() fetches them, and the next search (or clearing) brings their counts.
// Second, each search tells the page how many results it found (the event hub-search-results), so that a
// search that finds nothing can offer the closest service and theme pages.
// Third, the words the index leaves out ("the", "and": src/lib/search-stop-words.ts, which the page gives
// as the JSON of #search-stop-words) are left out of what is searched: Pagefind takes each word typed as the
// start of a word and wants every one matched, so "home to school" would otherwise need a word like "today".
// A search made only of such words is searched as typed (someone typing "the" may mean "theatre").
import * as pagefind from '../pagefind/pagefind.js';

export * from '../pagefind/pagefind.js';

const stopWords = new Set(JSON.parse(document.getElementById('search-stop-words')?.textContent || '[]'));

export function searchableTerm(term) {
  if (typeof term !== 'string') return term;
  const kept = term
    .split(/\s+/)
    .filter((word) => word && !stopWords.has(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLocaleLowerCase('en-GB')));
  return kept.length > 0 ? kept.join(' ') : term;
}

let wanted = false;
const instances = [];

export function createInstance(options) {
  const instance = pagefind.createInstance(options);
  const filters = instance.filters.bind(instance);
  instance.filters = async () => (wanted ? filters() : {});
  // The search page offers other pages when a search finds nothing: it hears how many each search found.
  const search = instance.search.bind(instance);
  const preload = instance.preload.bind(instance);
  const debouncedSearch = instance.debouncedSearch.bind(instance);
  instance.preload = (term, searchOptions) => preload(searchableTerm(term), searchOptions);
  instance.debouncedSearch = (term, searchOptions, wait) => debouncedSearch(searchableTerm(term), searchOptions, wait);
  instance.search = async (term, searchOptions) => {
    const found = await search(searchableTerm(term), searchOptions);
    document.dispatchEvent(new CustomEvent('hub-search-results', { detail: { term, count: found?.results?.length ?? 0 } }));
    return found;
  };
  instances.push({ filters });
  return instance;
}

export async function loadFilters() {
  wanted = true;
  await Promise.all(instances.map((instance) => instance.filters()));
}
