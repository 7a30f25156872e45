/** What every /api/v1 document needs from the loaded hub: absolute page addresses, names, titles, the licence and the build time. */
import type { DocumentContext } from '../lib/api/collaboration-documents.ts';
import { withBase } from '../lib/urls.ts';
import type { Hub } from './hub.ts';

const generated = new Date().toISOString();

export function apiContext(hub: Hub, site: URL | undefined, base: string): DocumentContext {
  const { id, name, url } = hub.defaultLicence;
  return {
    pageUrl: (path) => new URL(withBase(base, `${path}/`), site ?? 'http://localhost:4321').href,
    organisationName: (organisation) => hub.organisations.get(organisation)?.data.name ?? organisation,
    title: (record) => hub.recordsById.get(record)?.data.title ?? record,
    licence: { id, name, url },
    generated,
  };
}
