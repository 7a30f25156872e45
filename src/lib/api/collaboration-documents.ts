/**
 * The JSON documents of /api/v1/overlaps.json and /api/v1/reuse.json, from the same overlaps and reuse
 * graph the pages show. Pure: the endpoint gives addresses and names. Field names are snake_case, as in
 * the content files, so the data reads the same wherever it is used.
 */
import type { Overlap } from '../overlaps/index.ts';
import type { ReuseGraph } from '../reuse.ts';

export interface DocumentContext {
  /** The absolute address of a record's or organisation's page, from its id ('roadmap/a/b' or 'organisations/a'). */
  pageUrl: (id: string) => string;
  /** An organisation's name, from its id. */
  organisationName: (id: string) => string;
  /** A record's title, from its id. */
  title: (id: string) => string;
  licence: { id: string; name: string; url: string };
  /** When the build ran, as an ISO 8601 date-time. */
  generated: string;
}

function itemOf(id: string, context: DocumentContext) {
  const organisation = id.split('/')[1];
  return {
    id,
    title: context.title(id),
    organisation,
    organisation_name: context.organisationName(organisation),
    url: context.pageUrl(id),
  };
}

/**
 * Pairs carry ids, not titles or addresses: at 25,000 roadmap items there can be 100,000 pairs, and the
 * file stays a fraction of the size. `page_url` says how an id becomes an address. Each pair's `kind` is
 * the collection both its records are in (roadmap, components or datasets); the fields before it came
 * when the file held roadmap pairs only, and are unchanged.
 */
export function overlapsDocument(pairs: readonly Overlap[], context: DocumentContext) {
  return {
    description:
      'Pairs of records from different organisations that look like the same work (roadmap items) or the ' +
      'same thing built or published twice (components, datasets), strongest first, with their kind, a ' +
      'score from 0 to 1 and the reasons in plain English, strongest first.',
    count: pairs.length,
    licence: context.licence,
    generated: context.generated,
    page_url: context.pageUrl('{id}').replace('%7Bid%7D', '{id}'),
    pairs: pairs.map((pair) => ({
      a: pair.a,
      b: pair.b,
      kind: pair.kind,
      organisations: [pair.a.split('/')[1], pair.b.split('/')[1]],
      score: pair.score,
      reasons: pair.reasons.map((reason) => ({ kind: reason.kind, text: reason.text })),
      shared_services: pair.sharedServices,
      shared_themes: pair.sharedThemes,
      shared_words: pair.sharedWords,
    })),
  };
}

export function reuseDocument(graph: ReuseGraph, context: DocumentContext) {
  const components = [...graph.components.values()];
  return {
    description:
      'Every shared component with the organisations that use it (from their `uses` ' +
      'and their roadmap items’ `reuses`), and every principle adopted from another.',
    count: components.length,
    licence: context.licence,
    generated: context.generated,
    components: components.map((reuse) => ({
      ...itemOf(reuse.component, context),
      reused_by: reuse.reusedBy,
      used_by: reuse.users.map((use) => ({
        organisation: use.organisation,
        organisation_name: context.organisationName(use.organisation),
        url: context.pageUrl(`organisations/${use.organisation}`),
        listed_in_uses: use.listed,
        roadmap_items: use.roadmapItems.map((id) => itemOf(id, context)),
      })),
    })),
    principles: [...graph.adoptions.values()].map((adoption) => ({
      ...itemOf(adoption.principle, context),
      adopted_from: adoption.source === undefined ? null : itemOf(adoption.source, context),
      adopted_by: adoption.adoptedBy.map((id) => itemOf(id, context)),
    })),
  };
}
