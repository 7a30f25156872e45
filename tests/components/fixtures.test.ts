/**
 * The hub's GOV.UK Frontend components against govuk-frontend's own fixtures: every fixture in
 * node_modules/govuk-frontend/dist/govuk/components/<name>/fixtures.json gives macro options and the
 * HTML the Nunjucks template renders for them. Each is rendered with the Astro component through
 * Astro's Container API and compared after normalising whitespace and attribute order (normalise.ts).
 *
 * A fixture is skipped only with its reason in SKIPPED. The footer's expected HTML first loses the
 * crown and the "© Crown copyright" item, which the hub's Footer never renders (reserved for GOV.UK), and
 * the licence's logo.
 */
import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import BackLink from '../../src/components/govuk/BackLink.astro';
import Breadcrumbs from '../../src/components/govuk/Breadcrumbs.astro';
import Button from '../../src/components/govuk/Button.astro';
import Details from '../../src/components/govuk/Details.astro';
import ErrorMessage from '../../src/components/govuk/ErrorMessage.astro';
import Footer from '../../src/components/govuk/Footer.astro';
import GenericHeader from '../../src/components/govuk/GenericHeader.astro';
import Hint from '../../src/components/govuk/Hint.astro';
import Input from '../../src/components/govuk/Input.astro';
import InsetText from '../../src/components/govuk/InsetText.astro';
import Label from '../../src/components/govuk/Label.astro';
import NotificationBanner from '../../src/components/govuk/NotificationBanner.astro';
import Pagination from '../../src/components/govuk/Pagination.astro';
import PhaseBanner from '../../src/components/govuk/PhaseBanner.astro';
import ServiceNavigation from '../../src/components/govuk/ServiceNavigation.astro';
import SkipLink from '../../src/components/govuk/SkipLink.astro';
import SummaryList from '../../src/components/govuk/SummaryList.astro';
import Table from '../../src/components/govuk/Table.astro';
import Tag from '../../src/components/govuk/Tag.astro';
import WarningText from '../../src/components/govuk/WarningText.astro';
import CharacterCount from '../../src/components/form/CharacterCount.astro';
import Checkboxes from '../../src/components/form/Checkboxes.astro';
import DateInput from '../../src/components/form/DateInput.astro';
import ErrorSummary from '../../src/components/form/ErrorSummary.astro';
import Fieldset from '../../src/components/form/Fieldset.astro';
import Radios from '../../src/components/form/Radios.astro';
import Select from '../../src/components/form/Select.astro';
import Textarea from '../../src/components/form/Textarea.astro';
import { hasClass, normalise, parseHtml, removeElements } from './normalise.ts';

// Astro components are typed loosely here: the fixtures' options are plain JSON.
type AnyComponent = Parameters<AstroContainer['renderToString']>[0];

/** govuk-frontend component name → the hub's Astro component. */
export const COMPONENTS: Record<string, AnyComponent> = {
  'back-link': BackLink,
  breadcrumbs: Breadcrumbs,
  button: Button,
  details: Details,
  'error-message': ErrorMessage,
  footer: Footer,
  'generic-header': GenericHeader,
  hint: Hint,
  input: Input,
  'inset-text': InsetText,
  label: Label,
  'notification-banner': NotificationBanner,
  pagination: Pagination,
  'phase-banner': PhaseBanner,
  'service-navigation': ServiceNavigation,
  'skip-link': SkipLink,
  'summary-list': SummaryList,
  table: Table,
  tag: Tag,
  'warning-text': WarningText,
  // The contribution form's components (src/components/form/).
  'character-count': CharacterCount,
  checkboxes: Checkboxes,
  'date-input': DateInput,
  'error-summary': ErrorSummary,
  fieldset: Fieldset,
  radios: Radios,
  select: Select,
  textarea: Textarea,
};

/** Fixtures not compared, each with the reason. */
const SKIPPED: Record<string, Record<string, string>> = {};

/** Changes to a fixture's expected HTML for what the hub deliberately renders differently. */
const EXPECTED: Record<string, (html: string) => string> = {
  footer: (html) =>
    normalise(
      removeElements(
        parseHtml(html),
        (element) =>
          // The crown (an <svg> with the Tudor crown) and the Crown copyright item with the Royal Arms.
          hasClass(element, 'govuk-footer__crown') ||
          (hasClass(element, 'govuk-footer__meta-item') &&
            element.children.some((child) => child.type === 'element' && hasClass(child, 'govuk-footer__copyright-logo'))) ||
          // The licence's logo: decorative, and 1 KB on every page (Footer.astro).
          hasClass(element, 'govuk-footer__licence-logo'),
      ),
    ),
};

interface Fixture {
  name: string;
  options: Record<string, unknown>;
  html: string;
}

function fixtures(component: string): Fixture[] {
  const path = new URL(`../../node_modules/govuk-frontend/dist/govuk/components/${component}/fixtures.json`, import.meta.url);
  return (JSON.parse(readFileSync(path, 'utf8')) as { fixtures: Fixture[] }).fixtures;
}

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

for (const [name, component] of Object.entries(COMPONENTS)) {
  describe(name, () => {
    for (const fixture of fixtures(name)) {
      const reason = SKIPPED[name]?.[fixture.name];
      if (reason) {
        it.skip(`${fixture.name} (skipped: ${reason})`, () => {});
        continue;
      }
      it(fixture.name, async () => {
        const html = await container.renderToString(component, { props: fixture.options });
        const expected = EXPECTED[name] ? EXPECTED[name](fixture.html) : normalise(fixture.html);
        expect(normalise(html)).toBe(expected);
      });
    }
  });
}

describe('the skip list', () => {
  it('names only fixtures that exist', () => {
    for (const [name, skipped] of Object.entries(SKIPPED)) {
      const names = new Set(fixtures(name).map((fixture) => fixture.name));
      for (const fixture of Object.keys(skipped)) expect(names, `${name}: ${fixture}`).toContain(fixture);
    }
  });
});
