/**
 * /schemas/v<major>/<collection>.schema.json: the same documents as /schemas/<collection>.schema.json, at the
 * address that names the content model's major version (schemas/version.ts), which is also their `$id`. Only
 * the current major is built: a hub publishes the schemas of the model its files follow.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_MODEL_MAJOR } from '../../../../schemas/version.ts';
import { SCHEMA_FILES, siteFileUrl } from '../../../hub/api-context.ts';
import { inThisShard } from '../../../hub/build-shard.ts';
import { publishedSchema } from '../../../lib/schema-version.ts';

export const getStaticPaths = (() =>
  inThisShard([...SCHEMA_FILES.keys()].map((name) => ({ params: { version: `v${CONTENT_MODEL_MAJOR}`, name } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(publishedSchema(SCHEMA_FILES.get(params.name!)!, params.name!, siteFileUrl(site, import.meta.env.BASE_URL)), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
