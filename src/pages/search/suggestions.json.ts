/**
 * /search/suggestions.json: the service and theme pages a search that finds nothing can suggest
 * (src/lib/search-suggestions.ts). The search page fetches it only then, so a search that finds
 * something costs nothing more.
 */
import type { APIRoute } from 'astro';
import { loadHub } from '../../hub/hub.ts';
import { suggestedPages } from '../../lib/search-suggestions.ts';
import { withBase } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const hub = await loadHub();
  const base = import.meta.env.BASE_URL;
  const pages = suggestedPages({
    services: hub.servicesWithContent.map(({ service, records }) => ({ service, records: records.length })),
    themes: hub.themesWithContent.map(({ theme, records }) => ({ theme, records: records.length })),
    synonyms: hub.synonyms,
    url: (kind, id) => withBase(base, kind === 'service' ? `services/${id}/` : `themes/${id}/`),
  });
  return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
