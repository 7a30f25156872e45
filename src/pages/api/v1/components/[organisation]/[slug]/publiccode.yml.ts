/** /api/v1/components/<organisation>/<slug>/publiccode.yml for every code component; see src/lib/open-data/publiccode.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { isCodeComponent, publiccodeInput } from '../../../../../../hub/api-context.ts';
import { loadHub, type HubRecord } from '../../../../../../hub/hub.ts';
import { publiccodeYaml } from '../../../../../../lib/open-data/publiccode.ts';
import { inThisShard } from '../../../../../../hub/build-shard.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return inThisShard(
    hub.records
      .filter(isCodeComponent)
      .map((record) => ({ params: { organisation: record.organisation, slug: record.slug }, props: { record } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const hub = await loadHub();
  const record = (props as { record: Extract<HubRecord, { collection: 'components' }> }).record;
  return new Response(publiccodeYaml(publiccodeInput(hub, record, site, import.meta.env.BASE_URL)), {
    headers: { 'Content-Type': 'application/yaml; charset=utf-8' },
  });
};
