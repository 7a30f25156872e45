/**
 * The hub's configuration decides what the pages say: the fixture site is built with a configuration of
 * its own (tests/site/global-setup.ts: another name, tagline, repository, branch and default licence), and
 * its pages must show that configuration, where the demonstration site shows the repository's
 * hub.config.yaml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { FIXTURE_HUB } from './global-setup.ts';

const fixtureDir = inject('fixtureDir');
const demoDir = inject('demoDir');
const buildError = inject('fixtureBuildError');
const repositoryConfig = parse(readFileSync('hub.config.yaml', 'utf8')) as { name: string; tagline: string };

const page = (dir: string, path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, '’')
    .replace(/\s+/g, ' ');

describe.skipIf(buildError)('a hub built with another configuration', () => {
  const home = buildError ? '' : page(fixtureDir, '');
  const about = buildError ? '' : page(fixtureDir, 'about/');
  const form = buildError ? '' : page(fixtureDir, 'contribute/new/roadmap/');

  it('gives its name as the home page’s title and heading, with its tagline and description', () => {
    expect(home).toContain(`<title>${FIXTURE_HUB.name}</title>`);
    expect(home).toMatch(new RegExp(`<h1 class="govuk-heading-xl">${FIXTURE_HUB.name}</h1>`));
    expect(text(home)).toContain(FIXTURE_HUB.tagline);
    expect(home).toContain(`<meta name="description" content="${FIXTURE_HUB.description}">`);
  });

  it('puts its name in every page’s header and title, and its default licence in the footer', () => {
    for (const html of [home, about, form]) {
      expect(html).toMatch(new RegExp(`<header class="hub-header"><div><a href="[^"]+">${FIXTURE_HUB.name}</a>`));
      expect(html).toMatch(new RegExp(`<title>[^<]*${FIXTURE_HUB.name}</title>`));
      expect(html).toContain('rel="license">Creative Commons Attribution 4.0 International</a>');
      expect(html).not.toContain('Open Government Licence v3.0</a> unless a record says otherwise');
      expect(html).not.toContain('<title>Council Commons');
      expect(html).not.toMatch(/– Council Commons<\/title>/);
    }
    expect(text(about)).toContain(`About ${FIXTURE_HUB.name}`);
    expect(text(home)).toContain(`Search ${FIXTURE_HUB.name}`);
  });

  it('says what its own UI text says (translations/ beside its configuration), and the English for what that leaves out', () => {
    const list = page(fixtureDir, 'roadmap/');
    const record = page(fixtureDir, 'roadmap/ashdown/garden-waste-online/');
    for (const html of [home, list, record]) {
      expect(html).toContain(`<a href="#main-content" class="govuk-skip-link">${FIXTURE_HUB.uiText['skipLink.label']}</a>`);
      expect(text(html)).toContain(FIXTURE_HUB.uiText['footer.feeds'].replace(/'/g, '’'));
      expect(text(html)).toContain('Share your work');
    }
    expect(list).toMatch(/<nav class="hub-breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="[^"]+">Testshire start<\/a>/);
    expect(list).toContain('Onward<span class="govuk-visually-hidden"> page</span>');
    expect(text(record)).toContain(FIXTURE_HUB.uiText['pageMeta.report']);
    expect(text(record)).not.toContain('Report a problem with this page');
  });

  it('titles its feeds and signs its open data with its name, and never with the UK hub’s', () => {
    expect(home).toContain(`title="${FIXTURE_HUB.name}: everything"`);
    const feed = readFileSync(join(fixtureDir, 'feeds/all.xml'), 'utf8');
    expect(feed).toContain(`<title type="text">${FIXTURE_HUB.name}: everything</title>`);
    expect(feed).toContain(`<author><name>${FIXTURE_HUB.name}</name>`);
    expect(feed).toContain('<rights type="text">Creative Commons Attribution 4.0 International unless an entry says otherwise');
    const dcat = JSON.parse(readFileSync(join(fixtureDir, 'api/v1/datasets.dcat.jsonld'), 'utf8'));
    expect(dcat['dct:publisher']['foaf:name']).toBe(FIXTURE_HUB.name);
    const roadmap = JSON.parse(readFileSync(join(fixtureDir, 'api/v1/roadmap.json'), 'utf8'));
    expect(roadmap.description).toContain(`on ${FIXTURE_HUB.name}, sorted by id`);
    expect(roadmap.licence.id).toBe(FIXTURE_HUB.defaultLicence);
    for (const text of [feed, JSON.stringify(dcat), JSON.stringify(roadmap)]) expect(text).not.toContain('Council Commons');
  });

  it('sends the forms’ pull requests to its own repository and branch', () => {
    expect(form).toContain(`data-repository="${FIXTURE_HUB.repository}"`);
    expect(form).toContain(`data-branch="${FIXTURE_HUB.branch}"`);
    expect(form).toContain(`data-default-licence="${FIXTURE_HUB.defaultLicence}"`);
  });
});

describe.skipIf(buildError)('a hub built with another name for its service list', () => {
  const { name, abbreviation } = FIXTURE_HUB.services;

  it('names its services by its own list, on the services pages, the record pages and the form', () => {
    const services = text(page(fixtureDir, 'services/'));
    expect(services).toContain(`Services are from the ${name} (${abbreviation}).`);
    expect(services).toContain(`${abbreviation} id`);
    expect(text(page(fixtureDir, 'services/524/'))).toContain(`Service (${abbreviation} 524)`);
    expect(text(page(fixtureDir, 'roadmap/ashdown/garden-waste-online/'))).toContain(`Household waste collection (${abbreviation} 524)`);
    const form = page(fixtureDir, 'contribute/new/roadmap/');
    expect(form).toContain(`data-service-list="${name}"`);
    expect(form).toContain(`data-service-abbreviation="${abbreviation}"`);
    expect(text(page(fixtureDir, 'about/'))).toContain(`Services are from the ${name}.`);
  });

  it('never calls them by the UK hub’s list, on any page the hub writes itself', () => {
    const pages = [
      '',
      'services/',
      'services/524/',
      'roadmap/ashdown/garden-waste-online/',
      'feeds/',
      'about/',
      'api/',
      'contribute/new/roadmap/',
    ];
    for (const path of pages) {
      const html = page(fixtureDir, path);
      expect(html, path).not.toMatch(/LGSL|Local Government Service List/);
    }
  });
});

describe('the demonstration site', () => {
  it('shows the repository’s own hub.config.yaml', () => {
    const home = page(demoDir, '');
    expect(home).toContain(`<title>${repositoryConfig.name}</title>`);
    expect(text(home)).toContain(repositoryConfig.tagline);
    expect(home).toContain('rel="license">Open Government Licence v3.0</a>');
    const services = text(page(demoDir, 'services/'));
    expect(services).toContain('Services are from the Local Government Service List (LGSL).');
    expect(text(page(demoDir, 'about/'))).toContain(
      'Services are from the Local Government Service List published by the Local Government Association.',
    );
  });
});
