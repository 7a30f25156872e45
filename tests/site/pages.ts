/**
 * The site's page contract, as paths under the base path, and what the tests know about the content they
 * were built from (read straight from content/, independently of the site's own code).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export interface PageType {
  /** What the page is, in words, for test names. */
  name: string;
  /** The path under the base path, e.g. 'roadmap/'. */
  path: string;
  /** The site it is checked on: the demonstration site unless the demonstration content lacks it. */
  site?: 'fixture';
}

/** One page of each type in the page contract. */
export const PAGE_TYPES: PageType[] = [
  { name: 'the home page', path: '' },
  { name: 'the roadmap list', path: 'roadmap/' },
  { name: 'the principles list', path: 'principles/' },
  { name: 'the lessons list', path: 'lessons/' },
  { name: 'the datasets list', path: 'datasets/' },
  { name: 'the components list', path: 'components/' },
  // The demonstration roadmap fits on one page, so the second page is checked on the fixture site.
  { name: 'the second page of the roadmap list', path: 'roadmap/page/2/', site: 'fixture' },
  { name: 'the roadmap filtered by status (beta)', path: 'roadmap/status/beta/' },
  { name: 'the datasets filtered by organisation type (district)', path: 'datasets/type/district/' },
  { name: 'the lessons filtered by nation (Wales)', path: 'lessons/nation/wales/' },
  { name: 'the components filtered by service (524)', path: 'components/service/524/' },
  { name: 'the principles filtered by theme (ways of working)', path: 'principles/theme/ways-of-working/' },
  { name: 'a roadmap item', path: 'roadmap/fenmoor/school-admissions-online/' },
  { name: 'a lesson', path: 'lessons/glanmor/machine-translation-not-enough/' },
  { name: 'a dataset', path: 'datasets/sallowfield/community-grants-awarded/' },
  { name: 'a component', path: 'components/kestrelford/address-finder/' },
  { name: 'a design principle', path: 'principles/tarnbeck-civic-tech/open-by-default/' },
  { name: 'the organisations list', path: 'organisations/' },
  { name: 'the organisations in Wales', path: 'organisations/nation/wales/' },
  { name: 'the county councils', path: 'organisations/type/county/' },
  { name: 'an organisation that has shared records', path: 'organisations/fenmoor/' },
  { name: 'a council that has shared nothing yet', path: 'organisations/hartlepool/' },
  { name: 'the services list', path: 'services/' },
  { name: 'a service', path: 'services/524/' },
  { name: 'the themes list', path: 'themes/' },
  { name: 'a theme', path: 'themes/housing/' },
  { name: 'the collaboration page', path: 'collaborate/' },
  { name: 'the collaboration page narrowed to Wales', path: 'collaborate/nation/wales/' },
  { name: 'the collaboration page narrowed to a service (530)', path: 'collaborate/service/530/' },
  { name: 'the joint procurement page', path: 'collaborate/procurement/' },
  { name: 'the hub in numbers', path: 'numbers/' },
  { name: 'the numbers per organisation', path: 'numbers/organisations/' },
  { name: 'the search page', path: 'search/' },
  { name: 'the contribute page', path: 'contribute/' },
  { name: 'the form for a new roadmap item', path: 'contribute/new/roadmap/' },
  { name: 'the form for a new design principle', path: 'contribute/new/principles/' },
  { name: 'the form for a new lesson', path: 'contribute/new/lessons/' },
  { name: 'the form for a new dataset', path: 'contribute/new/datasets/' },
  { name: 'the form for a new component', path: 'contribute/new/components/' },
  { name: 'the choice of organisation whose details to change', path: 'contribute/organisation/' },
  { name: 'the form for an organisation’s details', path: 'contribute/organisation/fenmoor/' },
  { name: 'the about page', path: 'about/' },
  { name: 'the open data page', path: 'api/' },
  { name: 'the page-not-found page', path: '404.html' },
];

