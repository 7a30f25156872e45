/**
 * The words of the organisation register, from the hub's configuration (organisations in hub.config.yaml,
 * schemas/hub-config.ts): the types of body in order, the nations, and the official code registered types
 * carry. Pure, so that the validator, the pages and the scripts each pass in the configuration they read.
 */
import type { NationConfig, OrganisationCodeConfig, OrganisationsConfig, OrganisationTypeConfig } from '../../schemas/hub-config.ts';
import { codeInWords } from './labels.ts';

export interface OrganisationRegister {
  /** The types by id, in the configuration's order (the order filters and counts show them). */
  types: ReadonlyMap<string, OrganisationTypeConfig>;
  /** The nations by id, in the configuration's order. */
  nations: ReadonlyMap<string, NationConfig>;
  /** What the numbers page calls bodies without a nation. */
  everywhere: string;
  /** The official code, with its pattern compiled; absent for a hub whose country has none. */
  code?: OrganisationCodeConfig & { regex: RegExp };
}

/**
 * The register of a configuration whose section has been checked (src/lib/hub-config.ts): a repeated id
 * keeps its first entry, and a pattern that does not compile matches nothing.
 */
export function organisationRegister(config: OrganisationsConfig): OrganisationRegister {
  const byId = <T extends { id: string }>(items: readonly T[]) => {
    const map = new Map<string, T>();
    for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
    return map;
  };
  return {
    types: byId(config.types),
    nations: byId(config.nations),
    everywhere: config.everywhere,
    ...(config.code ? { code: { ...config.code, regex: compiledPattern(config.code.pattern) ?? /(?!)/ } } : {}),
  };
}

/** A configured pattern as a regular expression, or undefined when it is not one. */
export function compiledPattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

/** A type in words: metropolitan-district → Metropolitan district (the code in words for one the configuration does not list). */
export function organisationTypeLabel(register: OrganisationRegister, type: string): string {
  return register.types.get(type)?.label ?? codeInWords(type);
}

/** A nation in words: northern-ireland → Northern Ireland. */
export function nationLabel(register: OrganisationRegister, nation: string): string {
  return register.nations.get(nation)?.label ?? codeInWords(nation);
}

/** What to call a body when counting them ("used by 3 councils and 1 community group"). */
export function organisationKind(register: OrganisationRegister, type: string): string {
  return register.types.get(type)?.kind ?? 'organisation';
}

/** Whether a type is a public body, which structured data calls a GovernmentOrganization. */
export function isGovernment(register: OrganisationRegister, type: string): boolean {
  return register.types.get(type)?.government === true;
}
