/**
 * /api/v1/components/<organisation>/<slug>/publiccode.yml: a publiccode.yml (standard version 0.5) for
 * every code component, so that software catalogues that read the standard (Developers Italia, the
 * publiccode.net catalogue, the EU's Joinup) can list councils' software from the hub. A council can
 * also copy the file into its repository's root.
 *
 * Everything comes from the component's record, its organisation and the hub; where the standard asks
 * for something the record does not say, the file says so in a comment and never makes it up:
 *
 * - url: the repository (`repository_url`); without one, the component's website, else its hub page.
 * - landingURL: the component's page on the hub.
 * - platforms: the record's; without them, `unspecified` (the standard allows words outside its list).
 * - softwareType: not in the record, so chosen from the platforms: `standalone/web` if it runs on the
 *   web, else `standalone/mobile` for iOS or Android only, `standalone/desktop` for Windows, macOS or
 *   Linux, and `standalone/other` otherwise (a library or add-on cannot be told from the record).
 * - developmentStatus: the record's; without it, `development`, the status that claims least.
 * - description.en: shortDescription is the summary, cut at a word before 150 characters if longer;
 *   longDescription is the summary and the Markdown body, cut at a paragraph before 10,000 characters if
 *   longer, and, if under 150, followed by sentences about where it is shared, which are true of every
 *   component; features are the labels of its services and the standards it follows, else its themes,
 *   else its short description: the standard requires at least one.
 * - maintenance: the record's type (`none` when it does not say, which promises nothing). Contacts,
 *   required for internal and community maintenance, must name a person, but the hub asks for team
 *   mailboxes and keeps personal data out: the contact is named after the organisation, with the
 *   record's email address (or the organisation's). A contract needs a contractor with an end date,
 *   which the record does not hold: the contractor is described as the organisation's, not named, and
 *   `until` is the day the file was made, the one day the record says the contract was in force.
 * - localisation: not known to be ready for translation; English, and Welsh when the record has its
 *   title or summary in Welsh (which then fill description.cy).
 * - usedBy: the names of the organisations that say they use it; organisation: its organisation's page
 *   and name; intendedAudience: the United Kingdom (GB) and local authorities.
 */
import { Document, type Scalar, type YAMLMap } from 'yaml';
import type { Component } from '../../../schemas/component.ts';

export const PUBLICCODE_VERSION = '0.5';

/** Where a publiccode.yml lives on the hub, under the base: api/v1/components/<organisation>/<slug>/publiccode.yml. */
export function publiccodePath(componentId: string): string {
  return `api/v1/${componentId}/publiccode.yml`;
}

export interface PubliccodeInput {
  /** `components/<organisation>/<slug>`. */
  id: string;
  data: Component;
  /** The Markdown body ('' for a YAML record). */
  body: string;
  organisation: { id: string; name: string; contact?: string | undefined; url: string };
  /** The component's page on the hub, absolute. */
  pageUrl: string;
  services: readonly string[];
  themes: readonly string[];
  /** Names of the organisations that use it. */
  usedBy: readonly string[];
  /** The day the file is made, YYYY-MM-DD. */
  today: string;
  /**
   * The hub's name and tagline (hub.config.yaml), as the maker of the file, and the codes of its languages,
   * the main one first: the component's own fields are in the first, its translations in the others.
   */
  hub: { name: string; tagline: string; languages: readonly string[] };
}

/** A language as publiccode.yml's description and availableLanguages name it: its language alone (en, cy, ga). */
const publiccodeLanguage = (code: string) => code.split('-')[0].toLowerCase();

const SHORT_MAX = 150;
const LONG_MIN = 150;
const LONG_MAX = 10_000;
const FEATURE_MAX = 100;

/** Length in characters (code points), as the standard counts them. */
function length(text: string): number {
  return [...text].length;
}

