/**
 * /schemas/<collection>.schema.json: the JSON Schema (draft-07) of every record type, the current version
 * of the content model. The same files as schemas/json/ (which `npm run schemas` writes from the zod
 * schemas and CI checks are up to date), but for `$id`, which is made absolute here (src/lib/schema-version.ts).
 * The same document is at /schemas/v<major>/<collection>.schema.json.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SCHEMA_FILES, siteFileUrl } from '../../hub/api-context.ts';
import { inThisShard } from '../../hub/build-shard.ts';
import { publishedSchema } from '../../lib/schema-version.ts';

export const getStaticPaths = (() => inThisShard([...SCHEMA_FILES.keys()].map((name) => ({ params: { name } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(publishedSchema(SCHEMA_FILES.get(params.name!)!, params.name!, siteFileUrl(site, import.meta.env.BASE_URL)), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
