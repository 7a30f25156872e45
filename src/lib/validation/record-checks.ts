/**
 * Checks that go beyond one field's shape: references to organisations, services, themes, licences and
 * other records; licence openness; dates in order; freshness; what Markdown holds. They read the raw
 * parsed values defensively (a value of the wrong type was already reported by the schema), so that one
 * run reports every problem in a file, not only the first kind.
 */
import { listInWords } from '../format.ts';
import { parseRecordId } from '../record-id.ts';
import { SOFTWARE_KINDS } from '../../../schemas/component.ts';
import type { RecordCollectionName } from '../../../schemas/collections.ts';
import type { LanguageConfig } from '../../../schemas/hub-config.ts';
import type { Licence, Service } from '../../../schemas/reference.ts';
import { isPastReview } from '../freshness.ts';
import type { OrganisationRegister } from '../organisation-register.ts';
import { closestMatch } from '../suggest.ts';
import { htmlStructureWarnings } from './html-warnings.ts';
import { fieldName, type Severity } from './problem.ts';
import type { RuleId } from './rules.ts';

export interface CheckContext {
  /** Every organisation id that has a file, with whether it is a demonstration body (when its file could be read). */
  organisations: ReadonlyMap<string, { demonstration: boolean }>;
  /** Every record id that has a file, e.g. roadmap/fenmoor/garden-waste. */
  recordIds: ReadonlySet<string>;
  /** The theme ids, or undefined when the vocabulary itself is missing or broken (reported once, not per record). */
  themeIds: ReadonlySet<string> | undefined;
  services: ReadonlyMap<number, Service>;
  /**
   * What the hub's service list is called, and its file as the configuration names it, for messages; absent
   * for a hub without a service list (then `services` is empty), and where the caller does not know (a form).
   */
  serviceList?: { name: string; abbreviation: string; file?: string } | 'none';
  licences: ReadonlyMap<string, Licence>;
  /** The licence list's file as the configuration names it, for messages; absent where the caller does not know (a form). */
  licenceList?: string;
  /**
   * The licence of records that name none (hub.config.yaml), suggested as the fix for a licence that will
   * not do; absent where licences are not checked (an organisation's form).
   */
  defaultLicence?: Licence | undefined;
  /** Today's date as YYYY-MM-DD, for freshness warnings. */
  today: string;
  /**
   * The words of the organisation register (organisations in hub.config.yaml): the types and nations
   * organisation files may give, and the official code. Absent where they are not checked (an
   * organisation's form, which does not show them, or a configuration that is itself broken).
   */
  register?: OrganisationRegister;
  /**
   * The hub's languages (hub.config.yaml), the main one first: what `translations` may be in. Absent where
   * they are not checked (a configuration that is itself broken).
   */
  languages?: readonly LanguageConfig[];
}

export interface Finding {
  rule: RuleId;
  severity?: Severity;
  /** The field's path; [] for the whole file. */
  path: readonly PropertyKey[];
  /** Point at the field name rather than its value. */
  key?: boolean;
  message: string;
  found?: string;
  expected?: string;
  fix?: string;
}

export type Report = (finding: Finding) => void;

type Fields = Record<string, unknown>;

/** The string items of a list field, with their positions; anything else was reported by the schema. */
function stringItems(value: unknown): [number, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (typeof item === 'string' ? [[index, item] as [number, string]] : []));
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Fields that hold organisation ids. */
const ORGANISATION_REFERENCES = new Set(['partners', 'county', 'combined_authority']);

/** Fields that hold record ids, with the collections they may point into ([]: any). */
const RECORD_REFERENCES: Record<string, readonly string[]> = {
  reuses: ['components'],
  uses: ['components'],
  related: [],
  adopted_from: ['principles'],
};

function didYouMean(match: string | undefined): string | undefined {
  return match ? `did you mean \`${match}\`?` : undefined;
}

function closestRecordId(id: string, collections: readonly string[], context: CheckContext): string | undefined {
  const withCollection = collections.map((collection) => `${collection}/${id}`).find((candidate) => context.recordIds.has(candidate));
  if (withCollection) return withCollection;
  const candidates = [...context.recordIds].filter((candidate) => collections.includes(candidate.slice(0, candidate.indexOf('/'))));
  return closestMatch(id, candidates);
}

