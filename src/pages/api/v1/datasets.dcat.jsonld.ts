/** /api/v1/datasets.dcat.jsonld: every dataset as a DCAT-AP catalogue in JSON-LD; see src/lib/open-data/dcat.ts. */
import type { APIRoute } from 'astro';
import { catalogueDatasets, openDataContext } from '../../../hub/api-context.ts';
import { loadHub } from '../../../hub/hub.ts';
import { dcatCatalogue } from '../../../lib/open-data/dcat.ts';

export const GET: APIRoute = async ({ site }) => {
  const hub = await loadHub();
  const document = dcatCatalogue(catalogueDatasets(hub), openDataContext(hub, site, import.meta.env.BASE_URL));
  return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
};