export const COLLECTIONS = ['roadmap', 'principles', 'lessons', 'datasets', 'components'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The second segment of a list's filter pages (and of its pagination): never an organisation id. */
export const FILTERS = ['status', 'type', 'nation', 'service', 'theme'] as const;
export type Filter = (typeof FILTERS)[number];

/** How many roadmap items the fixture site adds to the baseline's one, so that its roadmap list has a second page. */
export const PAGINATION_ITEMS = 30;

/** One of the fixture site's extra roadmap items (Ashdown's, status alpha). */
export function paginationItem(number: number): { slug: string; markdown: string } {
  const padded = String(number).padStart(2, '0');
  return {
    slug: `pagination-item-${padded}`,
    markdown: [
      '---',
      `title: Pagination test item ${padded}`,
      `summary: Roadmap item ${padded} of ${PAGINATION_ITEMS}, there so that the roadmap list runs to a second page.`,
      'status: alpha',
      'themes: [waste-and-recycling]',
      '---',
      '',
      `Item ${padded}.`,
      '',
    ].join('\n'),
  };
}

/** Pages that may load JavaScript: search, and the contribution forms (records' and organisations'). */
export function mayUseJavaScript(path: string): boolean {
  return (
    path === 'search/' || path.startsWith('search/') || path.startsWith('contribute/new/') || path.startsWith('contribute/organisation/')
  );
}

/** A record's path under the base (collection/organisation/slug/), or undefined for any other path. */
export function recordPathOf(path: string): string | undefined {
  const match = /^(roadmap|principles|lessons|datasets|components)\/([a-z0-9-]+)\/([a-z0-9-]+)\/$/.exec(path);
  if (!match || (FILTERS as readonly string[]).includes(match[2]) || match[2] === 'page') return undefined;
  return path;
}

export interface ContentRecord {
  collection: Collection;
  organisation: string;
  slug: string;
  /** collection/organisation/slug/ */
  path: string;
  data: Record<string, unknown>;
  organisationData: Record<string, unknown>;
}

/** Every record in a content folder, with its front matter (or YAML) and its organisation's file. */
export function readRecords(contentDir: string): ContentRecord[] {
  const organisations = readOrganisations(contentDir);
  const records: ContentRecord[] = [];
  for (const collection of COLLECTIONS) {
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(md|yaml)$/.test(entry.name)) {
          const [organisation, name] = relative(join(contentDir, collection), file).split('/');
          const slug = name.replace(/\.(md|yaml)$/, '');
          const text = readFileSync(file, 'utf8');
          const yamlText = name.endsWith('.md') ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') : text;
          records.push({
            collection,
            organisation,
            slug,
            path: `${collection}/${organisation}/${slug}/`,
            data: parse(yamlText) ?? {},
            organisationData: organisations.get(organisation) ?? {},
          });
        }
      }
    };
    walk(join(contentDir, collection));
  }
  return records;
}

/** Every organisation file in a content folder, by id. */
export function readOrganisations(contentDir: string): Map<string, Record<string, unknown>> {
  const organisations = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(join(contentDir, 'organisations'))) {
    if (file.endsWith('.yaml'))
      organisations.set(file.replace(/\.yaml$/, ''), parse(readFileSync(join(contentDir, 'organisations', file), 'utf8')) ?? {});
  }
  return organisations;
}

/** Whether a record belongs on a filtered list page, e.g. filter 'status', value 'beta'. */
export function matchesFilter(record: ContentRecord, filter: Filter, value: string): boolean {
  const list = (field: unknown) => (Array.isArray(field) ? field.map(String) : []);
  switch (filter) {
    case 'status':
      return String(record.data.status) === value;
    case 'type':
      return String(record.organisationData.type) === value;
    case 'nation':
      return String(record.organisationData.nation) === value;
    case 'service':
      return list(record.data.services).includes(value);
    case 'theme':
      return list(record.data.themes).includes(value);
  }
}
