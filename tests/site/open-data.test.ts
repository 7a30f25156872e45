/**
 * The hub as a data source, in the built demonstration site: every collection's JSON and CSV hold
 * every content file once, the DCAT-AP catalogue expands offline with every dataset licensed, data.json
 * has every dataset with its required fields, every code component has a publiccode.yml with every field
 * the standard requires, the JSON Schemas are the committed ones, and the sitemap and robots.txt list
 * and point where they should. Expected values are worked out from content/ here, not from the site's
 * own code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_MODEL_MAJOR, CONTENT_MODEL_VERSION } from '../../schemas/version.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { ROOT } from '../helpers/content.ts';
import { REQUIRED_PUBLICCODE_FIELDS } from '../unit/open-data-helpers.ts';
import { COLLECTIONS, readOrganisations, readRecords } from './pages.ts';

const demoDir = inject('demoDir');
const demoUrl = inject('demoUrl');
const contentDir = inject('demoContentDir');
const records = readRecords(contentDir);
const organisations = readOrganisations(contentDir);

const DEFAULT_LICENCE = 'OGL-UK-3.0';
const built = (path: string) => readFileSync(join(demoDir, path), 'utf8');
const json = (path: string) => JSON.parse(built(path));
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every collection the API publishes, with the ids, licences and Markdown-ness of its content files. */
const expected = [
  {
    name: 'organisations',
    items: [...organisations].map(([id]) => ({
      id,
      licence: DEFAULT_LICENCE,
      markdown: false,
      organisation: undefined as string | undefined,
    })),
  },
  ...COLLECTIONS.map((name) => ({
    name,
    items: records
      .filter((record) => record.collection === name)
      .map((record) => ({
        id: record.path.slice(0, -1),
        licence: String(record.data.licence ?? DEFAULT_LICENCE),
        markdown: existsSync(join(contentDir, name, record.organisation, `${record.slug}.md`)),
        organisation: record.organisation as string | undefined,
      })),
  })),
];

describe('/api/v1/<collection>.json', () => {
  it.for(expected)(
    '$name.json has one record for each content file, sorted by id, each with its page, organisation and licence',
    ({ name, items }) => {
      const document = json(`api/v1/${name}.json`);
      expect(document).toMatchObject({
        collection: name,
        schema_version: CONTENT_MODEL_VERSION,
        count: items.length,
        licence: { id: DEFAULT_LICENCE },
      });
      expect(items.length).toBeGreaterThan(0);
      expect(Date.parse(document.generated)).not.toBeNaN();
      const ids = items.map((item) => item.id).sort(byCodePoint);
      expect(document.records.map((record: { id: string }) => record.id)).toEqual(ids);
      const byId = new Map(items.map((item) => [item.id, item]));
      for (const record of document.records) {
        const item = byId.get(record.id)!;
        const page = name === 'organisations' ? `organisations/${record.id}/` : `${record.id}/`;
        expect(record.url, record.id).toBe(`${demoUrl}${page}`);
        expect(existsSync(join(demoDir, page, 'index.html')), `${page} exists`).toBe(true);
        expect(record.licence, record.id).toBe(item.licence);
        expect(document.licences[record.licence], `${record.id}'s licence is named`).toMatchObject({
          name: expect.any(String),
          url: expect.stringMatching(/^https?:\/\//),
        });
        if (item.organisation) expect(record.organisation).toBe(item.organisation);
        else expect(record).not.toHaveProperty('organisation');
        if (item.markdown) {
          expect(record.body_markdown.trim(), `${record.id} has its Markdown`).not.toBe('');
          // The HTML is on the page only: it doubled every body in the API.
          expect(record, record.id).not.toHaveProperty('body_html');
        }
      }
    },
  );

  it('is compact', () => {
    expect(built('api/v1/roadmap.json')).not.toMatch(/\n\s/);
  });

  it('gives every record its fields as in its file', () => {
    const document = json('api/v1/datasets.json');
    for (const record of records.filter((candidate) => candidate.collection === 'datasets')) {
      const published = document.records.find((candidate: { id: string }) => candidate.id === record.path.slice(0, -1));
      for (const [field, value] of Object.entries(record.data)) expect(published[field], `${record.path} ${field}`).toEqual(value);
    }
  });
});

describe('/api/v1/<collection>.csv', () => {
  it.for(expected)('$name.csv parses, with a header and one row for each record, ids as in the JSON', ({ name, items }) => {
    const text = built(`api/v1/${name}.csv`);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header.slice(0, name === 'organisations' ? 2 : 3)).toEqual(
      name === 'organisations' ? ['id', 'url'] : ['id', 'organisation', 'url'],
    );
    expect(new Set(header).size).toBe(header.length);
    expect(rows).toHaveLength(items.length);
    for (const row of rows) expect(row, row[0]).toHaveLength(header.length);
    expect(rows.map((row) => row[0])).toEqual(json(`api/v1/${name}.json`).records.map((record: { id: string }) => record.id));
    const licence = header.indexOf('licence');
    expect(licence).toBeGreaterThan(0);
    expect(rows.every((row) => row[licence] !== '')).toBe(true);
  });
});