/**
 * A "did you mean" for a value of a reference field that names nothing, from what the hub holds.
 * Used for values that break the format (reported by the schema) and for well-formed ones that match
 * nothing (reported here), so both get the same suggestion.
 */
export function suggestReference(field: string, value: unknown, context: CheckContext): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (ORGANISATION_REFERENCES.has(field)) return didYouMean(closestMatch(value, context.organisations.keys()));
  if (field === 'themes' || field === 'service_area')
    return context.themeIds ? didYouMean(closestMatch(value, context.themeIds)) : undefined;
  if (field === 'licence') {
    const sameLetters = [...context.licences.keys()].find((id) => id.toLowerCase() === value.toLowerCase());
    return sameLetters ? `write \`${sameLetters}\`` : didYouMean(closestMatch(value, context.licences.keys()));
  }
  const collections = RECORD_REFERENCES[field];
  return collections ? didYouMean(closestRecordId(value, collections, context)) : undefined;
}

/** The reference field a path is in: ['partners', 2] → partners; ['systems', 0, 'service_area'] → service_area. */
export function referenceField(path: readonly PropertyKey[]): string {
  if (path[0] === 'systems' && path[2] === 'service_area') return 'service_area';
  return String(path[0] ?? '');
}

function isDemonstration(organisation: string, context: CheckContext): boolean {
  return context.organisations.get(organisation)?.demonstration === true;
}

/**
 * Demonstration content and real content never point at each other: a fictional body must not be
 * shown working with a real one, nor a real council shown using fictional work.
 */
function checkMixing(
  field: string,
  path: PropertyKey[],
  ownerIsDemonstration: boolean | undefined,
  target: string,
  targetOwner: string,
  context: CheckContext,
  report: Report,
): void {
  // An unknown owner was reported already; whether it is a demonstration body cannot be known.
  if (
    ownerIsDemonstration === undefined ||
    !context.organisations.has(targetOwner) ||
    isDemonstration(targetOwner, context) === ownerIsDemonstration
  )
    return;
  report({
    rule: 'demonstration/mixed',
    path,
    message: ownerIsDemonstration
      ? `this demonstration record names \`${target}\`, which belongs to a real organisation, in ` +
        `\`${field}\`: invented work must never be attributed to, or linked with, a real body.`
      : `\`${field}\` names \`${target}\`, which belongs to a demonstration ` +
        '(fictional) organisation: real records must not refer to invented ones.',
    found: target,
    fix: ownerIsDemonstration ? 'refer only to demonstration organisations and their records' : 'remove it',
  });
}

function checkOrganisationRef(
  field: string,
  path: PropertyKey[],
  id: string,
  ownerIsDemonstration: boolean | undefined,
  context: CheckContext,
  report: Report,
): void {
  if (!SLUG.test(id)) return; // the schema reported the format, with the same suggestion
  if (!context.organisations.has(id)) {
    report({
      rule: 'reference/organisation',
      path,
      message: `\`${field}\` names the organisation \`${id}\`, but there is no content/organisations/${id}.yaml.`,
      found: id,
      expected: 'the id of an organisation in content/organisations',
      fix:
        suggestReference(field, id, context) ??
        'check the id on the organisation’s page, or add the organisation first with npm run new -- organisations <id>',
    });
    return;
  }
  checkMixing(field, path, ownerIsDemonstration, id, id, context, report);
}

function checkRecordRefs(
  field: string,
  value: unknown,
  selfId: string,
  ownerIsDemonstration: boolean | undefined,
  context: CheckContext,
  report: Report,
): void {
  const collections = RECORD_REFERENCES[field];
  const list = typeof value === 'string' ? [[-1, value] as [number, string]] : stringItems(value);
  for (const [index, id] of list) {
    const path = index === -1 ? [field] : [field, index];
    const parts = parseRecordId(id);
    if (!parts || (collections.length > 0 && !collections.includes(parts.collection))) continue; // reported by the schema
    if (id === selfId) {
      report({ rule: 'reference/self', path, message: `\`${field}\` refers to this record itself.`, found: id, fix: 'remove it' });
      continue;
    }
    if (!context.recordIds.has(id)) {
      report({
        rule: 'reference/record',
        path,
        message:
          `\`${field}\` names \`${id}\`, but there is no ` +
          `such ${collections.length === 1 ? collections[0].replace(/s$/, '') : 'record'} on the hub.`,
        found: id,
        expected:
          `the id of a record, written ${collections.length === 1 ? collections[0] : '<collection>'}/<organisation>/<slug> ` +
          'as in its page address',
        fix: suggestReference(field, id, context) ?? 'copy the id from the record’s page address on the hub',
      });
      continue;
    }
    checkMixing(field, path, ownerIsDemonstration, id, id.split('/')[1], context, report);
  }
}

