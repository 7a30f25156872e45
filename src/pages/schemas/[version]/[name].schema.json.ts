/**
 * /schemas/v<major>/<collection>.schema.json: the JSON Schema of each major version of the content model
 * (schemas/version.ts), at the address that is also its `$id`. The current major's are the documents of
 * /schemas/<collection>.schema.json; earlier majors' are served as they were published (schemas/json/v<major>/),
 * so that a file or an editor that names one keeps finding it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_MODEL_MAJOR } from '../../../../schemas/version.ts';
import { EARLIER_SCHEMA_FILES, SCHEMA_FILES, siteFileUrl } from '../../../hub/api-context.ts';
import { inThisShard } from '../../../hub/build-shard.ts';
import { publishedSchema } from '../../../lib/schema-version.ts';

const filesOf = (major: number) => (major === CONTENT_MODEL_MAJOR ? SCHEMA_FILES : EARLIER_SCHEMA_FILES.get(major)!);

export const getStaticPaths = (() =>
  inThisShard(
    [CONTENT_MODEL_MAJOR, ...[...EARLIER_SCHEMA_FILES.keys()].filter((major) => major < CONTENT_MODEL_MAJOR)].flatMap((major) =>
      [...filesOf(major).keys()].map((name) => ({ params: { version: `v${major}`, name } })),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const major = Number(params.version!.slice(1));
  const text = filesOf(major).get(params.name!)!;
  return new Response(publishedSchema(text, params.name!, siteFileUrl(site, import.meta.env.BASE_URL), major), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
};