/** Text cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncateAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (length(flat) <= max) return flat;
  const room = [...flat].slice(0, max - 1).join('');
  const space = room.lastIndexOf(' ');
  return `${(space > 0 ? room.slice(0, space) : room).replace(/[\s,;:.–-]+$/u, '')}…`;
}

/** A one-line summary of at most 150 characters. */
export function shortDescription(summary: string): string {
  return truncateAtWord(summary, SHORT_MAX);
}

/** True things about any component on the hub, added in turn while a long description is too short. */
function padding(input: Pick<PubliccodeInput, 'organisation' | 'pageUrl' | 'hub'>): string[] {
  return [
    `${input.organisation.name} shares it on ${input.hub.name}, ` +
      `where its page says who uses it and links to related work: ${input.pageUrl}`,
    `${input.hub.name}: ${input.hub.tagline}`,
  ];
}

/** The summary and the body, at least 150 and at most 10,000 characters. */
export function longDescription(input: Pick<PubliccodeInput, 'data' | 'body' | 'organisation' | 'pageUrl' | 'hub'>): string {
  const summary = input.data.summary.replace(/\s+/g, ' ').trim();
  const parts = [summary, input.body.trim()].filter(Boolean);
  let text = parts.join('\n\n');
  for (const sentence of padding(input)) {
    if (length(text) >= LONG_MIN) break;
    text = `${text}\n\n${sentence}`;
  }
  if (length(text) <= LONG_MAX) return text;
  const more = `\n\n(The description goes on at ${input.pageUrl})`;
  const room = [...text].slice(0, LONG_MAX - length(more)).join('');
  const paragraph = room.lastIndexOf('\n\n');
  const cut = paragraph >= LONG_MIN ? room.slice(0, paragraph).trimEnd() : truncateAtWord(room, length(room) - 1);
  return `${cut}${more}`;
}

/** What it does, in short lines: its services and standards, else its themes, else its summary. */
export function features(input: Pick<PubliccodeInput, 'data' | 'services' | 'themes'>): string[] {
  const fromServices = [...input.services, ...(input.data.standards ?? []).map((standard) => `Follows ${standard}`)];
  const lines =
    fromServices.length > 0 ? fromServices : input.themes.length > 0 ? [...input.themes] : [shortDescription(input.data.summary)];
  return [...new Set(lines.map((line) => truncateAtWord(line, FEATURE_MAX)))];
}

export type SoftwareType = 'standalone/web' | 'standalone/mobile' | 'standalone/desktop' | 'standalone/other';

/** The kind of software, from where it runs (see the module comment). */
export function softwareType(platforms: readonly string[] | undefined): SoftwareType {
  const names = new Set((platforms ?? []).map((platform) => platform.toLowerCase()));
  if (names.has('web')) return 'standalone/web';
  if (names.size > 0 && [...names].every((name) => name === 'ios' || name === 'android')) return 'standalone/mobile';
  if (['windows', 'mac', 'macos', 'linux'].some((name) => names.has(name))) return 'standalone/desktop';
  return 'standalone/other';
}

function emailOf(contact: string | undefined): string | undefined {
  if (!contact) return undefined;
  if (/^mailto:/i.test(contact)) return contact.slice('mailto:'.length);
  return /^[^\s@/]+@[^\s@/]+$/.test(contact) ? contact : undefined;
}