function checkLicence(value: unknown, rule: 'open' | 'osi', what: string, context: CheckContext, report: Report): void {
  if (typeof value !== 'string') return;
  const licence = context.licences.get(value);
  if (!licence) {
    report({
      rule: 'reference/licence',
      path: ['licence'],
      message: `\`licence\` is \`${value}\`, which is not a licence id the hub knows.`,
      found: value,
      expected: `an SPDX licence id from ${context.licenceList ?? 'the hub’s licence list'}`,
      fix:
        suggestReference('licence', value, context) ??
        (context.defaultLicence
          ? `use ${context.defaultLicence.id} (the ${context.defaultLicence.name}) unless the record is under another open licence`
          : `use an open licence from ${context.licenceList ?? 'the hub’s licence list'}`),
    });
    return;
  }
  if (rule === 'osi' && !licence.osiApproved) {
    report({
      rule: 'licence/not-osi',
      path: ['licence'],
      message: `\`licence\` is ${licence.name} (\`${licence.id}\`), which is not approved by the Open Source Initiative; ${what}.`,
      found: licence.id,
      expected: 'an OSI-approved licence, e.g. MIT, Apache-2.0, EUPL-1.2, AGPL-3.0-or-later',
      fix: 'use an OSI-approved licence such as MIT, or if this is not software, change `kind`',
    });
  } else if (rule === 'open' && !licence.open) {
    report({
      rule: 'licence/not-open',
      path: ['licence'],
      message: `\`licence\` is ${licence.name} (\`${licence.id}\`), which is not an open licence; ${what}.`,
      found: licence.id,
      expected: 'an open licence, e.g. OGL-UK-3.0, CC-BY-4.0, CC0-1.0, ODbL-1.0',
      fix: context.defaultLicence
        ? `use ${context.defaultLicence.id}, the ${context.defaultLicence.name}, unless you have reason not to`
        : 'use an open licence, such as CC-BY-4.0',
    });
  }
}

/** Service ids in a `services` list; `at` is where the list is, ['services'] on a record, ['systems', 0, 'services'] in a system. */
function checkServices(value: unknown, context: CheckContext, report: Report, at: readonly PropertyKey[] = SERVICES_PATH): void {
  if (!Array.isArray(value)) return;
  const list = context.serviceList;
  if (list === 'none') {
    if (value.length > 0)
      report({
        rule: 'reference/service',
        path: at,
        message: `\`${fieldName(at)}\` lists services, but this hub has no service list to check them against.`,
        fix: `remove \`${fieldName(at)}\`, and say what the work is about with themes`,
      });
    return;
  }
  for (let index = 0; index < value.length; index++) {
    const id: unknown = value[index];
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || context.services.has(id)) continue;
    const file = list?.file ? ` in ${list.file}` : '';
    report({
      rule: 'reference/service',
      path: [...at, index],
      message: `\`${fieldName(at)}\` lists ${id}, which is not in the ${list?.name ?? 'hub’s service list'}.`,
      found: String(id),
      expected: `an id from the ${list?.name ?? 'hub’s service list'}${file}`,
      fix: `look the service up by name${file || ' in the list'} and use its id`,
    });
  }
}

const SERVICES_PATH: readonly PropertyKey[] = ['services'];

function unknownTheme(theme: string, context: CheckContext): boolean {
  return context.themeIds !== undefined && SLUG.test(theme) && !context.themeIds.has(theme);
}

