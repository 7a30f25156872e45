/**
 * Field schemas shared by every record type. Each one carries, as its error message, the plain-English
 * description of what is expected ("a month written as YYYY-MM, e.g. 2026-04"), which the validator puts
 * after what it found. Keep these free of file-system access: the same modules run in Node scripts, in
 * Astro's content config and (later) in the browser.
 */
import { z } from 'zod';

/** Characters that hide or reorder text: C0/C1 controls (except tab and newline), zero-width and bidirectional controls. */
const INVISIBLE_OR_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function describeCharacter(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) return '';
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return ` (found the invisible character U+${code} at character ${match.index + 1})`;
}

/** Text on one line, such as a title or a name. */
export function singleLine(max: number) {
  return z
    .string({ error: 'text' })
    .min(1, { error: 'some text: it is empty' })
    .max(max, { error: (issue) => `at most ${max} characters (this has ${String(issue.input).length})` })
    .refine((text) => !LINE_BREAK.test(text), { error: 'text on a single line' })
    .refine((text) => !INVISIBLE_OR_CONTROL.test(text), {
      error: (issue) =>
        `text without control, zero-width or direction-changing characters${describeCharacter(String(issue.input), INVISIBLE_OR_CONTROL)}`,
    });
}

/** Plain text that may run over several lines, such as a summary. Markdown is not rendered in it. */
export function plainText(max: number) {
  return z
    .string({ error: 'text' })
    .min(1, { error: 'some text: it is empty' })
    .max(max, { error: (issue) => `at most ${max} characters (this has ${String(issue.input).length})` })
    .refine((text) => !INVISIBLE_OR_CONTROL.test(text), {
      error: (issue) =>
        `text without control, zero-width or direction-changing characters${describeCharacter(String(issue.input), INVISIBLE_OR_CONTROL)}`,
    });
}

export const title = singleLine(150).meta({
  title: 'Title',
  description: 'A short name for the record, as people would search for it. At most 150 characters.',
  examples: ['Garden waste subscriptions online'],
});

export const summary = plainText(500).meta({
  title: 'Summary',
  description: 'One or two plain sentences saying what this is and why it matters. At most 500 characters; no Markdown.',
  examples: ['Letting residents subscribe to and renew garden waste collection online, with automatic renewal reminders.'],
});

/** A language's code (BCP 47), as hub.config.yaml's `languages` lists them: cy, ga, en-GB, nl. */
export const languageCode = z
  .string({ error: 'a language code, e.g. cy for Welsh or ga for Irish' })
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
    error: 'a language code: two or three lowercase letters, then any region after a hyphen, e.g. cy, ga or en-GB',
  });

/**
 * What a record or an organisation says in the hub's other languages (hub.config.yaml's `languages`, after
 * the first), one entry a language: `translations: { cy: { title: …, summary: … } }`. One field for every
 * language, rather than a pair of fields for each (title_cy, summary_cy), so that a hub in Ireland takes
 * Irish, and one in Wales Welsh, with the same schema. Which languages a hub takes is its configuration's,
 * so the validator checks the codes (record-checks.ts), not the schema.
 */
export function translations<Shape extends z.ZodRawShape>(shape: Shape, example: Record<string, Record<string, string>>) {
  const fields = Object.keys(shape).join(' and ');
  return z
    .record(
      languageCode,
      z
        .strictObject(shape)
        .refine((entry) => Object.keys(entry).length > 0, { error: `at least one of ${fields}: this language's entry is empty` })
        .meta({ title: 'Translation', description: `The ${fields} in this language.` }),
    )
    .meta({
      title: 'Translations',
      description:
        `The ${fields} in the hub's other languages, under each language's code as hub.config.yaml lists it, for bodies that ` +
        "publish in more than one. Keep the main language's in the fields above.",
      examples: [example],
    });
}

/** The title and summary of a record in the hub's other languages. */
export const recordTranslations = translations(
  {
    title: singleLine(150)
      .optional()
      .meta({ title: 'Title', description: 'The title in this language.', examples: ['Tanysgrifiadau gwastraff gardd ar-lein'] }),
    summary: plainText(500).optional().meta({ title: 'Summary', description: 'The summary in this language.' }),
  },
  { cy: { title: 'Tanysgrifiadau gwastraff gardd ar-lein' } },
);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_PART = '[a-z0-9]+(?:-[a-z0-9]+)*';

