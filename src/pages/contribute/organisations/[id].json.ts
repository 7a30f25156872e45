/**
 * /contribute/organisations/<organisation>.json: the ids of an organisation's records, for the
 * contribution form, which asks before fetching a record (/contribute/records/<id>.json) whether it
 * exists: to check that records a new one refers to are on the hub, and that a new record's short name
 * is not taken. Every organisation has one, so the form never asks for a file that is not there.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub } from '../../../data/hub.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return [...hub.organisations.keys()].map((id) => ({
    params: { id },
    props: { records: (hub.recordsByOrganisation.get(id) ?? []).map((record) => record.id).sort() },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => Response.json({ id: params.id, records: props.records });
