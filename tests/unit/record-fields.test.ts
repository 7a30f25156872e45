/**
 * src/lib/record-fields.ts: a record's fields as people read them on its page. Checked on the real
 * roadmap and organisation schemas, with lookups over the real reference registers.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { organisationSchema } from '../../schemas/organisation.ts';
import { roadmapSchema } from '../../schemas/roadmap.ts';
import { fieldRows, type Display, type FieldLookups, type FieldRow } from '../../src/lib/record-fields.ts';
import { loadHubConfig } from '../../src/lib/hub-config.ts';
import { nationLabel, organisationRegister, organisationTypeLabel } from '../../src/lib/organisation-register.ts';
import { loadLicences, loadServices } from '../../src/lib/reference-data.ts';
import { withBase } from '../../src/lib/urls.ts';

const BASE = '/council-commons/';
const services = loadServices();
const licences = loadLicences();
const ORGANISATIONS: Record<string, string> = { ashdown: 'Ashdown', brackwater: 'Brackwater', 'ashdown-civic-tech': 'Ashdown Civic Tech' };
const THEMES: Record<string, string> = { 'waste-and-recycling': 'Waste and recycling', payments: 'Payments', housing: 'Housing' };
const RECORDS: Record<string, string> = { 'components/ashdown-civic-tech/bin-day-finder': 'Bin day finder' };
/** The words of the UK hub's organisation register (organisations in hub.config.yaml). */
const register = organisationRegister(loadHubConfig('content', {}).organisations);

/** The lookups the site passes (src/hub/lookups.ts), over the real registers and the baseline's records. */
const lookups: FieldLookups = {
  page: (path) => withBase(BASE, path),
  organisationName: (id) => ORGANISATIONS[id],
  serviceLabel: (id) => services.get(id)?.label,
  serviceCode: (id) => `LGSL ${id}`,
  themeLabel: (id) => THEMES[id],
  licence: (id) => licences.get(id),
  recordTitle: (id) => RECORDS[id],
  organisationTypeLabel: (id) => organisationTypeLabel(register, id),
  nationLabel: (id) => nationLabel(register, id),
  codeName: register.code?.name,
};

/** The baseline fixture's roadmap item (tests/fixtures/baseline/content/roadmap/ashdown/garden-waste-online.md). */
const ROADMAP_ITEM = {
  title: 'Garden waste subscriptions online',
  summary: 'Residents subscribe to and renew garden waste collection online.',
  translations: { cy: { title: 'Tanysgrifiadau gwastraff gardd ar-lein', summary: 'Mae trigolion yn tanysgrifio ar-lein.' } },
  status: 'beta',
  services: [524],
  themes: ['waste-and-recycling', 'payments'],
  start: '2026-04',
  end: '2027-03',
  partners: ['brackwater'],
  looking_for: ['partners', 'code'],
  reuses: ['components/ashdown-civic-tech/bin-day-finder'],
  funding: 'Local Digital Fund',
  contact: 'waste-digital@ashdown.example',
  review_by: '2027-03-31',
  links: [{ title: 'Show and tell', url: 'https://www.ashdown.example/blog/garden-waste' }],
};

const rowsOf = (data: Record<string, unknown>, options?: { defaultLicence?: string }) => fieldRows(roadmapSchema, data, lookups, options);
const valueOf = (rows: FieldRow[], key: string): Display | undefined => rows.find((row) => row.key === key)?.value;