/** The publiccode.yml document as plain data, before comments. */
export function publiccodeData(input: PubliccodeInput): Record<string, unknown> {
  const { data, organisation } = input;
  const maintenanceType = data.maintenance ?? 'none';
  const email = emailOf(data.contact) ?? emailOf(organisation.contact);
  const contact = { name: organisation.name, ...(email ? { email } : {}), affiliation: organisation.name };
  const [mainLanguage, ...otherLanguages] = input.hub.languages;
  const main = publiccodeLanguage(mainLanguage);
  // The component's title and summary in the hub's other languages, each as that language's description.
  const translated = otherLanguages.flatMap((code) => {
    const entry = data.translations?.[code];
    if (!entry || publiccodeLanguage(code) === main) return [];
    const description = {
      ...(entry.title ? { localisedName: entry.title } : {}),
      ...(entry.summary ? { shortDescription: shortDescription(entry.summary) } : {}),
    };
    return [[publiccodeLanguage(code), description] as const];
  });
  return {
    publiccodeYmlVersion: PUBLICCODE_VERSION,
    name: data.title,
    url: data.repository_url ?? data.url ?? input.pageUrl,
    landingURL: input.pageUrl,
    platforms: data.platforms && data.platforms.length > 0 ? [...data.platforms] : ['unspecified'],
    softwareType: softwareType(data.platforms),
    developmentStatus: data.development_status ?? 'development',
    organisation: { uri: organisation.url, name: organisation.name },
    ...(input.usedBy.length > 0 ? { usedBy: [...input.usedBy] } : {}),
    intendedAudience: { countries: ['GB'], scope: ['local-authorities'] },
    description: {
      [main]: { shortDescription: shortDescription(data.summary), longDescription: longDescription(input), features: features(input) },
      ...Object.fromEntries(translated),
    },
    legal: { license: data.licence },
    maintenance: {
      type: maintenanceType,
      ...(maintenanceType === 'contract'
        ? { contractors: [{ name: `The contractor of ${organisation.name} (not named on ${input.hub.name})`, until: input.today }] }
        : {}),
      ...(maintenanceType !== 'none' ? { contacts: [contact] } : {}),
    },
    localisation: { localisationReady: false, availableLanguages: [main, ...translated.map(([code]) => code)] },
  };
}

/** Puts a comment above a key of a map in the document. */
function comment(map: YAMLMap, key: string, text: string): void {
  const pair = map.items.find((item) => (item.key as Scalar).value === key);
  if (pair)
    (pair.key as Scalar).commentBefore = text
      .split('\n')
      .map((line) => ` ${line}`)
      .join('\n');
}

/** The publiccode.yml file, with comments on every value the record did not give. */
export function publiccodeYaml(input: PubliccodeInput): string {
  const { data, organisation } = input;
  const document = new Document(publiccodeData(input));
  const slug = input.id.split('/').slice(1).join('/');
  document.commentBefore = [
    ` publiccode.yml for “${data.title}”, made by ${input.hub.name} from ${organisation.name}'s record:`,
    ` ${input.pageUrl}`,
    ` To change it, change the record (content/components/${slug}) and not this file.`,
  ].join('\n');
  const root = document.contents as YAMLMap;
  if (!data.repository_url)
    comment(
      root,
      'url',
      `The record gives no repository, so this is ${data.url ? 'the component’s website' : `its page on ${input.hub.name}`}.`,
    );
  if (!data.platforms?.length) comment(root, 'platforms', 'The record does not say where it runs.');
  comment(root, 'softwareType', `${input.hub.name} does not record the type of software: this follows from its platforms.`);
  if (!data.development_status)
    comment(root, 'developmentStatus', 'The record does not give a status: development is the one that claims least.');
  const maintenance = root.get('maintenance', true) as unknown as YAMLMap;
  if (!data.maintenance) comment(root, 'maintenance', 'The record does not say who maintains it, so no maintenance is promised.');
  if (maintenance.has('contacts')) {
    comment(
      maintenance,
      'contacts',
      `The standard asks for a person. ${input.hub.name} asks for team mailboxes and keeps personal ` +
        'data\nout, so the contact is named after the organisation, with its address for this component.',
    );
  }
  if (maintenance.has('contractors')) {
    comment(
      maintenance,
      'contractors',
      'The record says a contractor maintains it but not who, or until when: `until` is ' +
        'the day this\nfile was made, the one day the record says the contract was in force.',
    );
  }
  return document.toString({ lineWidth: 0 });
}
