/** The lookups record-fields.ts needs, over the loaded hub and the site's base path. */
import type { FieldLookups } from '../lib/record-fields.ts';
import { nationLabel, organisationTypeLabel } from '../lib/organisation-register.ts';
import { withBase } from '../lib/urls.ts';
import type { Hub } from './hub.ts';

export function fieldLookups(hub: Hub, base: string): FieldLookups {
  return {
    page: (path) => withBase(base, path),
    organisationName: (id) => hub.organisations.get(id)?.data.name,
    serviceLabel: (id) => hub.services.get(id)?.label,
    serviceCode: hub.serviceCode,
    themeLabel: (id) => hub.themes.get(id)?.label,
    licence: (id) => hub.licences.get(id),
    recordTitle: (id) => hub.recordsById.get(id)?.data.title,
    organisationTypeLabel: (id) => organisationTypeLabel(hub.register, id),
    nationLabel: (id) => nationLabel(hub.register, id),
    ...(hub.register.code ? { codeName: hub.register.code.name } : {}),
  };
}