function checkThemes(value: unknown, context: CheckContext, report: Report): void {
  for (const [index, theme] of stringItems(value)) {
    if (!unknownTheme(theme, context)) continue;
    report({
      rule: 'reference/theme',
      path: ['themes', index],
      message: `\`themes\` lists \`${theme}\`, which is not a theme in content/vocabularies/themes.yaml.`,
      found: theme,
      expected: 'a theme id from content/vocabularies/themes.yaml',
      fix: suggestReference('themes', theme, context) ?? 'pick a theme from content/vocabularies/themes.yaml, or propose a new one there',
    });
  }
}

const YEAR_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/**
 * An organisation's systems: each service area is a theme, each service is in the LGSL, and no contract
 * ends before it starts. Items that are not groups of fields were reported by the schema.
 */
function checkSystems(value: unknown, context: CheckContext, report: Report): void {
  if (!Array.isArray(value)) return;
  value.forEach((system: unknown, index) => {
    if (!system || typeof system !== 'object' || Array.isArray(system)) return;
    const { service_area: area, services, contract_start: start, contract_end: end } = system as Fields;
    const at = ['systems', index];
    if (typeof area === 'string' && unknownTheme(area, context)) {
      const field = fieldName([...at, 'service_area']);
      report({
        rule: 'reference/theme',
        path: [...at, 'service_area'],
        message: `\`${field}\` is \`${area}\`, which is not a theme in content/vocabularies/themes.yaml.`,
        found: area,
        expected: 'a theme id from content/vocabularies/themes.yaml, naming the kind of service the system supports',
        fix:
          suggestReference('service_area', area, context) ??
          'pick the theme closest to the service the system supports, e.g. ' +
            'council-tax-and-benefits or waste-and-recycling, from content/vocabularies/themes.yaml',
      });
    }
    checkServices(services, context, report, [...at, 'services']);
    if (typeof start === 'string' && typeof end === 'string' && YEAR_MONTH.test(start) && YEAR_MONTH.test(end) && end < start) {
      report({
        rule: 'dates/end-before-start',
        path: [...at, 'contract_end'],
        message: `\`${fieldName([...at, 'contract_end'])}\` (${end}) is before \`contract_start\` (${start}).`,
        found: end,
        expected: `a month on or after ${start}`,
        fix: 'check the two months against your contracts register: one of them is probably mistyped',
      });
    }
  });
}

/** Finds the first match in a body, as RegExp.prototype.exec does. */
interface Matcher {
  exec(body: string): { index: number; 0: string } | null;
}

/**
 * The first tag with an event-handler attribute, as /<[a-z][^>]*\son[a-z]+\s*=/i finds it, in linear
 * time. That expression reads on from every `<` to the next `>`, so a body of `<a` repeated with no `>`
 * took minutes (tests/hostile). A tag that starts inside one already read ends at the same `>`, so each
 * stretch of text is read once.
 */
const EVENT_HANDLER: Matcher = {
  exec(body) {
    const start = /<[a-z]/gi;
    for (let tag = start.exec(body); tag; tag = start.exec(body)) {
      const end = body.indexOf('>', tag.index);
      const match = /^<[a-z][^>]*\son[a-z]+\s*=/i.exec(body.slice(tag.index, end === -1 ? body.length : end));
      if (match) return { index: tag.index, 0: match[0] };
      if (end === -1) return null;
      start.lastIndex = end + 1;
    }
    return null;
  },
};

/**
 * Patterns in Markdown that the build's sanitiser removes; worth a warning so the author knows. Each runs
 * in linear time: a link definition's indent is [ \t]*, not \s*, which read every following blank line
 * again from each line start.
 */
