/**
 * How a service of the hub's service list is named in words (src/lib/reference-data.ts): “LGSL 524”
 * in the UK hub, whatever abbreviation another hub's configuration gives its list.
 */
import type { ReferenceData, ServiceScheme } from './reference-data.ts';

/** What naming a service needs: the list and what it is called. */
export type ServiceNames = Pick<ReferenceData, 'services' | 'serviceScheme'>;

/** How the schemas' field descriptions name the service list, which every hub configures for itself. */
export const UNNAMED_SERVICE_LIST = 'the hub’s service list (the file hub.config.yaml names under services)';

/** A field description with the hub's own service list named in it: “the Local Government Service List (data/reference/services.csv)”. */
export function namingServiceList(text: string, list: { name: string; file: string } | undefined): string {
  return list ? text.replaceAll(UNNAMED_SERVICE_LIST, `the ${list.name} (${list.file})`) : text;
}

/** “LGSL 524”; “service 524” for a hub without a service list (which no valid record names). */
export function serviceCode(scheme: ServiceScheme | undefined, id: number): string {
  return `${scheme?.abbreviation ?? 'service'} ${id}`;
}

/** The service's code and label, as overlap reasons name it: “LGSL 530 Household garden waste”. */
export function serviceCodeAndLabel(reference: ServiceNames, id: number): string {
  return `${serviceCode(reference.serviceScheme, id)} ${reference.services.get(id)?.label ?? ''}`.trim();
}

/** The service's label, or its code when the list does not have it. */
export function serviceLabelOf(reference: ServiceNames, id: number): string {
  return reference.services.get(id)?.label ?? serviceCode(reference.serviceScheme, id);
}
