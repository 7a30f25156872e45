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
import * as pagefind from '../pagefind/pagefind.js';

export * from '../pagefind/pagefind.js';

let wanted = false;
const instances = [];

export function createInstance(options) {
  const instance = pagefind.createInstance(options);
  const filters = instance.filters.bind(instance);
  instance.filters = async () => (wanted ? filters() : {});
  // The search page offers other pages when a search finds nothing: it hears how many each search found.
  const search = instance.search.bind(instance);
  instance.search = async (term, searchOptions) => {
    const found = await search(term, searchOptions);
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
