/**
 * /contribute/templates/<collection><extension>: the skeleton of a record, with a note on every field, for
 * people who share without the guided form's JavaScript (src/lib/contribute/templates.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { RECORD_COLLECTIONS } from '../../../../schemas/collections.ts';
import { templateFile } from '../../../lib/contribute/templates.ts';
import { inThisShard } from '../../../hub/build-shard.ts';
import { loadHub } from '../../../hub/hub.ts';

export const getStaticPaths = (async () => {
  const { hubConfig } = await loadHub();
  return inThisShard(
    RECORD_COLLECTIONS.map((collection) => {
      const template = templateFile(collection.name, hubConfig.services);
      return { params: { file: template.file }, props: { text: template.text, extension: template.extension } };
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.text as string, {
    headers: { 'content-type': props.extension === '.md' ? 'text/markdown; charset=utf-8' : 'application/yaml; charset=utf-8' },
  });
