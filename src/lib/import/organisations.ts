/** Organisations named in other systems' metadata (usedBy, publisher), matched to the hub's by name. */
import type { OrganisationName } from './types.ts';

/** Whether two names are the same, ignoring letter case and the spaces around them. */
export function sameName(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The organisation on the hub with this name or official name (case-insensitive, exact), if any. */
export function organisationNamed(name: string, organisations: readonly OrganisationName[]): OrganisationName | undefined {
  return organisations.find((organisation) => sameName(name, organisation.name) || sameName(name, organisation.official_name));
}
