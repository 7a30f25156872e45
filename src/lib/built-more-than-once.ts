/**
 * "Built more than once" on /collaborate/: groups of components from three or more organisations that
 * look like the same thing, the candidates for one shared product. Pure, so the rule is unit-tested.
 *
 * The rule: components are joined when their pair is a strong match (STRONG_MATCH in collaborate.ts, 0.6: the same words
 * for the same job, a fork, or the same repository; see src/lib/overlaps/records.ts), and a group is
 * every component joined to another, directly or through others (connected components of the graph of
 * strong pairs). Groups whose components come from at least MIN_ORGANISATIONS organisations are kept. Two
 * components are never joined by a weak or middling pair, so a chain cannot drift far from what its
 * neighbours are. The output depends only on the pairs, never on their order: members are sorted by id,
 * and groups by how many organisations they span, then by their strongest pair, then by their first id.
 */
import { compareById } from './collation.ts';
import { STRONG_MATCH } from './collaborate.ts';

/** The part of an overlap this module needs. */
export interface ComponentPair {
  a: string;
  b: string;
  score: number;
  kind: string;
}

export interface BuiltMoreThanOnce<P extends ComponentPair> {
  /** Component ids, sorted. */
  members: string[];
  /** The organisations they come from, sorted. */
  organisations: string[];
  /** Each member's strongest pair in the group, by member id; the strongest pair of all first in `pairs`. */
  strongest: Map<string, P>;
  /** The strong pairs within the group, strongest first (ties by ids). */
  pairs: P[];
}

/** Fewer bodies is two councils that may simply not know each other: the similar-work lists say that. */
export const MIN_ORGANISATIONS = 3;

export function builtMoreThanOnce<P extends ComponentPair>(
  pairs: readonly P[],
  organisationOf: (id: string) => string,
): BuiltMoreThanOnce<P>[] {
  const strong = pairs
    .filter((pair) => pair.kind === 'components' && pair.score >= STRONG_MATCH && organisationOf(pair.a) !== organisationOf(pair.b))
    .sort((x, y) => y.score - x.score || compare(x.a, y.a) || compare(x.b, y.b));
  // Union-find, with the smaller id as each group's root so that the result does not depend on order.
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const pair of strong) {
    for (const id of [pair.a, pair.b]) if (!parent.has(id)) parent.set(id, id);
    const [x, y] = [find(pair.a), find(pair.b)].sort(compare);
    if (x !== y) parent.set(y, x);
  }
  const groups = new Map<string, BuiltMoreThanOnce<P>>();
  for (const pair of strong) {
    const root = find(pair.a);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { members: [], organisations: [], strongest: new Map(), pairs: [] }));
    group.pairs.push(pair);
    for (const id of [pair.a, pair.b]) if (!group.strongest.has(id)) group.strongest.set(id, pair);
  }
  return [...groups.values()]
    .map((group) => {
      const members = [...group.strongest.keys()].sort(compare);
      return { ...group, members, organisations: [...new Set(members.map(organisationOf))].sort(compare) };
    })
    .filter((group) => group.organisations.length >= MIN_ORGANISATIONS)
    .sort(
      (x, y) =>
        y.organisations.length - x.organisations.length || y.pairs[0].score - x.pairs[0].score || compare(x.members[0], y.members[0]),
    );
}

function compare(x: string, y: string): number {
  return compareById({ id: x }, { id: y });
}
