/**
 * Who reuses what. A component is used by an organisation when the organisation lists it in `uses`, or
 * when one of its roadmap items lists it in `reuses`: both count, once per organisation, and the page
 * can say which. Principles adopted from another body (`adopted_from`) form the same kind of graph: the
 * source, and every body that adopted it.
 *
 * Pure: the hub builds it once per build from loaded content; pages and /api/v1/reuse.json read it.
 */
import { listInWords } from './format.ts';

/** The minimum each kind of record needs to give for the reuse graph. */
export interface ReuseInput {
  components: readonly { id: string; organisation: string }[];
  organisations: readonly { id: string; uses?: readonly string[] | undefined }[];
  roadmap: readonly { id: string; organisation: string; data: { reuses?: readonly string[] | undefined } }[];
  principles: readonly { id: string; organisation: string; data: { adopted_from?: string | undefined } }[];
}

/** One organisation's use of one component. */
export interface ComponentUse {
  organisation: string;
  /** True when the organisation lists the component in its `uses`. */
  listed: boolean;
  /** The organisation's roadmap items that reuse the component, by id. */
  roadmapItems: string[];
}

export interface ComponentReuse {
  component: string;
  /** The organisation that shares the component. */
  owner: string;
  /** Every organisation that uses it, the owner included if it says so, by organisation id. */
  users: ComponentUse[];
  /** Users other than the owner: what "reused" means when ranking. */
  reusedBy: number;
}

export interface PrincipleAdoption {
  principle: string;
  /** The principle it was adopted from, if it was. */
  source?: string;
  /** Principles adopted from this one. */
  adoptedBy: string[];
  /** Other principles adopted from the same source (not this one). */
  alsoAdoptedBy: string[];
}

export interface ReuseGraph {
  /** Every component, keyed by id, with its users; components nobody uses have an empty list. */
  components: Map<string, ComponentReuse>;
  /** For each organisation id, the components it uses (from `uses` and its roadmap items), by id, sorted. */
  usesByOrganisation: Map<string, string[]>;
  /** Components reused by at least one organisation other than their owner, most reused first, then by id. */
  mostReused: ComponentReuse[];
  /** Principles that were adopted from another or that others adopted, keyed by id. */
  adoptions: Map<string, PrincipleAdoption>;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildReuse(input: ReuseInput): ReuseGraph {
  const owners = new Map(input.components.map((component) => [component.id, component.organisation]));
  const uses = new Map<string, Map<string, ComponentUse>>();
  const useOf = (component: string, organisation: string): ComponentUse | undefined => {
    // References to components that do not exist are the validator's business; here they are ignored.
    if (!owners.has(component)) return undefined;
    const users = uses.get(component) ?? new Map<string, ComponentUse>();
    uses.set(component, users);
    const use = users.get(organisation) ?? { organisation, listed: false, roadmapItems: [] };
    users.set(organisation, use);
    return use;
  };
  for (const organisation of input.organisations) {
    for (const component of organisation.uses ?? []) {
      const use = useOf(component, organisation.id);
      if (use) use.listed = true;
    }
  }
  for (const item of input.roadmap) {
    for (const component of item.data.reuses ?? []) useOf(component, item.organisation)?.roadmapItems.push(item.id);
  }

  const components = new Map<string, ComponentReuse>();
  const usesByOrganisation = new Map<string, string[]>();
  for (const [component, owner] of [...owners].sort(([a], [b]) => byString(a, b))) {
    const users = [...(uses.get(component)?.values() ?? [])].sort((a, b) => byString(a.organisation, b.organisation));
    for (const use of users) {
      use.roadmapItems.sort(byString);
      usesByOrganisation.set(use.organisation, [...(usesByOrganisation.get(use.organisation) ?? []), component]);
    }
    components.set(component, { component, owner, users, reusedBy: users.filter((use) => use.organisation !== owner).length });
  }
  const mostReused = [...components.values()]
    .filter((reuse) => reuse.reusedBy > 0)
    .sort((a, b) => b.reusedBy - a.reusedBy || byString(a.component, b.component));

  return { components, usesByOrganisation, mostReused, adoptions: buildAdoptions(input.principles) };
}

function buildAdoptions(principles: ReuseInput['principles']): Map<string, PrincipleAdoption> {
  const known = new Set(principles.map((principle) => principle.id));
  const adopters = new Map<string, string[]>();
  for (const principle of principles) {
    const source = principle.data.adopted_from;
    if (source === undefined || source === principle.id || !known.has(source)) continue;
    adopters.set(source, [...(adopters.get(source) ?? []), principle.id]);
  }
  const adoptions = new Map<string, PrincipleAdoption>();
  for (const principle of [...principles].sort((a, b) => byString(a.id, b.id))) {
    const rawSource = principle.data.adopted_from;
    const source = rawSource !== undefined && rawSource !== principle.id && known.has(rawSource) ? rawSource : undefined;
    const adoptedBy = [...(adopters.get(principle.id) ?? [])].sort(byString);
    if (source === undefined && adoptedBy.length === 0) continue;
    const alsoAdoptedBy = source === undefined ? [] : (adopters.get(source) ?? []).filter((id) => id !== principle.id).sort(byString);
    adoptions.set(principle.id, { principle: principle.id, ...(source === undefined ? {} : { source }), adoptedBy, alsoAdoptedBy });
  }
  return adoptions;
}

/**
 * How many organisations of which kind, in words: "7 councils", "3 councils and 1 community group",
 * "1 organisation". Kinds come from `kindOf` (e.g. 'council', 'community group', 'other public body').
 */
export function countInWords(organisations: readonly string[], kindOf: (organisation: string) => string): string {
  const counts = new Map<string, number>();
  for (const organisation of organisations) {
    const kind = kindOf(organisation);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const parts = [...counts]
    .sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))
    .map(([kind, count]) => `${count.toLocaleString('en-GB')} ${count === 1 ? kind : pluralOf(kind)}`);
  if (parts.length === 0) return 'no organisations';
  return listInWords(parts);
}

/** A kind or type made plural by its last word: "community group" → "community groups", "Other public body" → "Other public bodies". */
export function pluralOf(noun: string): string {
  // Kinds are short phrases whose last word is the noun: "community group" → "community groups".
  if (/body$/.test(noun)) return noun.replace(/body$/, 'bodies');
  if (/y$/.test(noun) && !/[aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}
