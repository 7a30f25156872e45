/**
 * publiccode.yml (versions 0.1 to 0.7, as found in the wild) to a component record. Pure: it takes the
 * parsed file and what it needs from the hub (licences, themes, organisations' names) and returns the
 * record with notes on everything a person should check, and the fields that have no place in it.
 * See /work/shared/data/publiccode-fields.md for the standard's fields and their history.
 */
import { componentSchema, DEVELOPMENT_STATUSES, MAINTENANCE_TYPES } from '../../../schemas/component.ts';
import type { Licence } from '../../../schemas/reference.ts';
import { slugify } from '../slug.ts';
import { licenceAdvice, spdxExpression } from './licence.ts';
import { listInWords } from '../format.ts';
import { oneLine, quote, removeInvisible, shorten, toPlainText } from './text.ts';
import { matchThemes, PUBLICCODE_THEMES } from './themes.ts';
import { organisationNamed, sameName } from './organisations.ts';
import { blocker, check, ImportInputError, info, PLACEHOLDER, type OrganisationName, type PlannedRecord, type ThemeTerm } from './types.ts';
import { webAddress } from './values.ts';

export interface PubliccodeOptions {
  licences: ReadonlyMap<string, Licence>;
  themes: readonly ThemeTerm[];
  /** Every organisation on the hub, to match names in usedBy and the publisher. */
  organisations: readonly OrganisationName[];
  /** The organisation the record is for. */
  owner: string;
  /** The record's slug; by default, from the software's name. */
  slug?: string;
  /**
   * The codes of the hub's other languages (hub.config.yaml's `languages` after the first): a description in
   * one of them, beside the English, becomes the record's translations. None are mapped without them.
   */
  otherLanguages?: readonly string[];
}

export interface PubliccodeImport {
  /** The publiccode.yml version the file says it follows, e.g. "0.4"; "unknown" when it does not say. */
  version: string;
  record: PlannedRecord;
}

/** The newest version of the standard this importer knows. */
export const NEWEST_VERSION = '0.7';

const TITLE_MAX = 150;
const SUMMARY_MAX = 500;

/** Names of the languages description sections are most often in, for messages. */
const LANGUAGES: Record<string, string> = {
  it: 'Italian',
  ita: 'Italian',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  nl: 'Dutch',
  pt: 'Portuguese',
  cy: 'Welsh',
  ga: 'Irish',
  gd: 'Scottish Gaelic',
  sv: 'Swedish',
  da: 'Danish',
  fi: 'Finnish',
  pl: 'Polish',
  el: 'Greek',
};

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((item) => (typeof item === 'string' || typeof item === 'number' ? [oneLine(String(item))] : [])).filter(Boolean);
}

/** Whether a parsed YAML document is a publiccode.yml (of any version). */
export function isPubliccode(value: unknown): value is Fields {
  if (!isFields(value)) return false;
  if ('publiccodeYmlVersion' in value || 'publiccode-yaml-version' in value) return true;
  return (
    typeof value.name === 'string' &&
    isFields(value.description) &&
    ('legal' in value || 'maintenance' in value || 'developmentStatus' in value)
  );
}

function versionOf(document: Fields): string {
  const raw = document.publiccodeYmlVersion ?? document['publiccode-yaml-version'];
  if (raw === undefined) return 'unknown';
  const found = /(\d+\.\d+(?:\.\d+)?)\s*$/.exec(String(raw));
  return found ? found[1] : String(raw);
}

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The description language to use: English (any variety) if there is one, else the first. */
export function chooseLanguage(languages: readonly string[]): { language: string; english: boolean } | undefined {
  const lower = languages.map((language) => language.toLowerCase());
  for (const preferred of ['en-gb', 'en', 'en-us']) {
    const index = lower.indexOf(preferred);
    if (index !== -1) return { language: languages[index], english: true };
  }
  const english = lower.findIndex((language) => /^en(?:-|$)/.test(language) || language === 'eng');
  if (english !== -1) return { language: languages[english], english: true };
  return languages.length > 0 ? { language: languages[0], english: false } : undefined;
}

function languageName(tag: string): string {
  const name = LANGUAGES[tag.toLowerCase().split('-')[0]];
  return name ? `${name} ('${tag}')` : `the language '${tag}'`;
}

