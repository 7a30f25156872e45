/**
 * /contribute/choices.json: the organisations and services that the record forms' finders offer
 * (src/lib/contribute/choices.ts), A to Z, fetched by each form page after it opens and then cached by
 * the browser across the five forms.
 */
import type { APIRoute } from 'astro';
import { loadHub } from '../../hub/hub.ts';
import { compareNames } from '../../lib/collation.ts';
import type { ChoicesFile } from '../../lib/contribute/choices.ts';

export const GET: APIRoute = async () => {
  const hub = await loadHub();
  const choices: ChoicesFile = {
    organisations: [...hub.organisations.values()]
      .sort((a, b) => compareNames(a.data.name, b.data.name))
      .map((organisation) =>
        organisation.demonstration ? [organisation.id, organisation.data.name, 1] : [organisation.id, organisation.data.name],
      ),
    services: [...hub.services.values()].sort((a, b) => compareNames(a.label, b.label)).map((service) => [service.id, service.label]),
  };
  return Response.json(choices);
};