export const organisationId = z
  .string({ error: 'an organisation id (the name of its file in content/organisations, without .yaml)' })
  .max(80, { error: 'an organisation id of at most 80 characters' })
  .regex(SLUG, { error: 'an organisation id: lowercase letters, digits and hyphens, e.g. redcar-and-cleveland' })
  .meta({ description: 'An organisation id: the name of its file in content/organisations, without .yaml.', examples: ['hartlepool'] });

export const themeId = z
  .string({ error: 'a theme id from content/vocabularies/themes.yaml' })
  .regex(SLUG, {
    error: 'a theme id from content/vocabularies/themes.yaml: lowercase letters, digits and hyphens, e.g. waste-and-recycling',
  })
  .meta({ description: 'A theme id from content/vocabularies/themes.yaml.', examples: ['waste-and-recycling'] });

/** A service's id in the hub's service list (hub.config.yaml: in the UK hub, the Local Government Service List). */
export const serviceId = z
  .int({ error: 'a service id from the hub’s service list: a whole number such as 524' })
  .positive({ error: 'a service id from the hub’s service list: a whole number above 0' })
  .meta({
    description: 'A service’s id in the hub’s service list: the file hub.config.yaml names under services.',
    examples: [524],
  });

export const licenceId = z
  .string({ error: 'an SPDX licence id from data/reference/licences.csv, e.g. OGL-UK-3.0' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/, { error: 'an SPDX licence id from data/reference/licences.csv, e.g. OGL-UK-3.0 or MIT' })
  .meta({ title: 'Licence', description: 'An SPDX licence id from data/reference/licences.csv.', examples: ['OGL-UK-3.0'] });

/** The licence of any record that does not name one: the Open Government Licence v3.0. */
export const DEFAULT_LICENCE = 'OGL-UK-3.0';

/** The licence of a record's text, when it is not the hub's default. */
export const contentLicence = licenceId.meta({
  title: 'Licence',
  description:
    'The licence of this record, as an SPDX id from the hub’s licence list. Leave it out for the hub’s ' +
    'default licence (defaultLicence in hub.config.yaml). It must be an open licence.',
  examples: ['OGL-UK-3.0'],
});

/**
 * Builds the id pattern of records in the given collections, e.g. `components/fenmoor/bin-day-finder`;
 * without collections, a record of any (the validator then checks the record exists, which it must anyway).
 */
export function recordIdOf(collections: readonly string[] | undefined, example: string) {
  const pattern = new RegExp(`^(?:${collections ? collections.join('|') : SLUG_PART})/${SLUG_PART}/${SLUG_PART}$`);
  const only = collections?.length === 1 ? collections[0] : undefined;
  const what = only ? `a ${only.replace(/s$/, '')} id` : 'a record id';
  return z
    .string({ error: `${what}, written <collection>/<organisation>/<slug>, e.g. ${example}` })
    .regex(pattern, {
      error: `${what}, written ${only ?? '<collection>'}/<organisation>/<slug>, e.g. ${example}`,
    })
    .meta({
      description: `${what[0].toUpperCase()}${what.slice(1)}: the collection, organisation and slug from the record's path.`,
      examples: [example],
    });
}

export const componentId = recordIdOf(['components'], 'components/fenmoor/bin-day-finder');
export const principleId = recordIdOf(['principles'], 'principles/fenmoor/start-with-user-needs');
// Any collection, so that the list of collections is written once (schemas/collections.ts, which imports this file).
export const anyRecordId = recordIdOf(undefined, 'lessons/fenmoor/chatbot-pilot');

/** A web address. Only http and https: `javascript:`, `data:` and other schemes never reach a page. */
export const webUrl = z
  .url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'a full web address starting https:// (or http://), e.g. https://www.example.gov.uk/page',
  })
  .max(2000, { error: 'a web address of at most 2,000 characters' })
  .meta({ format: 'uri', pattern: '^https?://', examples: ['https://www.example.gov.uk/page'] });

