/** /api/v1/overlaps.json: every pair of overlapping roadmap items, with score and reasons. */
import type { APIRoute } from 'astro';
import { apiContext } from '../../../hub/api-context.ts';
import { loadHub } from '../../../hub/hub.ts';
import { overlapsDocument } from '../../../lib/api/collaboration-documents.ts';

export const GET: APIRoute = async ({ site }) => {
  const hub = await loadHub();
  const document = overlapsDocument(hub.overlaps.pairs, apiContext(hub, site, import.meta.env.BASE_URL));
  return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
