/** /api/v1/reuse.json: every component with who uses it, and every adopted principle. */
import type { APIRoute } from 'astro';
import { apiContext } from '../../../hub/api-context.ts';
import { loadHub } from '../../../hub/hub.ts';
import { reuseDocument } from '../../../lib/api/collaboration-documents.ts';

export const GET: APIRoute = async ({ site }) => {
  const hub = await loadHub();
  const document = reuseDocument(hub.reuse, apiContext(hub, site, import.meta.env.BASE_URL));
  return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