const UNSAFE_MARKDOWN: [Matcher, string][] = [
  [/<script\b/i, 'a <script> element'],
  [/<iframe\b/i, 'an <iframe>'],
  [/<(?:object|embed)\b/i, 'an embedded object'],
  [/<style\b/i, 'a <style> element'],
  [/<form\b/i, 'a form'],
  [/<meta\b/i, 'a <meta> element'],
  [EVENT_HANDLER, 'an event handler attribute (on…=)'],
  [
    /(?:\]\(\s*<?|href\s*=\s*["']?\s*|src\s*=\s*["']?\s*|<|^[ \t]*\[[^\]\n]+\]:\s*<?)(?:javascript|vbscript|data)\s*:/im,
    'a link to a javascript:, vbscript: or data: address',
  ],
];

/** What npm run new writes where a person has to fill something in; `REPLACE-THIS` appears in web addresses. */
export const PLACEHOLDER = 'REPLACE THIS';
const PLACEHOLDER_PATTERN = /REPLACE[ -]THIS/;

/**
 * What every pattern above needs: a `<`, or a javascript:, vbscript: or data: address. One scan of a
 * body without either (most of them) saves the eight scans, which were an eighth of the validator's
 * time at 25,000 records.
 */
const MAY_BE_UNSAFE = /<|(?:javascript|vbscript|data)\s*:/i;

/**
 * Warnings about a Markdown body; `offset` is where the body starts in the file, and `lineAt` gives the
 * line of an offset in the file, for messages that name the line of another tag (asked only when there
 * is such a message: most bodies have none, and indexing every file's lines cost the validator time).
 */
export function checkBody(
  body: string,
  offset: number,
  reportAt: (offset: number, finding: Finding) => void,
  lineAt: (offset: number) => number = () => 1,
): void {
  for (const [pattern, what] of MAY_BE_UNSAFE.test(body) ? UNSAFE_MARKDOWN : []) {
    const match = pattern.exec(body);
    if (!match) continue;
    reportAt(offset + match.index, {
      rule: 'content/unsafe-html',
      severity: 'warning',
      path: [],
      message: `the text holds ${what}, which is removed when the site is built.`,
      found: match[0],
      fix: 'remove it: write the text in plain Markdown, and link only to https:// addresses',
    });
  }
  for (const warning of htmlStructureWarnings(body, () => lineAt(offset))) reportAt(offset + warning.offset, warning.finding);
  const placeholder = body.search(PLACEHOLDER_PATTERN);
  if (placeholder !== -1) {
    reportAt(offset + placeholder, {
      rule: 'content/placeholder',
      severity: 'warning',
      path: [],
      message: `the text still holds the placeholder “${PLACEHOLDER}” from npm run new.`,
      fix: 'write your own text in its place',
    });
  }
}

/**
 * Every string anywhere in the fields. `path` is one array, pushed and popped on the way down (a
 * record's walk made a new array for every field it passed, most of the work and of the garbage); a
 * finding gets its own copy.
 */
function checkPlaceholders(value: unknown, path: PropertyKey[], report: Report): void {
  if (typeof value === 'string') {
    if (PLACEHOLDER_PATTERN.test(value)) {
      report({
        rule: 'content/placeholder',
        severity: 'warning',
        path: [...path],
        message: `\`${String(path.at(-1))}\` still holds the placeholder “${PLACEHOLDER}” from npm run new.`,
        fix: 'write your own text in its place',
      });
    }
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      checkPlaceholders(value[index], path, report);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      checkPlaceholders((value as Record<string, unknown>)[key], path, report);
      path.pop();
    }
  }
}

export interface RecordIdentity {
  collection: RecordCollectionName;
  organisation: string;
  slug: string;
  id: string;
}

/**
 * Translations under the codes of the hub's other languages only. The schema takes any well-formed code,
 * since which languages a hub has is its configuration's; here a code it does not have, or its main
 * language (whose words belong in the fields themselves), is refused, with the code it probably meant.
 */
function checkTranslations(value: unknown, context: CheckContext, report: Report): void {
  const languages = context.languages;
  if (!languages || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const [main, ...others] = languages;
  const otherCodes = others.map((language) => language.code);
  for (const code of Object.keys(value)) {
    if (otherCodes.includes(code)) continue;
    const sameLetters = otherCodes.find((other) => other.toLowerCase() === code.toLowerCase());
    const isMain = code.toLowerCase() === main.code.toLowerCase() || code.toLowerCase() === main.code.split('-')[0].toLowerCase();
    report({
      rule: 'reference/language',
      path: ['translations', code],
      message: isMain
        ? `\`${code}\` is the hub's main language (${main.name}): its words go in the fields themselves, not under translations.`
        : `\`${code}\` is not one of this hub's other languages` +
          `${others.length ? ` (${others.map((language) => `${language.code}, ${language.name}`).join('; ')})` : ': it has none'}.`,
      found: code,
      fix: isMain
        ? 'move them up into title and summary (or name and official_name), or remove them'
        : sameLetters
          ? `write \`${sameLetters}\``
          : others.length
            ? `use ${otherCodes.map((other) => `\`${other}\``).join(' or ')}, ` +
              "or ask the hub's maintainers to add the language to languages in hub.config.yaml"
            : "remove the translations, or ask the hub's maintainers to add the language to languages in hub.config.yaml",
    });
  }
}

export function checkRecord(record: RecordIdentity, fields: Fields, context: CheckContext, report: Report): void {
  const { collection, organisation, id } = record;
  const owner = context.organisations.get(organisation);
  if (!owner) {
    const closest = closestMatch(organisation, context.organisations.keys());
    report({
      rule: 'reference/organisation',
      path: [],
      message:
        `the folder \`${organisation}\` should be the id of the organisation this ${collection} ` +
        `record belongs to, but there is no content/organisations/${organisation}.yaml.`,
      found: organisation,
      expected: 'an organisation id from content/organisations',
      fix: closest
        ? `did you mean \`${closest}\`? Move the file to content/${collection}/${closest}/`
        : 'move the file into your organisation’s folder, or add the organisation first with npm run new -- organisations <id>',
    });
  }
  const demonstration = owner?.demonstration;

  checkServices(fields.services, context, report);
  checkThemes(fields.themes, context, report);
  checkTranslations(fields.translations, context, report);
  checkPlaceholders(fields, [], report);

  if (collection === 'components') {
    const software = typeof fields.kind === 'string' && SOFTWARE_KINDS.has(fields.kind);
    checkLicence(
      fields.licence,
      software ? 'osi' : 'open',
      software ? 'code shared on the hub must be open source' : 'everything shared on the hub must be open',
      context,
      report,
    );
  } else if (collection === 'datasets') {
    checkLicence(fields.licence, 'open', 'datasets on the hub must be open data', context, report);
  } else {
    checkLicence(fields.licence, 'open', 'everything shared on the hub must be open', context, report);
  }

  for (const [index, partner] of stringItems(fields.partners)) {
    if (partner === organisation) {
      report({
        rule: 'reference/self',
        path: ['partners', index],
        message: '`partners` names the organisation that owns this record.',
        found: partner,
        fix: 'remove it: list only the other bodies you work with',
      });
      continue;
    }
    checkOrganisationRef('partners', ['partners', index], partner, demonstration, context, report);
  }
  for (const field of ['reuses', 'related', 'adopted_from']) checkRecordRefs(field, fields[field], id, demonstration, context, report);

  if (
    typeof fields.start === 'string' &&
    typeof fields.end === 'string' &&
    /^\d{4}-\d{2}$/.test(fields.start) &&
    fields.end < fields.start
  ) {
    report({
      rule: 'dates/end-before-start',
      path: ['end'],
      message: `\`end\` (${fields.end}) is before \`start\` (${fields.start}).`,
      found: fields.end,
      expected: `a month on or after ${fields.start}`,
      fix: 'check the two months: one of them is probably mistyped',
    });
  }

  // The harvest writes both; one without the other means a hand edit went half way.
  if ((fields.harvested_from === undefined) !== (fields.harvested_on === undefined)) {
    const present = fields.harvested_from !== undefined ? 'harvested_from' : 'harvested_on';
    const missing = present === 'harvested_from' ? 'harvested_on' : 'harvested_from';
    report({
      rule: 'harvest/provenance',
      path: [present],
      message: `\`${present}\` is here without \`${missing}\`: the harvest sets the two together.`,
      found: String(fields[present]),
      fix:
        'to look after this record by hand (so that the harvest leaves it ' +
        `alone), delete \`${present}\` too; otherwise put back \`${missing}\``,
    });
  }

  if (collection === 'roadmap' && typeof fields.review_by === 'string' && isPastReview(fields.review_by, context.today)) {
    report({
      rule: 'freshness/review-due',
      severity: 'warning',
      path: ['review_by'],
      message: `this roadmap item was due for review on ${fields.review_by}, so the hub shows it as out of date.`,
      found: fields.review_by,
      fix: 'check the item is still right (status, dates, contact), then set review_by to a later date',
    });
  }
}