/** A web address that must be https: addresses the hub's own tools fetch, which must not travel in the clear. */
export const httpsUrl = z
  .url({
    protocol: /^https$/,
    hostname: z.regexes.domain,
    error: 'a full web address starting https://, e.g. https://data.example.gov.uk/',
  })
  .max(2000, { error: 'a web address of at most 2,000 characters' })
  .meta({ format: 'uri', pattern: '^https://', examples: ['https://data.example.gov.uk/'] });

export const emailAddress = z.email({ error: 'an email address, e.g. digital@example.gov.uk' }).max(254);

/**
 * mailto:, an address, and a domain with a dot inside it. The domain is checked to the end once, by the
 * lookahead, and then searched for its dot: [^\s@]+\.[^\s@]+$ tried every dot against the rest of the
 * text, which took tens of seconds on a long value (tests/hostile).
 */
const mailtoUrl = z
  .string()
  .regex(/^mailto:[^\s@]+@(?=[^\s@]+$)[^\s@]+?\.[^\s@]/i, { error: 'a mailto: address, e.g. mailto:digital@example.gov.uk' });

/** How to reach the people behind a record: a team mailbox is better than a person's address. */
export const contact = z
  .union([emailAddress, mailtoUrl, webUrl], {
    error: 'an email address (e.g. digital@example.gov.uk) or a web address starting https://',
  })
  .meta({
    title: 'Contact',
    description:
      'How to get in touch: a team email address or a web page with a contact form. Prefer a shared mailbox to a personal address.',
    examples: ['digital@example.gov.uk'],
  });

export const yearMonth = z
  .string({ error: 'a month written as YYYY-MM, e.g. 2026-04' })
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { error: 'a month written as YYYY-MM, e.g. 2026-04' })
  .meta({ examples: ['2026-04'] });

export const isoDate = z.iso.date({ error: 'a date written as YYYY-MM-DD, e.g. 2026-04-30' }).meta({ examples: ['2026-04-30'] });

/** Set by npm run harvest on the records it writes (see CONTRIBUTING.md, "Being harvested"). */
export const harvestedFrom = httpsUrl.meta({
  title: 'Harvested from',
  description:
    'Set by the weekly harvest, not by hand: the address of what this record was made from (a repository, ' +
    'a publiccode.yml or a dataset). While it is here the harvest keeps the record in step with it; ' +
    'delete it and harvested_on to look after the record yourself, and the harvest will leave it alone.',
  examples: ['https://github.com/example-council/bin-day-finder'],
});

export const harvestedOn = isoDate.meta({
  title: 'Harvested on',
  description: 'Set by the weekly harvest, not by hand: the day the record last changed to match its source, as YYYY-MM-DD.',
  examples: ['2026-12-07'],
});

/** The fields only the harvest sets: forms leave them out. */
export const HARVEST_FIELDS: ReadonlySet<string> = new Set(['harvested_from', 'harvested_on']);

/** A GitHub user (`octocat`) or team (`fenmoor-council/digital-team`), with or without a leading @. */
export const githubHandle = z
  .string({ error: 'a GitHub user name or team, e.g. octocat or @fenmoor-council/digital' })
  .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,99})?$/, {
    error: 'a GitHub user name or team, e.g. octocat or @fenmoor-council/digital',
  })
  .meta({ examples: ['@fenmoor-council/digital'] });

/** A list with no repeats: a repeated service or theme is almost always a copy-and-paste slip. */
export function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item, { error: 'a list, e.g. [a, b] or one item per line starting with -' })
    .max(max, { error: `a list of at most ${max} items` })
    .refine((items) => new Set(items.map((value) => JSON.stringify(value))).size === items.length, {
      error: 'a list without repeats',
    });
}

export const services = uniqueList(serviceId, 30).meta({
  title: 'Services',
  description:
    'The ids of the services this is about, from the hub’s service list (the file hub.config.yaml names under services), ' +
    'so that people working on the same service find it.',
  examples: [[524, 530]],
});

export const themes = uniqueList(themeId, 10).meta({
  title: 'Themes',
  description: 'Theme ids from content/vocabularies/themes.yaml.',
  examples: [['waste-and-recycling']],
});
