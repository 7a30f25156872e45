/** /api/v1/organisations-numbers.csv: numbers per organisation; see src/lib/open-data/organisation-numbers-csv.ts. */
import type { APIRoute } from 'astro';
import { openDataContext } from '../../../hub/api-context.ts';
import { loadHub } from '../../../hub/hub.ts';
import { loadOrganisationNumbers } from '../../../hub/organisation-numbers.ts';
import { organisationNumbersCsv } from '../../../lib/open-data/organisation-numbers-csv.ts';

export const GET: APIRoute = async ({ site }) => {
  const hub = await loadHub();
  const csv = organisationNumbersCsv((await loadOrganisationNumbers()).values(), openDataContext(hub, site, import.meta.env.BASE_URL));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
