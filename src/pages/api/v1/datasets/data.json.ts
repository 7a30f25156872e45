/** /api/v1/datasets/data.json: every dataset as a Project Open Data v1.1 catalogue; see src/lib/open-data/data-json.ts. */
import type { APIRoute } from 'astro';
import { catalogueDatasets, openDataContext } from '../../../../hub/api-context.ts';
import { loadHub } from '../../../../hub/hub.ts';
import { dataJsonCatalogue } from '../../../../lib/open-data/data-json.ts';

export const GET: APIRoute = async ({ site }) => {
  const hub = await loadHub();
  const document = dataJsonCatalogue(catalogueDatasets(hub), openDataContext(hub, site, import.meta.env.BASE_URL));
  return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