export function mapPubliccode(document: unknown, options: PubliccodeOptions): PubliccodeImport {
  if (!isPubliccode(document)) {
    throw new ImportInputError(
      isFields(document)
        ? 'it is not a publiccode.yml: it has no publiccodeYmlVersion, and no name and description'
        : 'it ' +
            `holds ${Array.isArray(document) ? 'a list' : document === null || document === undefined ? 'nothing' : 'a single value'}, ` +
            'not the fields of a publiccode.yml',
    );
  }
  const version = versionOf(document);
  const used = new Set<string>(['publiccodeYmlVersion', 'publiccode-yaml-version']);
  const notMapped: string[] = [];
  const notes: PlannedRecord['notes'] = [];
  const todo: string[] = [];
  const fields: Fields = {};
  const owner = options.organisations.find((organisation) => organisation.id === options.owner);

  if (version === 'unknown') {
    notes.push(
      check(
        'The file does not say which version of the standard it follows (publiccodeYmlVersion): ' +
          'it was read as a recent one. Add publiccodeYmlVersion to your publiccode.yml.',
      ),
    );
  } else if (/^\d+\.\d+/.test(version) && compareVersions(version, NEWEST_VERSION) > 0) {
    notes.push(
      info(
        `The file follows publiccode.yml ${version}, newer than the ${NEWEST_VERSION} ` +
          'this importer knows: fields it does not know are listed as not mapped.',
      ),
    );
  }

  // Name → title.
  used.add('name');
  const name = text(document.name) ? oneLine(String(document.name)) : undefined;
  if (name === undefined) {
    notes.push(
      blocker('The publiccode.yml has no name, which becomes the record’s title. Add `name` to the file and import it again.', 'title'),
    );
  } else if (name.length > TITLE_MAX) {
    fields.title = shorten(name, TITLE_MAX);
    notes.push(
      check(
        `The name has ${name.length} characters; the title may have ${TITLE_MAX}, so it was shortened: read it and rewrite it if needed.`,
        'title',
      ),
    );
  } else {
    fields.title = name;
  }

  // Description → summary and text.
  used.add('description');
  const descriptions = isFields(document.description) ? document.description : {};
  const languages = Object.keys(descriptions).filter((language) => isFields(descriptions[language]));
  const chosen = chooseLanguage(languages);
  const description: Fields = chosen ? (descriptions[chosen.language] as Fields) : {};
  const usedInDescription = new Set<string>();
  const short = text(description.shortDescription);
  const long = text(description.longDescription);
  usedInDescription.add('shortDescription').add('longDescription').add('features').add('documentation').add('apiDocumentation');
  if (chosen && !chosen.english) {
    const where = languageName(chosen.language);
    notes.push(
      check(
        'There is no English description, so the summary and text were taken ' +
          `from ${where}${languages.length > 1 ? `, the first of ${listInWords(languages.map((language) => `'${language}'`))}` : ''}: ` +
          'translate them into English.',
        'summary',
      ),
    );
    todo.push(`The summary and text are in ${where}, as in the publiccode.yml: translate them into English.`);
  }
  let summary: string | undefined;
  if (short) {
    const plain = oneLine(short);
    summary = shorten(plain, SUMMARY_MAX);
    if (summary !== plain)
      notes.push(
        check(
          `The shortDescription has ${plain.length} characters; a summary may have ${SUMMARY_MAX}, ` +
            'so it was shortened on a word boundary: read it and rewrite it if needed.',
          'summary',
        ),
      );
  } else if (long) {
    const plain = toPlainText(long);
    summary = shorten(plain, SUMMARY_MAX);
    notes.push(
      check(
        'There is no shortDescription, so the summary was made from the start ' +
          'of the longDescription: rewrite it as one or two plain sentences.',
        'summary',
      ),
    );
  }
  if (summary === undefined || summary === '') {
    summary = `${PLACEHOLDER}: one or two sentences on what the software does and who it is for.`;
    notes.push(
      check(
        `There is no description${chosen ? ` in '${chosen.language}'` : ''} to make a ` +
          `summary from: replace the "${PLACEHOLDER}" summary with one or two sentences.`,
        'summary',
      ),
    );
    todo.push('Write the summary: the publiccode.yml has no description.');
  }
  fields.summary = summary;

  // A description in one of the hub's other languages, beside the English, goes under translations.
  const translated = new Map<string, string>();
  const translations: Record<string, Record<string, string>> = {};
  for (const code of chosen?.english ? (options.otherLanguages ?? []) : []) {
    const language = code.split('-')[0].toLowerCase();
    const tag = languages.find(
      (candidate) => candidate.toLowerCase() === code.toLowerCase() || candidate.split('-')[0].toLowerCase() === language,
    );
    if (!tag || translated.has(tag)) continue;
    const description = descriptions[tag] as Fields;
    const name = text(description.localisedName);
    const short = text(description.shortDescription);
    const entry: Record<string, string> = {};
    if (name && oneLine(name).length <= TITLE_MAX) entry.title = oneLine(name);
    if (short) entry.summary = shorten(oneLine(short), SUMMARY_MAX);
    if (Object.keys(entry).length) translations[code] = entry;
    translated.set(tag, code);
  }
  if (Object.keys(translations).length) fields.translations = translations;
  for (const language of Object.keys(descriptions)) {
    if (language === chosen?.language) continue;
    if (!chosen) notMapped.push(`description.${language} (not a group of fields)`);
    else if (translated.has(language))
      notMapped.push(
        `description.${language} (only its localisedName and shortDescription, ` +
          `as translations.${translated.get(language)}.title and .summary)`,
      );
    else notMapped.push(`description.${language} (the ${chosen.english ? 'English' : `'${chosen.language}'`} description was used)`);
  }

  fields.kind = 'code';

  // Licence.
  used.add('legal');
  const legal = isFields(document.legal) ? document.legal : {};
  const licence = spdxExpression(legal.license, options.licences);
  if ('problem' in licence) {
    notes.push(blocker(`Not written: ${licence.problem}. ${licenceAdvice('code')}`, 'licence'));
  } else {
    fields.licence = licence.value;
    if (licence.note) notes.push(check(`Licence: ${licence.note}.`, 'licence'));
  }
  const publisher =
    text(isFields(document.organisation) ? document.organisation.name : undefined) ??
    text(legal.repoOwner) ??
    text(legal.mainCopyrightOwner);
  if (publisher && owner && !sameName(publisher, owner.name) && !sameName(publisher, owner.official_name)) {
    notes.push(
      check(
        `The publiccode.yml names the publisher as ${quote(oneLine(publisher))}, and you are importing ` +
          `it for ${owner.official_name ?? owner.name} (${owner.id}): check that it belongs to ${owner.id}.`,
      ),
    );
  }
  if (isFields(document.organisation)) used.add('organisation');
  for (const key of Object.keys(legal)) if (key !== 'license') notMapped.push(`legal.${key}`);

  // Repository and website.
  used.add('url');
  const repository = webAddress(document.url)?.replace(/(github\.com|gitlab\.com|bitbucket\.org)\/(.+)\.git$/i, '$1/$2');
  if (repository) fields.repository_url = repository;
  else if (document.url !== undefined)
    notes.push(
      check(
        `The url ${quote(document.url)} is not a web address (https://…), so repository_url was left out: add the repository’s web page.`,
        'repository_url',
      ),
    );
  used.add('landingURL');
  const landing = webAddress(document.landingURL);
  const documentation = webAddress(description.documentation);
  if (landing) fields.url = landing;
  else if (documentation) fields.url = documentation;
  if (document.landingURL !== undefined && !landing)
    notes.push(check(`The landingURL ${quote(document.landingURL)} is not a web address, so it was left out.`, 'url'));

  // Development status and maintenance.
  used.add('developmentStatus');
  const status = typeof document.developmentStatus === 'string' ? document.developmentStatus.trim().toLowerCase() : undefined;
  if (status && (DEVELOPMENT_STATUSES as readonly string[]).includes(status)) fields.development_status = status;
  else if (document.developmentStatus !== undefined)
    notes.push(
      check(
        `The developmentStatus ${quote(document.developmentStatus)} is not one of ${DEVELOPMENT_STATUSES.join(', ')}, so it was left out.`,
        'development_status',
      ),
    );
  used.add('maintenance');
  const maintenance = isFields(document.maintenance) ? document.maintenance : {};
  const maintenanceType = typeof maintenance.type === 'string' ? maintenance.type.trim().toLowerCase() : undefined;
  if (maintenanceType && (MAINTENANCE_TYPES as readonly string[]).includes(maintenanceType)) fields.maintenance = maintenanceType;
  else if (maintenance.type !== undefined)
    notes.push(
      check(
        `The maintenance type ${quote(maintenance.type)} is not one of ${MAINTENANCE_TYPES.join(', ')}, so it was left out.`,
        'maintenance',
      ),
    );
  const contractors = Array.isArray(maintenance.contractors) ? maintenance.contractors.filter(isFields) : [];
  if (contractors.length > 0) {
    const described = contractors.map(
      (contractor) =>
        `${oneLine(String(contractor.name ?? 'unnamed'))}${text(contractor.until) ? ` until ${String(contractor.until)}` : ''}`,
    );
    notMapped.push(`maintenance.contractors (${described.join('; ')})`);
  }
  const contacts = Array.isArray(maintenance.contacts) ? maintenance.contacts.filter(isFields) : [];
  if (contacts.length > 0) {
    notes.push(
      info(
        `maintenance.contacts names ${contacts.length === 1 ? 'a person' : `${contacts.length} people`}, ` +
          'not copied because the hub publishes contacts: add a team mailbox as `contact` if you have one.',
        'contact',
      ),
    );
  }
  for (const key of Object.keys(maintenance)) if (!['type', 'contractors', 'contacts'].includes(key)) notMapped.push(`maintenance.${key}`);

  // Platforms.
  used.add('platforms');
  const platforms: string[] = [];
  for (const platform of strings(document.platforms)) {
    const value = /^(web|windows|mac|linux|ios|android)$/i.test(platform) ? platform.toLowerCase() : platform;
    if (value.length > 40) notes.push(check(`The platform ${quote(value)} is longer than 40 characters, so it was left out.`, 'platforms'));
    else if (!platforms.some((known) => known.toLowerCase() === value.toLowerCase())) platforms.push(value);
  }
  if (platforms.length > 10)
    notes.push(check(`There are ${platforms.length} platforms; a record lists at most 10, so the first 10 were kept.`, 'platforms'));
  if (platforms.length > 0) fields.platforms = platforms.slice(0, 10);

  // Categories and audience → themes.
  used.add('categories');
  const categories = strings(document.categories);
  const audience = isFields(document.intendedAudience) ? document.intendedAudience : {};
  if (isFields(document.intendedAudience)) used.add('intendedAudience');
  // Who the software is for, rather than what it is about: no theme, and nothing to report.
  const scope = strings(audience.scope).filter((value) => !['local-authorities', 'government'].includes(value.toLowerCase()));
  const matched = matchThemes([...categories, ...scope], options.themes, PUBLICCODE_THEMES);
  if (matched.themes.length > 0) fields.themes = matched.themes;
  if (matched.unmatched.length > 0) {
    notes.push(
      check(
        `No theme matches ${matched.unmatched.length === 1 ? 'the category or scope' : 'the categories and scopes'} ` +
          `${listInWords(matched.unmatched.map((term) => `'${term}'`))}: ` +
          'add themes from content/vocabularies/themes.yaml if any fit.',
        'themes',
      ),
    );
  }
  if (matched.dropped.length > 0)
    notes.push(check(`A record has at most 10 themes, so ${listInWords(matched.dropped)} were left out.`, 'themes'));
  for (const key of Object.keys(audience)) if (key !== 'scope') notMapped.push(`intendedAudience.${key}`);

  // usedBy → suggestions for organisations' `uses`.
  used.add('usedBy');
  const usedBy = strings(document.usedBy);
  const slug = options.slug ?? ((name && slugify(name)) || 'component');
  const componentId = `components/${options.owner}/${slug}`;
  const unknownUsers: string[] = [];
  for (const user of usedBy) {
    const organisation = organisationNamed(user, options.organisations);
    if (!organisation) {
      unknownUsers.push(user);
    } else if (owner && organisation.demonstration !== owner.demonstration) {
      notes.push(
        info(
          `usedBy names ${quote(user)}, which is ${organisation.id} on the hub; but one of ${organisation.id} ` +
            `and ${owner.id} is a demonstration organisation and the other is not, so they cannot be linked.`,
        ),
      );
    } else {
      notes.push(
        info(
          `usedBy names ${quote(user)}, which is ${organisation.id} on the hub: to show that it uses this ` +
            `component, add ${componentId} to \`uses\` in content/organisations/${organisation.id}.yaml.`,
        ),
      );
    }
  }
  if (unknownUsers.length > 0) {
    notes.push(
      info(
        `usedBy also names ${listInWords(unknownUsers.map((user) => quote(user)))}, ` +
          `which ${unknownUsers.length === 1 ? 'is not an organisation' : 'are not organisations'} on the hub by that name. ` +
          `If one is a UK council under another name, add ${componentId} to \`uses\` in its file in content/organisations.`,
      ),
    );
  }

  // Body: the long description, the features and links.
  const sections: string[] = [];
  if (long) sections.push(removeInvisible(long).trim());
  const features = strings(description.features);
  if (features.length > 0) sections.push(`## Features\n\n${features.map((feature) => `- ${feature}`).join('\n')}`);
  const links: string[] = [];
  if (documentation) links.push(`- [Documentation](${documentation})`);
  const api = webAddress(description.apiDocumentation);
  if (api) links.push(`- [API documentation](${api})`);
  used.add('roadmap');
  const roadmap = webAddress(document.roadmap);
  if (roadmap) links.push(`- [Roadmap](${roadmap})`);
  else if (document.roadmap !== undefined) notMapped.push('roadmap (not a web address)');
  if (links.length > 0) sections.push(`## Find out more\n\n${links.join('\n')}`);
  for (const key of Object.keys(description)) if (!usedInDescription.has(key)) notMapped.push(`description.${chosen?.language}.${key}`);

  // 0.5's fundedBy and 0.7's supports have no field; say what they held.
  used.add('fundedBy');
  const funders = Array.isArray(document.fundedBy)
    ? document.fundedBy
        .filter(isFields)
        .map((funder) => oneLine(String(funder.name ?? funder.uri ?? '')))
        .filter(Boolean)
    : [];
  if (document.fundedBy !== undefined) notMapped.push(funders.length > 0 ? `fundedBy (${funders.join('; ')})` : 'fundedBy');
  used.add('supports');
  const supports = Array.isArray(document.supports)
    ? document.supports.map((item) => (isFields(item) ? text(item.id) : text(item))).filter((id): id is string => id !== undefined)
    : [];
  if (document.supports !== undefined) notMapped.push('supports');
  if (supports.length > 0)
    notes.push(
      info(
        `supports lists ${listInWords(supports)}: if any of them is a standard ` +
          'the software follows, name it in `standards`, e.g. WCAG 2.2 AA.',
        'standards',
      ),
    );
  used.add('it');
  if (document.it !== undefined) notMapped.push('it (the Italian country section)');

  for (const key of Object.keys(document)) if (!used.has(key)) notMapped.push(key);

  const body = sections.join('\n\n');
  const record: PlannedRecord = {
    collection: 'components',
    slug,
    format: body ? 'markdown' : 'yaml',
    fields: orderComponentFields(fields),
    ...(body ? { body: `\n${body}\n` } : {}),
    source: name ? quote(name) : 'the publiccode.yml',
    origin: `publiccode.yml (version ${version})`,
    todo,
    notes,
    notMapped,
  };
  if (!options.slug && name && !slugify(name)) {
    notes.push(
      blocker(
        'Not written: the name gives no usable slug (the record’s name in ' +
          'web addresses): give one with --slug, e.g. --slug bin-day-finder.',
      ),
    );
  }
  return { version, record };
}

/** The fields in the order the schema lists them, as in every other record. */
function orderComponentFields(fields: Fields): Fields {
  return Object.fromEntries(
    Object.keys(componentSchema.shape)
      .filter((key) => fields[key] !== undefined)
      .map((key) => [key, fields[key]]),
  );
}
