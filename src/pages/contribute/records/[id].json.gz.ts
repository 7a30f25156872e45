/**
 * /contribute/records/<organisation>.json.gz: every record of an organisation, its validated fields and
 * its Markdown as written, for the record form's edit mode (/contribute/new/<collection>/?edit=<id>)
 * and the titles its preview shows for the records an answer links to, gzipped where it is stored
 * (src/lib/contribute/form-files.ts, RecordSourcesFile; the browser inflates it). Only for organisations
 * with records: the form asks for it only for a record that /contribute/organisations/<organisation>.json lists.
 *
 * { id, records: [{ id, path, data, body }] }, by id; `path` is the file in the repository
 * (content/roadmap/fenmoor/x.md).
 */
import { gzipSync } from 'node:zlib';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub, type HubRecord } from '../../../hub/hub.ts';
import { compareById } from '../../../lib/collation.ts';
import type { RecordSourcesFile } from '../../../lib/contribute/form-files.ts';
import { inThisShard } from '../../../hub/build-shard.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return inThisShard(
    [...hub.recordsByOrganisation]
      .filter(([, records]) => records.length > 0)
      .map(([id, records]) => ({ params: { id }, props: { records } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const file: RecordSourcesFile = {
    id: params.id!,
    records: (props.records as HubRecord[])
      .map((record) => ({
        id: record.id,
        path: `content/${record.collection}/${record.organisation}/${record.slug}${/\.(md|yaml)$/.exec(record.filePath)?.[0] ?? '.md'}`,
        data: record.data as Record<string, unknown>,
        body: record.body,
      }))
      .sort(compareById),
  };
  return new Response(new Uint8Array(gzipSync(JSON.stringify(file), { level: 9 })), { headers: { 'Content-Type': 'application/gzip' } });
};