describe('fieldRows on the roadmap schema', () => {
  it('the test data is a valid roadmap item', () => {
    expect(roadmapSchema.safeParse(ROADMAP_ITEM).success).toBe(true);
  });

  it('labels each row with the title the schema gives the field', () => {
    const rows = rowsOf(ROADMAP_ITEM);
    expect(rows.map((row) => row.label)).toEqual([
      'Status',
      'Services',
      'Themes',
      'Start',
      'End',
      'Partners',
      'Looking for',
      'Reuses',
      'Funding',
      'Contact',
      'Review by',
      'Links',
    ]);
    // The title is on the field or, for an optional field, on the schema inside .optional().
    const titleOf = (schema: z.ZodType): string | undefined =>
      (z.globalRegistry.get(schema) as { title?: string } | undefined)?.title ??
      (schema instanceof z.ZodOptional ? titleOf(schema.unwrap() as z.ZodType) : undefined);
    for (const row of rows) {
      const title = titleOf(roadmapSchema.shape[row.key as keyof typeof roadmapSchema.shape] as z.ZodType);
      expect(title, row.key).toBeDefined();
      expect(row.label, row.key).toBe(title);
    }
  });

  it('lists the rows in the schema’s order, whatever the order of the fields in the file', () => {
    const reversed = Object.fromEntries(Object.entries(ROADMAP_ITEM).reverse());
    const keys = rowsOf(reversed).map((row) => row.key);
    const schemaOrder = Object.keys(roadmapSchema.shape).filter((key) => keys.includes(key));
    expect(keys).toEqual(schemaOrder);
    expect(keys).toEqual(rowsOf(ROADMAP_ITEM).map((row) => row.key));
  });

  it('leaves out the title and summary, in English and Welsh, which the page shows elsewhere', () => {
    const keys = rowsOf(ROADMAP_ITEM).map((row) => row.key);
    for (const key of ['title', 'summary', 'translations']) expect(keys).not.toContain(key);
  });

  it('leaves out fields that are missing or empty lists', () => {
    const rows = rowsOf({ ...ROADMAP_ITEM, partners: [], links: undefined, funding: undefined });
    expect(rows.map((row) => row.key)).not.toContain('partners');
    expect(rows.map((row) => row.key)).not.toContain('links');
    expect(rows.map((row) => row.key)).not.toContain('funding');
  });

  it('writes months and dates in words', () => {
    const rows = rowsOf(ROADMAP_ITEM);
    expect(valueOf(rows, 'start')).toEqual({ kind: 'text', text: 'April 2026' });
    expect(valueOf(rows, 'end')).toEqual({ kind: 'text', text: 'March 2027' });
    expect(valueOf(rows, 'review_by')).toEqual({ kind: 'text', text: '31 March 2027' });
  });

  it('writes the first day of a month without a leading zero', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, review_by: '2026-01-01' }), 'review_by')).toEqual({ kind: 'text', text: '1 January 2026' });
  });

  it('writes the status and what the work is looking for as capitalised words', () => {
    const rows = rowsOf(ROADMAP_ITEM);
    expect(valueOf(rows, 'status')).toEqual({ kind: 'text', text: 'Beta' });
    expect(valueOf(rows, 'looking_for')).toEqual({
      kind: 'list',
      items: [
        { kind: 'text', text: 'Partners' },
        { kind: 'text', text: 'Code' },
      ],
    });
  });

  it('links each service to its page, named from the Local Government Service List', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, services: [524, 999999] }), 'services')).toEqual({
      kind: 'list',
      items: [
        { kind: 'link', text: 'Household waste collection (LGSL 524)', href: '/council-commons/services/524/' },
        { kind: 'link', text: 'LGSL 999999', href: '/council-commons/services/999999/' },
      ],
    });
  });

  it('links each theme to its page by its label, or by its id when it has none', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, themes: ['waste-and-recycling', 'no-such-theme'] }), 'themes')).toEqual({
      kind: 'list',
      items: [
        { kind: 'link', text: 'Waste and recycling', href: '/council-commons/themes/waste-and-recycling/' },
        { kind: 'link', text: 'no-such-theme', href: '/council-commons/themes/no-such-theme/' },
      ],
    });
  });

  it('links each partner to its organisation’s page by name', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, partners: ['brackwater', 'cinderford'] }), 'partners')).toEqual({
      kind: 'list',
      items: [
        { kind: 'link', text: 'Brackwater', href: '/council-commons/organisations/brackwater/' },
        { kind: 'link', text: 'cinderford', href: '/council-commons/organisations/cinderford/' },
      ],
    });
  });

  it('links each reused component to its page by title', () => {
    expect(valueOf(rowsOf(ROADMAP_ITEM), 'reuses')).toEqual({
      kind: 'list',
      items: [{ kind: 'link', text: 'Bin day finder', href: '/council-commons/components/ashdown-civic-tech/bin-day-finder/' }],
    });
  });

  it('links each further-reading link by its title', () => {
    expect(valueOf(rowsOf(ROADMAP_ITEM), 'links')).toEqual({
      kind: 'list',
      items: [{ kind: 'link', text: 'Show and tell', href: 'https://www.ashdown.example/blog/garden-waste' }],
    });
  });

  it('shows funding as plain text', () => {
    expect(valueOf(rowsOf(ROADMAP_ITEM), 'funding')).toEqual({ kind: 'text', text: 'Local Digital Fund' });
  });

  it('fills in the default licence, the Open Government Licence v3.0, when asked', () => {
    const rows = rowsOf(ROADMAP_ITEM, { defaultLicence: 'OGL-UK-3.0' });
    expect(rows.at(-1)).toEqual({
      key: 'licence',
      label: 'Licence',
      value: {
        kind: 'link',
        text: 'Open Government Licence v3.0',
        href: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      },
    });
  });

  it('shows no licence row for a record without one when not asked to fill it in', () => {
    expect(rowsOf(ROADMAP_ITEM).map((row) => row.key)).not.toContain('licence');
  });

  it('shows a record’s own licence rather than the default', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, licence: 'CC-BY-4.0' }, { defaultLicence: 'OGL-UK-3.0' }), 'licence')).toEqual({
      kind: 'link',
      text: 'Creative Commons Attribution 4.0 International',
      href: licences.get('CC-BY-4.0')!.url,
    });
  });

  it('shows a licence the register does not know as its id, unlinked', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, licence: 'Made-Up-1.0' }), 'licence')).toEqual({ kind: 'text', text: 'Made-Up-1.0' });
  });

  it('makes a contact email address a mailto link', () => {
    expect(valueOf(rowsOf(ROADMAP_ITEM), 'contact')).toEqual({
      kind: 'link',
      text: 'waste-digital@ashdown.example',
      href: 'mailto:waste-digital@ashdown.example',
    });
  });

  it('shows a mailto: contact without its prefix, linking to it', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, contact: 'mailto:digital@example.gov.uk' }), 'contact')).toEqual({
      kind: 'link',
      text: 'digital@example.gov.uk',
      href: 'mailto:digital@example.gov.uk',
    });
  });

  it('links a contact web page to itself, even when its address holds an @', () => {
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, contact: 'https://www.example.gov.uk/contact' }), 'contact')).toEqual({
      kind: 'link',
      text: 'https://www.example.gov.uk/contact',
      href: 'https://www.example.gov.uk/contact',
    });
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, contact: 'https://social.example/@digital' }), 'contact')).toEqual({
      kind: 'link',
      text: 'https://social.example/@digital',
      href: 'https://social.example/@digital',
    });
  });

  it('links a contact written MAILTO: in capitals to the address itself', () => {
    const contact = 'MAILTO:digital@example.gov.uk';
    expect(roadmapSchema.safeParse({ ...ROADMAP_ITEM, contact }).success).toBe(true);
    expect(valueOf(rowsOf({ ...ROADMAP_ITEM, contact }), 'contact')).toEqual({
      kind: 'link',
      text: 'digital@example.gov.uk',
      href: 'mailto:digital@example.gov.uk',
    });
  });

  it('uses the base path in every internal link', () => {
    const rows = fieldRows(roadmapSchema, ROADMAP_ITEM, { ...lookups, page: (path) => withBase('/', path) });
    expect(valueOf(rows, 'services')).toEqual({
      kind: 'list',
      items: [{ kind: 'link', text: 'Household waste collection (LGSL 524)', href: '/services/524/' }],
    });
  });
});

