/**
 * /contribute/organisation/reference.json: what the organisation form checks answers against, fetched
 * once when someone checks their answers (and then cached by the browser across bodies' pages): every
 * organisation id with whether it is a demonstration body (components used must not cross between real
 * and demonstration bodies), the Local Government Service List's ids (systems' services) and the theme
 * ids (systems' service areas). Ids only: the pages carry the labels they show, and the form's messages
 * name only what was typed. About 10 KB, where the service list with its labels in each of some 400
 * pages would add 30 MB to the site.
 */
import type { APIRoute } from 'astro';
import { loadHub } from '../../../hub/hub.ts';
import type { OrganisationFormReference } from '../../../lib/contribute/organisation-check.ts';

export const GET: APIRoute = async () => {
  const hub = await loadHub();
  const reference: OrganisationFormReference = {
    organisations: Object.fromEntries([...hub.organisations.values()].map((organisation) => [organisation.id, organisation.demonstration])),
    services: [...hub.services.keys()].sort((a, b) => a - b),
    ...(hub.serviceScheme ? { serviceList: hub.serviceScheme } : {}),
    themes: [...hub.themes.keys()].sort(),
  };
  return Response.json(reference);
};
