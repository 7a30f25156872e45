/**
 * /contribute/organisations/<organisation>.json: an organisation's records, for the contribution form:
 * it checks here that records a new one refers to are on the hub and that a new record's short name is
 * not taken, and its "edit" mode (/contribute/new/<collection>/?edit=<id>) fills itself in from the
 * record's entry. Every organisation has one, so the form never asks for a file that is not there.
 *
 * One file per organisation, not per record: 25,000 record files added about 10 s to a build and 25,000
 * files to the site, while a body's records come to tens of kilobytes.
 *
 * { id, records: [{ id, collection, organisation, slug, path, data, body }] }: `path` is the file in the
 * repository (content/roadmap/fenmoor/x.md), `data` the validated fields, `body` the Markdown as written
 * ('' for YAML records).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub, type HubRecord } from '../../../data/hub.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return [...hub.organisations.keys()].map((id) => ({ params: { id }, props: { records: hub.recordsByOrganisation.get(id) ?? [] } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  Response.json({
    id: params.id,
    records: (props.records as HubRecord[])
      .map((record) => ({
        id: record.id,
        collection: record.collection,
        organisation: record.organisation,
        slug: record.slug,
        path: `content/${record.collection}/${record.organisation}/${record.slug}${/\.(md|yaml)$/.exec(record.filePath)?.[0] ?? '.md'}`,
        data: record.data,
        body: record.body,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  });
