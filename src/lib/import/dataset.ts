/**
 * One dataset, as CKAN or DCAT describe it, to a dataset record. ckan.ts and dcat.ts each read their
 * format into a SourceDataset (the raw values, still unchecked); mapDataset makes the record from it,
 * the same way for both, and notes everything a person should check.
 */
import { datasetSchema } from '../../../schemas/dataset.ts';
import type { Licence } from '../../../schemas/reference.ts';
import { dateInWords, monthInWords } from '../format.ts';
import { slugify } from '../slug.ts';
import { organisationNamed } from './organisations.ts';
import { datasetLicence, licenceAdvice } from './licence.ts';
import { listInWords } from '../format.ts';
import { oneLine, quote, shorten, toPlainText } from './text.ts';
import { KEYWORD_THEMES, matchThemes } from './themes.ts';
import { blocker, check, info, PLACEHOLDER, PLACEHOLDER_URL, type OrganisationName, type PlannedRecord, type ThemeTerm } from './types.ts';
import { normaliseDate, normaliseEmail, normaliseFormat, normaliseFrequency, normaliseMediaType, webAddress } from './values.ts';

export interface SourceDistribution {
  /** Addresses in order of preference (a download address before an access page). */
  urls: unknown[];
  format?: unknown;
  mediaType?: unknown;
  title?: unknown;
}

/** A dataset as its source describes it, before any checking. */
export interface SourceDataset {
  /** The source's short name (CKAN `name`), which becomes the slug when it is one. */
  name?: unknown;
  /** The source's identifier, for the comment at the top of the record. */
  identifier?: string;
  title?: unknown;
  description?: unknown;
  licence: { id?: unknown; url?: unknown; title?: unknown };
  /** Landing pages in order of preference. */
  landing: unknown[];
  /** A landing page worked out rather than given (a CKAN dataset's page from its download addresses). */
  inferredLanding?: string;
  distributions: SourceDistribution[];
  frequency?: unknown;
  issued?: unknown;
  modified?: unknown;
  keywords: string[];
  /** Contact email addresses in order of preference, with or without mailto:. */
  contacts: unknown[];
  spatial?: unknown;
  temporal?: { start?: unknown; end?: unknown } | string;
  publisher?: unknown;
  /** Why the dataset must not go on a public hub (private on the portal, deleted), if it must not. */
  notPublic?: string;
  /** Standards the source says the data conforms to (DCAT conformsTo), reported. */
  conformsTo?: unknown;
  notMapped: string[];
}

export interface DatasetOptions {
  licences: ReadonlyMap<string, Licence>;
  themes: readonly ThemeTerm[];
  organisations: readonly OrganisationName[];
  owner: string;
}

const TITLE_MAX = 150;
const SUMMARY_MAX = 500;
const COVERAGE_MAX = 200;
const DISTRIBUTIONS_MAX = 50;

type Fields = Record<string, unknown>;

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const line = oneLine(value);
  return line === '' ? undefined : line;
}

/** The slug a dataset would get on its own: from its short name, else its title. */
export function datasetSlug(source: SourceDataset): string {
  const name = textOf(source.name);
  const title = textOf(source.title);
  return (name && slugify(name)) || (title && slugify(title)) || 'dataset';
}

/** A date, month or year in words, for coverage: "15 January 2000", "January 2000", "2000". */
function whenInWords(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (/^\d{4}$/.test(text)) return text;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return monthInWords(text);
  const date = normaliseDate(text);
  return 'value' in date ? dateInWords(date.value) : undefined;
}

