/**
 * /contribute/records/<collection>/<organisation>/<slug>.json: one record's fields and text, for the
 * contribution form's "edit" mode (/contribute/new/<collection>/?edit=<id>), which fills itself in from
 * here, and for its checks that a record it refers to exists. One small file per record, so that editing
 * a record fetches about a kilobyte, not a whole collection; record pages themselves stay free of script.
 *
 * { id, collection, organisation, slug, path, data, body }: `path` is the file in the repository
 * (content/roadmap/fenmoor/x.md), `data` the validated fields, `body` the Markdown as written ('' for YAML).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub, type HubRecord } from '../../../data/hub.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return hub.records.map((record) => ({ params: { id: record.id }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const record = props.record as HubRecord;
  const extension = /\.(md|yaml)$/.exec(record.filePath)?.[0] ?? '.md';
  return Response.json({
    id: record.id,
    collection: record.collection,
    organisation: record.organisation,
    slug: record.slug,
    path: `content/${record.collection}/${record.organisation}/${record.slug}${extension}`,
    data: record.data,
    body: record.body,
  });
};
