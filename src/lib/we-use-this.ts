/**
 * "We use this", on every component's page: anyone can say that their organisation uses a component, as
 * Developers Italia's reuse form lets anyone declare reuse. The hub keeps reuse in each organisation's
 * `uses` list, so a declaration is a change to that body's file, made with its form
 * (/contribute/organisation/<id>/?uses=<component id>), which adds the component to the list, keeps
 * the rest and offers the changed file (GitHub's editor, a download or the issue form) as for any edit.
 *
 * Why it goes through the form and not straight to GitHub's issue form: issue-to-pr replaces `uses` with
 * the list the issue gives, so an issue naming only the new component would drop the body's others. The
 * form sends the whole list, old and new.
 *
 * Why the component page holds one link, not a list of bodies: some 400 organisations would add 30 KB
 * to each of thousands of component pages. The link leads to the A to Z of bodies' forms
 * (/contribute/organisation/?uses=…), which carries the component on to the body chosen.
 *
 * Demonstration (fictional) components and bodies never mix: the validator refuses a real body's `uses`
 * naming a fictional component, and the reverse. A fictional component's page offers only the
 * demonstration bodies, so that trying "We use this" never shows a real council using invented work.
 *
 * Pure and light (no zod): the A to Z's script, which runs as the page opens, uses it too.
 */
import type { Organisation } from '../../schemas/organisation.ts';
import { isSlug } from './slug.ts';
import { withBase } from './urls.ts';

/** A component id, as an organisation's `uses` holds it: components/<organisation>/<slug>. */
export type ComponentId = NonNullable<Organisation['uses']>[number];

/** The query parameter that carries the component from its page to the organisation's form. */
export const USES_PARAMETER = 'uses';

/** The A to Z of organisations, whose links lead to each body's form. */
const CHOOSER = 'contribute/organisation/';

/** The organisation a component id belongs to, or undefined when the text is not a component id. */
export function componentOwner(id: string): string | undefined {
  const [collection, owner, slug, ...rest] = id.split('/');
  const ok = collection === 'components' && rest.length === 0 && owner !== undefined && slug !== undefined && isSlug(owner) && isSlug(slug);
  return ok ? owner : undefined;
}

/** The component an address's query asks to add (?uses=…), if it is a component id. */
export function askedComponent(search: string): ComponentId | undefined {
  const asked = new URLSearchParams(search).get(USES_PARAMETER);
  return asked !== null && componentOwner(asked) !== undefined ? asked : undefined;
}

/** An address inside the site with the component to add in its query. */
export function withUse(href: string, component: ComponentId): string {
  return `${href}${href.includes('?') ? '&' : '?'}${new URLSearchParams({ [USES_PARAMETER]: component }).toString()}`;
}

/** "We use this" for a real component: the A to Z of organisations, carrying the component. */
export function chooserHref(base: string, component: ComponentId): string {
  return withUse(withBase(base, CHOOSER), component);
}

/** An organisation's form with the component to add. */
export function organisationFormHref(base: string, organisation: string, component: ComponentId): string {
  return withUse(withBase(base, `${CHOOSER}${organisation}/`), component);
}

type Body = { id: string; data: Pick<Organisation, 'name' | 'uses'>; demonstration: boolean };

/**
 * The bodies that can try "We use this" on a fictional component's page: the demonstration bodies that
 * do not say they use it already, A to Z.
 */
export function demonstrationBodiesFor(organisations: Iterable<Body>, component: ComponentId): Body[] {
  return [...organisations]
    .filter((body) => body.demonstration && !(body.data.uses ?? []).includes(component))
    .sort((a, b) => a.data.name.localeCompare(b.data.name, 'en-GB'));
}

export interface Declaring {
  name: string;
  demonstration: boolean;
  /** The components it says it uses now. */
  uses: readonly ComponentId[];
}

export interface Declared {
  id: ComponentId;
  /** Whether the hub has the component. */
  exists: boolean;
  /** Whether its organisation is a demonstration body (undefined: no such organisation). */
  demonstration: boolean | undefined;
}

/** Why a body may not use a component: one of them is fictional and the other real. */
type Refusal = 'fictional-component' | 'fictional-organisation';

/**
 * What saying "we use this" does to an organisation's `uses`: the component added at the end, the others
 * kept, or why not. `uses` is the list as it is to be (unchanged unless added).
 */
export type Declaration =
  | { outcome: 'added' | 'already' | 'unknown' | Refusal; component: ComponentId; uses: ComponentId[] }
  /** The address asked for something that is not a component id: never repeated on the page, which would let a link put words there. */
  | { outcome: 'not-a-component'; uses: ComponentId[] };

/** The declaration for a component (undefined: what was asked is not a component id). */
export function declareUse(organisation: Declaring, component: Declared | undefined): Declaration {
  const uses = [...organisation.uses];
  if (!component) return { outcome: 'not-a-component', uses };
  const id = component.id;
  if (uses.includes(id)) return { outcome: 'already', component: id, uses };
  if (!component.exists || component.demonstration === undefined) return { outcome: 'unknown', component: id, uses };
  if (component.demonstration && !organisation.demonstration) return { outcome: 'fictional-component', component: id, uses };
  if (!component.demonstration && organisation.demonstration) return { outcome: 'fictional-organisation', component: id, uses };
  return { outcome: 'added', component: id, uses: [...uses, id] };
}

/** What the organisation's form says about the component it was asked to add, `field` being the label of `uses` on the form. */
export function declarationMessage(declaration: Declaration, organisation: string, field: string): string {
  if (declaration.outcome === 'not-a-component') {
    return `The address of this page asks to add something that is not a component id, so nothing was added to “${field}”.`;
  }
  const component = declaration.component;
  switch (declaration.outcome) {
    case 'added':
      return (
        `${component} is added to “${field}”, after the components ${organisation} already uses. ` + 'Check your changes, then send them.'
      );
    case 'already':
      return `${organisation} already says it uses ${component}: it is in “${field}”, so there is nothing to add.`;
    case 'unknown':
      return `There is no component ${component} on the hub, so nothing was added to “${field}”.`;
    case 'fictional-component':
      return (
        `${component} is fictional, from a demonstration body, so ${organisation}, a real organisation, cannot say it uses it. ` +
        'Nothing was added.'
      );
    case 'fictional-organisation':
      return (
        `${organisation} is a fictional demonstration body, so it cannot say it uses ${component}, a real component. ` +
        'Nothing was added.'
      );
  }
}