describe('dataset catalogues', () => {
  const datasets = records.filter((record) => record.collection === 'datasets');
  const datasetUrls = datasets.map((record) => `${demoUrl}${record.path}`).sort(byCodePoint);

  it('datasets.dcat.jsonld expands offline, and every dataset in it has a licence', async () => {
    const document = json('api/v1/datasets.dcat.jsonld');
    const documentLoader = async (url: string): Promise<never> => {
      throw new Error(`The DCAT catalogue asked to fetch ${url}: it must read offline`);
    };
    const expanded = await jsonld.expand(document, { documentLoader });
    expect(expanded).toHaveLength(1);
    const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads', documentLoader })) as unknown as string;
    const lines = nquads.split('\n');
    const typed = lines
      .filter((line) => line.endsWith('<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .'))
      .map((line) => line.slice(1, line.indexOf('>')));
    expect(typed.sort(byCodePoint)).toEqual(datasetUrls);
    for (const url of typed) {
      expect(
        lines.some((line) => line.startsWith(`<${url}> <http://purl.org/dc/terms/license> <http`)),
        `${url} has dct:license`,
      ).toBe(true);
      expect(
        lines.some((line) => line.startsWith(`<${url}> <http://www.w3.org/ns/dcat#distribution> `)),
        `${url} has a distribution`,
      ).toBe(true);
    }
    for (const record of datasets.filter((candidate) => candidate.data.update_frequency)) {
      expect(
        lines.some((line) =>
          line.startsWith(
            `<${demoUrl}${record.path}> <http://purl.org/dc/terms/accrualPeriodicity> ` +
              `<http://publications.europa.eu/resource/authority/frequency/`,
          ),
        ),
        record.path,
      ).toBe(true);
    }
  });

  it('data.json has every dataset with the fields Project Open Data requires', () => {
    const document = json('api/v1/datasets/data.json');
    expect(document.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
    expect(document.dataset.map((entry: { identifier: string }) => entry.identifier).sort(byCodePoint)).toEqual(datasetUrls);
    for (const entry of document.dataset) {
      for (const field of [
        'title',
        'description',
        'keyword',
        'modified',
        'publisher',
        'contactPoint',
        'identifier',
        'accessLevel',
        'license',
      ])
        expect(entry[field], `${entry.identifier} ${field}`).toBeDefined();
      expect(entry.accessLevel).toBe('public');
      expect(entry.keyword.length).toBeGreaterThan(0);
      expect(entry.modified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const distribution of entry.distribution ?? []) {
        expect(distribution.downloadURL ?? distribution.accessURL).toMatch(/^https?:\/\//);
        if (distribution.downloadURL) expect(distribution.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      }
    }
  });
});

describe('publiccode.yml', () => {
  const code = records.filter((record) => record.collection === 'components' && record.data.kind === 'code');

  it('every code component has one, with every field the standard requires', () => {
    expect(code.length).toBeGreaterThan(0);
    for (const record of code) {
      const path = `api/v1/${record.path}publiccode.yml`;
      expect(existsSync(join(demoDir, path)), path).toBe(true);
      const document = parse(built(path));
      for (const field of REQUIRED_PUBLICCODE_FIELDS) {
        expect(
          field.split('/').reduce((value, key) => value?.[key], document),
          `${path} ${field}`,
        ).toBeDefined();
      }
      expect(document.publiccodeYmlVersion).toBe('0.5');
      expect(document.name).toBe(record.data.title);
      expect(document.legal.license).toBe(record.data.licence);
      expect([...document.description.en.shortDescription].length).toBeLessThanOrEqual(150);
      expect([...document.description.en.longDescription].length).toBeGreaterThanOrEqual(150);
      expect([...document.description.en.longDescription].length).toBeLessThanOrEqual(10_000);
      if (['internal', 'community'].includes(document.maintenance.type)) expect(document.maintenance.contacts[0].name).toBeTruthy();
      if (document.maintenance.type === 'contract')
        expect(document.maintenance.contractors[0]).toMatchObject({
          name: expect.any(String),
          until: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
      expect(built(`${record.path}index.html`)).toContain(`href="${new URL(demoUrl).pathname}${path}"`);
    }
  });

  it('no other component has one', () => {
    const made = readdirSync(join(demoDir, 'api/v1/components'), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('publiccode.yml'),
    );
    expect(
      made
        .map(
          (file) =>
            `components/${file
              .split('\\')
              .join('/')
              .replace(/publiccode\.yml$/, '')}`,
        )
        .sort(),
    ).toEqual(code.map((record) => record.path).sort());
  });
});

describe('JSON Schemas', () => {
  it('every schema in schemas/json is served at /schemas/ and /schemas/v<major>/, with its absolute, versioned address as $id', () => {
    const files = readdirSync(join(ROOT, 'schemas/json')).filter((file) => file.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThanOrEqual(COLLECTIONS.length + 1);
    for (const file of files) {
      const committed = JSON.parse(readFileSync(join(ROOT, 'schemas/json', file), 'utf8'));
      const served = built(`schemas/${file}`);
      expect(JSON.parse(served), file).toEqual({ ...committed, $id: `${demoUrl}schemas/v${CONTENT_MODEL_MAJOR}/${file}` });
      expect(built(`schemas/v${CONTENT_MODEL_MAJOR}/${file}`), file).toBe(served);
    }
  });

  it('keeps serving the schemas of earlier major versions at their own addresses, as they were published', () => {
    for (let major = 1; major < CONTENT_MODEL_MAJOR; major++) {
      const files = readdirSync(join(ROOT, `schemas/json/v${major}`)).filter((file) => file.endsWith('.schema.json'));
      expect(files, `schemas/json/v${major}`).toContain('roadmap.schema.json');
      for (const file of files) {
        const committed = JSON.parse(readFileSync(join(ROOT, `schemas/json/v${major}`, file), 'utf8'));
        expect(JSON.parse(built(`schemas/v${major}/${file}`)), file).toEqual({ ...committed, $id: `${demoUrl}schemas/v${major}/${file}` });
      }
    }
    // Version 1 had the Welsh pair of fields; version 2 has translations instead.
    expect(JSON.parse(built('schemas/v1/roadmap.schema.json')).properties).toHaveProperty('title_cy');
    expect(JSON.parse(built('schemas/v2/roadmap.schema.json')).properties).toHaveProperty('translations');
    expect(JSON.parse(built('schemas/v2/roadmap.schema.json')).properties).not.toHaveProperty('title_cy');
  });
});

describe('sitemap and robots.txt', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

  /** Every address the sitemap lists, through a sitemap index if there is one. */
  function sitemapAddresses(): string[] {
    const text = built('sitemap.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const document = parser.parse(text);
    if (document.sitemapindex) {
      return document.sitemapindex.sitemap.flatMap(({ loc }: { loc: string }) => {
        const part = built(loc.slice(demoUrl.length));
        expect(XMLValidator.validate(part), loc).toBe(true);
        return parser.parse(part).urlset.url.map((url: { loc: string }) => url.loc);
      });
    }
    return document.urlset.url.map((url: { loc: string }) => url.loc);
  }

  it('is well-formed and lists every record and organisation page, the home page and this one, each once and each built', () => {
    const addresses = sitemapAddresses();
    expect(new Set(addresses).size).toBe(addresses.length);
    const listed = new Set(addresses);
    const missing = [
      ...records.map((record) => record.path),
      ...[...organisations.keys()].map((id) => `organisations/${id}/`),
      '',
      'api/',
    ].filter((path) => !listed.has(`${demoUrl}${path}`));
    expect(missing).toEqual([]);
    for (const address of addresses) {
      expect(address.startsWith(demoUrl), address).toBe(true);
      expect(existsSync(join(demoDir, address.slice(demoUrl.length), 'index.html')), address).toBe(true);
    }
    expect(listed.has(`${demoUrl}404.html`)).toBe(false);
  });

  it('robots.txt allows everything and names the sitemap’s absolute address', () => {
    const lines = built('robots.txt').split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines.filter((line) => line.startsWith('Sitemap: '))).toEqual([`Sitemap: ${demoUrl}sitemap.xml`]);
  });
});

describe('/api/', () => {
  it('says which version of the content model its files follow, and links its changelog', () => {
    const html = built('api/index.html');
    expect(html).toContain(`version <strong>${CONTENT_MODEL_VERSION}</strong>`);
    expect(html).toMatch(/href="https:\/\/github\.com\/[^"]+\/blob\/[^"]+\/CONTENT-MODEL-CHANGELOG\.md"/);
  });

  it('links to every collection’s JSON and CSV, the catalogues and the schemas', () => {
    const html = built('api/index.html');
    const base = new URL(demoUrl).pathname;
    for (const { name } of expected) {
      for (const file of [`api/v1/${name}.json`, `api/v1/${name}.csv`, `schemas/${name}.schema.json`])
        expect(html, file).toContain(`href="${base}${file}"`);
    }
    for (const file of [
      'api/v1/datasets.dcat.jsonld',
      'api/v1/datasets/data.json',
      'api/v1/overlaps.json',
      'api/v1/reuse.json',
      'sitemap.xml',
      'feeds/all.xml',
    ])
      expect(html, file).toContain(`href="${base}${file}"`);
  });
});
