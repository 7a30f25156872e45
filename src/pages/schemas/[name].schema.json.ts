/**
 * /schemas/<collection>.schema.json: the JSON Schema (draft-07) of every record type, the same files as
 * schemas/json/ (which `npm run schemas` writes from the zod schemas and CI checks are up to date),
 * copied byte for byte.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SCHEMA_FILES } from '../../hub/api-context.ts';
import { inThisShard } from '../../hub/build-shard.ts';

export const getStaticPaths = (() => inThisShard([...SCHEMA_FILES.keys()].map((name) => ({ params: { name } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(SCHEMA_FILES.get(params.name!)!, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
