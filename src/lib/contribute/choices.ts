/**
 * What the record forms' finders offer and how a choice is written: an organisation as "Name (id)", a
 * service as "Label (LGSL 524)" (with the abbreviation of the hub's service list), and the ids read back
 * from what was typed. No imports, so that the
 * script a form page runs as it opens (src/browser/contribute/controls.ts) carries no schema: the
 * schemas, and zod with them, load only when someone uses the form (src/browser/contribute/form.ts).
 *
 * The choices themselves are one file for every form page, /contribute/choices.json
 * (src/pages/contribute/choices.json.ts), fetched after the page opens and cached by the browser across
 * pages, instead of a <datalist> of some 400 organisations and 400 services in each page (128 KB of
 * each record form's 178 KB of HTML).
 */

/** /contribute/choices.json. */
export interface ChoicesFile {
  /** Every organisation, A to Z by name: [id, name], with 1 after them for a demonstration body. */
  organisations: ([id: string, name: string] | [id: string, name: string, demonstration: 1])[];
  /** Every service of the hub's service list (in the UK, the Local Government Service List), A to Z by label: [id, label]. */
  services: [id: number, label: string][];
}

const ORGANISATION_IN_BRACKETS = /\(([a-z0-9]+(?:-[a-z0-9]+)*)\)\s*$/;

/** The organisation id in "Fenmoor County Council (fenmoor)", or undefined. */
export function organisationIdIn(text: string): string | undefined {
  return ORGANISATION_IN_BRACKETS.exec(text.trim())?.[1];
}

/** How a chosen organisation is shown in the organisation box and the partners finder. */
export function organisationChoice(name: string, id: string): string {
  return `${name} (${id})`;
}

/**
 * How a service is shown in the service finder: "Household waste collection (LGSL 524)", where LGSL is
 * the abbreviation of the hub's service list (hub.config.yaml; letters, digits and hyphens only).
 */
export function serviceChoice(label: string, id: number, abbreviation: string): string {
  return `${label} (${abbreviation} ${id})`;
}

/** The id in "Household waste collection (LGSL 524)", "LGSL 524" or "524", or undefined. */
export function serviceIdIn(text: string, abbreviation: string): number | undefined {
  const match = new RegExp(`(?:^|\\(${abbreviation}\\s*|\\b${abbreviation}\\s*)(\\d+)\\)?\\s*$`, 'i').exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** The label in "Household waste collection (LGSL 524)". */
export function serviceLabelIn(choice: string, abbreviation: string): string {
  return choice.replace(new RegExp(`\\s*\\(${abbreviation} \\d+\\)\\s*$`), '');
}