/**
 * A value of an organisation file that must be one of the register's ids (type, nation): said as the schema
 * says a word not in its list.
 */
function checkRegisterWord(field: 'type' | 'nation', value: unknown, ids: ReadonlyMap<string, unknown>, report: Report): void {
  if (typeof value !== 'string' || ids.has(value)) return;
  const list = [...ids.keys()];
  const written = value
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');
  const sameLetters = list.find((id) => id === written);
  report({
    rule: 'schema/enum',
    path: [field],
    message:
      list.length === 0
        ? `\`${field}\` is "${value}", but this hub lists no ${field === 'type' ? 'types' : 'nations'}.`
        : `\`${field}\` is "${value}"; expected one of: ${list.join(', ')}.`,
    found: value,
    expected: list.join(', '),
    fix:
      list.length === 0
        ? `remove \`${field}\`, or add it to organisations in hub.config.yaml`
        : ((sameLetters
            ? `write \`${sameLetters}\``
            : // A close spelling, else an id with the value as one of its words (county → county-council).
              didYouMean(closestMatch(value, list) ?? list.find((id) => id.split('-').includes(value)))) ??
          `use one of the ${field === 'type' ? 'types' : 'nations'} listed under organisations in hub.config.yaml`),
  });
}

export function checkOrganisation(id: string, fields: Fields, context: CheckContext, report: Report): void {
  void id;
  checkTranslations(fields.translations, context, report);
  const register = context.register;
  if (register) {
    checkRegisterWord('type', fields.type, register.types, report);
    checkRegisterWord('nation', fields.nation, register.nations, report);
    const code = register.code;
    const registered = typeof fields.type === 'string' && register.types.get(fields.type)?.registered === true;
    if (registered && code && fields.gss_code === undefined) {
      report({
        rule: 'organisation/gss-required',
        path: ['type'],
        message: `a ${fields.type as string} needs its ${code.name}, but \`gss_code\` is missing.`,
        expected: `a ${code.name} such as ${code.example}`,
        fix: `add gss_code: find it in ${code.where}`,
      });
    }
    if (typeof fields.gss_code === 'string') {
      if (!code) {
        report({
          rule: 'schema/format',
          path: ['gss_code'],
          message: `\`gss_code\` is ${fields.gss_code}, but this hub has no official code for bodies to give.`,
          found: fields.gss_code,
          fix: 'remove gss_code, or describe the code under organisations.code in hub.config.yaml',
        });
      } else if (!code.regex.test(fields.gss_code)) {
        report({
          rule: 'schema/format',
          path: ['gss_code'],
          message: `\`gss_code\` is "${fields.gss_code}"; expected a ${code.name}: ${code.format}, e.g. ${code.example}.`,
          found: fields.gss_code,
          expected: `a ${code.name}: ${code.format}, e.g. ${code.example}`,
          fix: `copy the code from ${code.where}`,
        });
      } else if (typeof fields.nation === 'string' && register.nations.has(fields.nation)) {
        // The nation whose codes start as this one does; codes no nation claims (K, for Great Britain) are not checked.
        const gss = fields.gss_code;
        const nation = [...register.nations.values()].find((candidate) => candidate.code && gss.startsWith(candidate.code));
        if (nation && nation.id !== fields.nation) {
          const coded = [...register.nations.values()].filter((candidate) => candidate.code);
          const starts = coded.map((candidate) => `${candidate.code!} in ${candidate.label}`);
          report({
            rule: 'organisation/gss-nation',
            path: ['gss_code'],
            message:
              `\`gss_code\` ${gss} starts with ${nation.code!}, ` +
              `the ${nation.code!.length === 1 ? 'letter' : 'code'} for ${nation.id}, but \`nation\` is ${fields.nation}.`,
            found: gss,
            fix: `check both: ${code.name}s start with ` + listInWords(starts),
          });
        }
      }
    }
  }
  const demonstration = fields.demonstration === true;
  for (const field of ['county', 'combined_authority'] as const) {
    if (typeof fields[field] === 'string') checkOrganisationRef(field, [field], fields[field], demonstration, context, report);
  }
  checkRecordRefs('uses', fields.uses, '', demonstration, context, report);
  checkSystems(fields.systems, context, report);
  checkPlaceholders(fields, [], report);
}