describe('fieldRows on the organisation schema', () => {
  const organisation = {
    name: 'Ashdown',
    official_name: 'Ashdown County Council',
    type: 'metropolitan-district',
    gss_code: 'E99999911',
    nation: 'england',
    county: 'brackwater',
    website: 'https://www.ashdown.example/',
    uses: ['components/ashdown-civic-tech/bin-day-finder'],
    demonstration: true,
  };

  it('leaves out the name and the demonstration flag, and fills in no licence', () => {
    const keys = fieldRows(organisationSchema, organisation, lookups, { defaultLicence: 'OGL-UK-3.0' }).map((row) => row.key);
    expect(keys).toEqual(['official_name', 'type', 'gss_code', 'nation', 'county', 'website', 'uses']);
  });

  it('shows the type and nation as words, and links the county, website and components used', () => {
    const rows = fieldRows(organisationSchema, organisation, lookups);
    expect(valueOf(rows, 'type')).toEqual({ kind: 'text', text: 'Metropolitan district' });
    expect(valueOf(rows, 'nation')).toEqual({ kind: 'text', text: 'England' });
    expect(valueOf(rows, 'county')).toEqual({ kind: 'link', text: 'Brackwater', href: '/council-commons/organisations/brackwater/' });
    expect(valueOf(rows, 'website')).toEqual({ kind: 'link', text: 'https://www.ashdown.example/', href: 'https://www.ashdown.example/' });
    expect(valueOf(rows, 'uses')).toEqual({
      kind: 'list',
      items: [{ kind: 'link', text: 'Bin day finder', href: '/council-commons/components/ashdown-civic-tech/bin-day-finder/' }],
    });
  });

  it('labels rows with the organisation schema’s titles', () => {
    const labels = fieldRows(organisationSchema, organisation, lookups).map((row) => row.label);
    expect(labels).toEqual(['Official name', 'Type', 'GSS code', 'Nation', 'County', 'Website', 'Components used']);
  });
});
