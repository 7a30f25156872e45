/**
 * What the hub adds to govuk-frontend's components, and its page layout (src/layouts/Base.astro): no
 * GOV.UK crown, crest or Crown copyright anywhere, a footer slot, navigation that needs no JavaScript,
 * and Base's contract (title, description, searchable, breadcrumbs, section; default, head and footer
 * slots).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Footer from '../../src/components/govuk/Footer.astro';
import ServiceNavigation from '../../src/components/govuk/ServiceNavigation.astro';
import Tag from '../../src/components/govuk/Tag.astro';
import Base from '../../src/layouts/Base.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const reserved = /govuk-footer__crown|copyright-logo|Crown copyright|govuk-logo|govuk-header__logotype|crest/i;

describe('Footer', () => {
  it('never renders the crown or a Crown copyright link, even when asked for a copyright', async () => {
    const html = await container.renderToString(Footer, { props: { copyright: { text: '© Someone' } } as never });
    expect(html).not.toMatch(reserved);
    expect(html).not.toContain('© Someone');
  });

  it('shows its default slot in the meta section, and no empty meta section without it', async () => {
    const withSlot = await container.renderToString(Footer, {
      props: {},
      slots: { default: '<p class="govuk-body-s">Data from mySociety.</p>' },
    });
    expect(withSlot).toMatch(/<div class="govuk-footer__meta-custom">\s*<p class="govuk-body-s">Data from mySociety.<\/p>\s*<\/div>/);
    const without = await container.renderToString(Footer, { props: {} });
    expect(without).not.toContain('govuk-footer__meta-custom');
  });
});

describe('ServiceNavigation', () => {
  it('renders no menu button when the navigation must not collapse (no JavaScript)', async () => {
    const html = await container.renderToString(ServiceNavigation, {
      props: {
        collapseNavigationOnMobile: false,
        navigation: [
          { text: 'A', href: '/a/' },
          { text: 'B', href: '/b/' },
        ],
      },
    });
    expect(html).not.toContain('<button');
    expect(html).toContain('href="/b/"');
  });
});

describe('text options', () => {
  it('escapes text and passes html through', async () => {
    expect(await container.renderToString(Tag, { props: { text: '<b>x</b>' } })).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(await container.renderToString(Tag, { props: { html: '<b>x</b>' } })).toContain('<b>x</b>');
  });
});

describe('Base layout', () => {
  const render = (props: Record<string, unknown>, slots: Record<string, string> = {}, path = '/roadmap/') =>
    container.renderToString(Base, {
      props,
      slots: { default: '<h1 class="govuk-heading-xl">Heading</h1>', ...slots },
      request: new Request(`http://localhost:4321${path}`),
    });

  it("is govuk-frontend's page template with the hub's name as text and no GOV.UK crown, logotype or crest", async () => {
    const html = await render({ title: 'Roadmaps' });
    expect(html).toMatch(/<html lang="en-GB" class="govuk-template">/);
    expect(html).toContain('<body class="govuk-template__body">');
    expect(html).toMatch(/<a href="#main-content" class="govuk-skip-link"[^>]*>Skip to main content<\/a>/);
    expect(html).toMatch(/<header class="hub-header"><div><a href="\/">Council Commons<\/a><\/div>/);
    expect(html).not.toMatch(reserved);
    expect(html).toMatch(/<\/ul><span>Everything on Council Commons is open: /);
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(html).toContain('<title>Roadmaps – Council Commons</title>');
    expect(html).toMatch(/<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml">/);
  });

  it('links every section, marking the current one, with the navigation always open', async () => {
    const list = await render({ title: 'Roadmaps', section: 'roadmap' }, {}, '/roadmap/');
    for (const path of ['roadmap', 'principles', 'lessons', 'datasets', 'components', 'organisations', 'search'])
      expect(list).toContain(`href="/${path}/"`);
    expect(list).toMatch(/href="\/roadmap\/" aria-current="page"/);
    expect(list).toMatch(/<nav aria-label="Sections"><ul id="navigation">/);
    expect(list).not.toContain('<button');
    const record = await render({ title: 'A record', section: 'roadmap' }, {}, '/roadmap/fenmoor/a-record/');
    expect(record).toMatch(/href="\/roadmap\/" aria-current="true"/);
  });

  it('lets the skip link move focus to the main content, without JavaScript', async () => {
    expect(await render({ title: 'A record' })).toMatch(/<main[^>]*id="main-content"[^>]*tabindex="-1"/);
  });

  it('gives a page its canonical address, except a page that has none of its own (the 404 page)', async () => {
    const withSite = await AstroContainer.create({ astroConfig: { site: 'https://hub.example' } });
    const page = (props: Record<string, unknown>) =>
      withSite.renderToString(Base, {
        props,
        slots: { default: '<h1 class="govuk-heading-xl">Heading</h1>' },
        request: new Request('https://hub.example/roadmap/'),
      });
    expect(await page({ title: 'A record' })).toContain('<link rel="canonical" href="https://hub.example/roadmap/">');
    expect(await page({ title: 'Page not found', canonical: false })).not.toContain('rel="canonical"');
  });

  it('shows breadcrumbs, the description, and the head and footer slots', async () => {
    const html = await render(
      {
        title: 'A record',
        description: 'What it is.',
        breadcrumbs: [
          { text: 'Home', href: '/' },
          { text: 'Roadmaps', href: '/roadmap/' },
        ],
      },
      { head: '<script type="application/ld+json">{}</script>', footer: '<p class="govuk-body-s">Extra footer text.</p>' },
    );
    expect(html).toMatch(
      new RegExp(
        /<nav class="hub-breadcrumbs" aria-label="Breadcrumb"><ol>/.source +
          /<li><a href="\/">Home<\/a><\/li><li><a href="\/roadmap\/">Roadmaps<\/a><\/li><\/ol><\/nav>/.source,
      ),
    );
    expect(html).toContain('<meta name="description" content="What it is.">');
    expect(html).toMatch(/<script type="application\/ld\+json">\{\}<\/script>\s*<\/head>/);
    expect(html).toMatch(/<footer class="hub-footer">.*<\/ul><div><p class="govuk-body-s">Extra footer text.<\/p><\/div><span>/s);
    expect(html).toContain('Everything on Council Commons is open: records are published under the');
    expect(html).toMatch(/href="\/about\/"/);
    expect(html).toMatch(/href="\/contribute\/"/);
  });
});