/** A place name from a spatial value, when it is one: not a shape, box or web address. */
function placeInWords(raw: unknown): string | undefined {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const fields = raw as Fields;
    return placeInWords(fields.prefLabel ?? fields.label ?? fields.name ?? fields.title);
  }
  const text = textOf(raw);
  if (!text || /^[[{]|^https?:|^urn:/i.test(text) || /^[-\d.,\s]+$/.test(text) || /POLYGON|POINT|ENVELOPE/i.test(text)) return undefined;
  return text;
}

function timeInWords(temporal: SourceDataset['temporal']): string | undefined {
  if (temporal === undefined) return undefined;
  let start: unknown;
  let end: unknown;
  if (typeof temporal === 'string') {
    if (!temporal.includes('/')) return undefined;
    [start, end] = temporal.split('/');
  } else {
    ({ start, end } = temporal);
  }
  const from = start === '..' ? undefined : whenInWords(start);
  const to = end === '..' ? undefined : whenInWords(end);
  if (from && to) return from === to ? from : `${from} to ${to}`;
  if (from) return `${from} onwards`;
  if (to) return `up to ${to}`;
  return undefined;
}

export function mapDataset(source: SourceDataset, slug: string, origin: string, options: DatasetOptions): PlannedRecord {
  const fields: Fields = {};
  const notes: PlannedRecord['notes'] = [];
  const todo: string[] = [];
  const notMapped = [...source.notMapped];
  const title = textOf(source.title);

  if (source.notPublic)
    notes.push(blocker(`Not written: ${source.notPublic}. The hub is public: share only datasets that are open to everyone.`));

  if (!title) notes.push(blocker('Not written: the dataset has no title. Give it one on the portal and import again.', 'title'));
  else if (title.length > TITLE_MAX) {
    fields.title = shorten(title, TITLE_MAX);
    notes.push(
      check(
        `The title has ${title.length} characters; a title may have ${TITLE_MAX}, so it was shortened: read it and rewrite it if needed.`,
        'title',
      ),
    );
  } else fields.title = title;

  const description = typeof source.description === 'string' ? toPlainText(source.description) : '';
  if (description) {
    fields.summary = shorten(description, SUMMARY_MAX);
    if (fields.summary !== description) {
      notes.push(
        check(
          `The description has ${description.length} characters as plain text; a summary may ` +
            `have ${SUMMARY_MAX}, so it was shortened: read it and rewrite it as one or two sentences if needed.`,
          'summary',
        ),
      );
    }
  } else {
    fields.summary = `${PLACEHOLDER}: one or two sentences on what the data holds and who it is for.`;
    notes.push(check(`The dataset has no description: replace the "${PLACEHOLDER}" summary with one or two sentences.`, 'summary'));
    todo.push('Write the summary: the source has no description.');
  }

  const licence = datasetLicence(source.licence, options.licences);
  if ('problem' in licence) notes.push(blocker(`Not written: ${licence.problem}. ${licenceAdvice('data')}`, 'licence'));
  else {
    fields.licence = licence.value;
    if (licence.note) notes.push(check(`Licence: ${licence.note}. Check it on the portal.`, 'licence'));
  }

  const landing = source.landing.map(webAddress).find(Boolean);
  if (landing) fields.landing_url = landing;
  else if (source.inferredLanding && webAddress(source.inferredLanding)) {
    fields.landing_url = source.inferredLanding;
    notes.push(
      check(
        'The source gives no landing page, so landing_url is the dataset’s page on ' +
          'the portal, worked out from its download addresses: check that it opens.',
        'landing_url',
      ),
    );
  } else {
    fields.landing_url = PLACEHOLDER_URL;
    notes.push(
      check(
        'The source gives no landing page (a web page about the dataset): replace the placeholder landing_url with one.',
        'landing_url',
      ),
    );
    todo.push('Replace landing_url with the page where people find the dataset.');
  }

  const distributions: Fields[] = [];
  const withoutUrl: string[] = [];
  const withoutFormat: string[] = [];
  const seen = new Set<string>();
  source.distributions.forEach((distribution, index) => {
    const name = textOf(distribution.title) ?? `number ${index + 1}`;
    const url = distribution.urls.map(webAddress).find(Boolean);
    if (!url) {
      withoutUrl.push(quote(name));
      return;
    }
    const mediaType = normaliseMediaType(distribution.mediaType);
    const format = normaliseFormat(distribution.format, mediaType, url);
    if (!format) {
      withoutFormat.push(quote(name));
      return;
    }
    const key = `${url} ${format}`;
    if (seen.has(key)) return;
    seen.add(key);
    const distributionTitle = textOf(distribution.title);
    distributions.push({
      url,
      format,
      ...(mediaType ? { media_type: mediaType } : {}),
      ...(distributionTitle ? { title: shorten(distributionTitle, TITLE_MAX) } : {}),
    });
  });
  if (withoutUrl.length > 0) {
    notes.push(
      check(
        `${withoutUrl.length === 1 ? 'One file was' : `${withoutUrl.length} files were`} left out ` +
          `because ${withoutUrl.length === 1 ? 'it has' : 'they have'} no web address starting https:// ` +
          `or http:// (${listInWords(withoutUrl)}): add ${withoutUrl.length === 1 ? 'it' : 'them'} by ` +
          `hand if ${withoutUrl.length === 1 ? 'it is' : 'they are'} published.`,
        'distributions',
      ),
    );
  }
  if (withoutFormat.length > 0) {
    notes.push(
      check(
        `${listInWords(withoutFormat)} ${withoutFormat.length === 1 ? 'was' : 'were'} left out because no format ` +
          `could be worked out: add ${withoutFormat.length === 1 ? 'it' : 'them'} by hand with a format such as CSV.`,
        'distributions',
      ),
    );
  }
  if (distributions.length > DISTRIBUTIONS_MAX) {
    notes.push(
      check(
        `The dataset has ${distributions.length} files; a record lists at ` +
          `most ${DISTRIBUTIONS_MAX}, so the first ${DISTRIBUTIONS_MAX} were kept.`,
        'distributions',
      ),
    );
  }
  if (distributions.length > 0) fields.distributions = distributions.slice(0, DISTRIBUTIONS_MAX);

  if (source.frequency !== undefined && source.frequency !== '') {
    const frequency = normaliseFrequency(source.frequency);
    if ('value' in frequency) {
      fields.update_frequency = frequency.value;
      if (frequency.note) notes.push(check(`Update frequency: ${frequency.note}.`, 'update_frequency'));
    } else
      notes.push(
        check(`Update frequency: ${frequency.problem}, so it was left out: set update_frequency by hand if one fits.`, 'update_frequency'),
      );
  }

  for (const field of ['issued', 'modified'] as const) {
    const raw = source[field];
    if (raw === undefined || raw === null || raw === '') continue;
    const date = normaliseDate(raw);
    if ('value' in date) {
      fields[field] = date.value;
      if (date.note) notes.push(check(`\`${field}\`: ${date.note}; check it.`, field));
    } else notes.push(check(`\`${field}\`: ${date.problem}, so it was left out.`, field));
  }

  const place = placeInWords(source.spatial);
  if (source.spatial !== undefined && !place) {
    notMapped.push('spatial');
    notes.push(
      check(
        'The area the data covers is given as a shape or a code, not a place ' +
          'name: describe it in words in `coverage`, e.g. Ashdown county.',
        'coverage',
      ),
    );
  }
  const time = timeInWords(source.temporal);
  if (source.temporal !== undefined && !time)
    notMapped.push(`temporal (${quote(typeof source.temporal === 'string' ? source.temporal : JSON.stringify(source.temporal))})`);
  const coverage = [place, time].filter(Boolean).join(', ');
  if (coverage) fields.coverage = shorten(coverage, COVERAGE_MAX);

  const matched = matchThemes(source.keywords, options.themes, KEYWORD_THEMES);
  if (matched.themes.length > 0) fields.themes = matched.themes;
  if (matched.unmatched.length > 0) {
    notes.push(
      check(
        'No theme matches the ' +
          `keyword${matched.unmatched.length === 1 ? '' : 's'} ${listInWords(matched.unmatched.map((term) => quote(term)))}: ` +
          'add themes from content/vocabularies/themes.yaml if any fit.',
        'themes',
      ),
    );
  }
  if (matched.dropped.length > 0)
    notes.push(check(`A record has at most 10 themes, so ${listInWords(matched.dropped)} were left out.`, 'themes'));

  if (source.conformsTo !== undefined) {
    notMapped.push('conformsTo');
    notes.push(
      info(
        `The source says the data conforms to ${quote(source.conformsTo)}: if ` +
          'that is a data standard, name it in `standards`, e.g. Open Referral UK.',
        'standards',
      ),
    );
  }

  const contact = source.contacts.map(normaliseEmail).find(Boolean);
  if (contact) fields.contact = contact;
  else if (source.contacts.some((value) => typeof value === 'string' && value.trim() !== '')) {
    notes.push(
      check(
        `The contact ${quote(source.contacts.find((value) => typeof value === 'string' && value.trim() !== ''))} ` +
          'is not an email address, so it was left out.',
        'contact',
      ),
    );
  }

  const publisher = textOf(source.publisher);
  const owner = options.organisations.find((organisation) => organisation.id === options.owner);
  if (publisher && owner && organisationNamed(publisher, [owner]) === undefined) {
    notes.push(
      info(
        `The source names the publisher as ${quote(publisher)}; you are importing it ` +
          `for ${owner.official_name ?? owner.name} (${owner.id}): check that it belongs to ${owner.id}.`,
      ),
    );
  }

  return {
    collection: 'datasets',
    slug,
    format: 'yaml',
    fields: Object.fromEntries(
      Object.keys(datasetSchema.shape)
        .filter((key) => fields[key] !== undefined)
        .map((key) => [key, fields[key]]),
    ),
    source: title
      ? `${quote(title)}${source.identifier ? ` (${source.identifier})` : ''}`
      : (source.identifier ?? 'a dataset with no title'),
    origin,
    todo,
    notes,
    notMapped,
  };
}
