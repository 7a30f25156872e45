/** An organisation: a council, combined authority, other public body or community (civic-tech) group. */
import { z } from 'zod';
import {
  componentId,
  contact,
  githubHandle,
  httpsUrl,
  organisationId,
  plainText,
  singleLine,
  translations,
  uniqueList,
  webUrl,
} from './fields.ts';
import { systemSchema } from './system.ts';

/**
 * The words of the organisation register (the types of body, the nations, the official code) are the hub's,
 * not the schema's: hub.config.yaml lists them (schemas/hub-config.ts, organisations) and the validator
 * checks files against that list (src/lib/validation/record-checks.ts). Here they are only slugs, so that
 * the schema stays the same for every hub and the browser's forms can import it without the configuration.
 */
const registerWord = (what: string, example: string) =>
  z
    .string({ error: `${what} id, e.g. ${example}` })
    .max(60, { error: `${what} id of at most 60 characters` })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${what} id: lowercase letters, digits and single hyphens, e.g. ${example}` });

export const organisationType = registerWord('a type', 'unitary').meta({
  title: 'Type',
  description:
    'What kind of body this is: one of the types the hub’s configuration lists (organisations.types in hub.config.yaml). ' +
    'Councils use their type in the local-authority register; civic-tech and volunteer groups use community-group.',
  examples: ['unitary'],
});

export const gssCode = singleLine(40).meta({
  title: 'Official code',
  description:
    'The official code of a registered body, as the hub’s configuration names it (organisations.code in hub.config.yaml): ' +
    'on the UK hub, the GSS code the Office for National Statistics gives a council. Required for registered types.',
  examples: ['E06000001'],
});

/** A GitHub organisation or user name: what follows https://github.com/. */
export const githubOwner = z
  .string({ error: 'a GitHub organisation or user name, without @ or https://github.com/, e.g. alphagov' })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, {
    error: 'a GitHub organisation or user name, without @ or https://github.com/, e.g. alphagov',
  })
  .meta({ examples: ['alphagov'] });

export const ckanSource = z
  .strictObject({
    ckan: httpsUrl.meta({
      title: 'CKAN portal',
      description: 'The portal’s address, e.g. https://data.gov.uk.',
      examples: ['https://data.gov.uk'],
    }),
    organisation: singleLine(100)
      .regex(/^[a-z0-9_-]+$/, {
        error: 'the organisation’s name on the portal, as in its address: lowercase letters, digits, - and _, e.g. example-council',
      })
      .meta({
        title: 'Name on the portal',
        description: 'The body’s organisation name on the portal, as in the address of its page there (…/organization/<name>).',
        examples: ['example-council'],
      }),
  })
  .meta({ title: 'CKAN portal', description: 'A CKAN data portal and the body’s organisation on it.' });

export const dataJsonSource = z
  .strictObject({
    data_json: httpsUrl.meta({
      title: 'data.json',
      description: 'The address of a DCAT data.json catalogue, or of one dataset’s DCAT JSON.',
      examples: ['https://data.example.gov.uk/data.json'],
    }),
  })
  .meta({ title: 'DCAT catalogue', description: 'A DCAT data.json catalogue (or a single dataset) the body publishes.' });

export const openDataSource = z.union([ckanSource, dataJsonSource], {
  error: 'a CKAN portal ({ ckan: https://…, organisation: <name on the portal> }) or a data.json address ({ data_json: https://… })',
});

/** What an organisation asks the harvest to leave alone. Both lists are optional; an empty setting harvests everything reusable. */
export const harvestSettings = z
  .strictObject({
    topics: uniqueList(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, { error: 'a GitHub topic: lowercase letters, digits and hyphens, e.g. council-commons' }),
      20,
    )
      .optional()
      .meta({
        title: 'Only repositories with these topics',
        description: 'Harvest only the GitHub repositories that have at least one of these topics.',
        examples: [['council-commons']],
      }),
    leave_out: uniqueList(singleLine(300), 200)
      .optional()
      .meta({
        title: 'Leave out',
        description:
          'Repositories (by name, or owner/name) and datasets (by their name on ' +
          'the portal, or their address) that the harvest should not propose.',
        examples: [['old-website', 'example-council/test-repo']],
      }),
    off: z
      .boolean({ error: 'true or false' })
      .optional()
      .meta({ title: 'Off', description: 'true to stop the harvest proposing anything for this body.' }),
  })
  .meta({
    title: 'Harvest settings',
    description:
      'Narrows what the weekly harvest proposes from the body’s GitHub and open data: topics (only repositories ' +
      'with one of them), leave_out (repositories or datasets to skip) and off. The next run follows any change.',
    examples: [{ topics: ['council-commons'], leave_out: ['old-website'] }],
  });

export const organisationSchema = z
  .strictObject({
    name: singleLine(150).meta({ title: 'Name', description: 'The short name people use, e.g. Hartlepool.', examples: ['Hartlepool'] }),
    official_name: singleLine(200)
      .optional()
      .meta({
        title: 'Official name',
        description: 'The full legal name, e.g. Hartlepool Borough Council.',
        examples: ['Hartlepool Borough Council'],
      }),
    translations: translations(
      {
        name: singleLine(150)
          .optional()
          .meta({ title: 'Name', description: 'The short name in this language.', examples: ['Caerdydd'] }),
        official_name: singleLine(200)
          .optional()
          .meta({ title: 'Official name', description: 'The full legal name in this language.', examples: ['Cyngor Caerdydd'] }),
      },
      { cy: { name: 'Caerdydd', official_name: 'Cyngor Caerdydd' } },
    ).optional(),
    type: organisationType,
    gss_code: gssCode.optional(),
    local_authority_code: z
      .string()
      .regex(/^[A-Z]{3,4}$|^NIR-[A-Z]$/, { error: 'a local-authority code from the register: three or four capital letters, e.g. HPL' })
      .optional()
      .meta({
        title: 'Local-authority code',
        description: 'The three- or four-letter code of the local-authority register (e.g. HPL for Hartlepool).',
        examples: ['HPL'],
      }),
    nation: registerWord('a nation', 'england')
      .optional()
      .meta({
        title: 'Nation',
        description:
          'The nation (or region) the body serves: one of those the hub’s configuration lists (organisations.nations in ' +
          'hub.config.yaml). Leave it out for a body that works across the whole country.',
        examples: ['england'],
      }),
    region: singleLine(80)
      .optional()
      .meta({ title: 'Region', description: 'The region, e.g. North East or Wales.', examples: ['North East'] }),
    county: organisationId.optional().meta({
      title: 'County',
      description: 'For a district council: the organisation id of its county council.',
      examples: ['lancashire'],
    }),
    combined_authority: organisationId.optional().meta({
      title: 'Combined authority',
      description: 'The organisation id of the combined authority the body belongs to, if any.',
      examples: ['tees-valley'],
    }),
    summary: plainText(500).optional().meta({
      title: 'About',
      description:
        'A sentence or two about the body, shown on its page. Most useful for community groups and other bodies people may not know.',
    }),
    website: webUrl
      .optional()
      .meta({ title: 'Website', description: 'The body’s main website.', examples: ['https://www.example.gov.uk/'] }),
    github: z
      .union([githubOwner, uniqueList(githubOwner, 10)], {
        error: 'a GitHub organisation or user name, or a list of them, e.g. alphagov or [alphagov, gds-operations]',
      })
      .optional()
      .meta({
        title: 'GitHub',
        description:
          'The body’s organisations (or users) on GitHub, without @ or https://github.com/: one name, or a list ' +
          'when it has several. The weekly harvest proposes its reusable public repositories as components.',
        examples: [['example-council', 'example-council-digital']],
      }),
    open_data: uniqueList(openDataSource, 20)
      .optional()
      .meta({
        title: 'Open data',
        description:
          'Where the body publishes its datasets, for the weekly harvest: each entry is a CKAN portal and the body’s name on ' +
          'it ({ ckan: https://…, organisation: … }), or a DCAT data.json catalogue or dataset ({ data_json: https://… }).',
        examples: [
          [{ ckan: 'https://data.gov.uk', organisation: 'example-council' }, { data_json: 'https://data.example.gov.uk/data.json' }],
        ],
      }),
    harvest: harvestSettings.optional(),
    maintainers: uniqueList(githubHandle, 20)
      .optional()
      .meta({
        title: 'Maintainers',
        description:
          'GitHub users or teams who look after this body’s records on the hub. Their review is asked for on every change to them.',
        examples: [['@fenmoor-council/digital', 'octocat']],
      }),
    contact: contact.optional(),
    uses: uniqueList(componentId, 200)
      .optional()
      .meta({
        title: 'Components used',
        description: 'Ids of shared components (code, patterns, standards) this body runs or follows, so others can see what is reused.',
        examples: [['components/fenmoor/bin-day-finder']],
      }),
    systems: uniqueList(systemSchema, 50)
      .optional()
      .meta({
        title: 'Systems and contracts',
        description:
          'The main systems the body runs, each with its product, supplier, service_area (a theme id), ' +
          'contract_end (YYYY-MM) and optionally services, contract_start and notes, so that councils whose ' +
          'contracts for the same kind of service end at around the same time can buy together. Take them from ' +
          'your published contracts register; see “Recording your systems and contracts” in CONTRIBUTING.md.',
        examples: [
          [
            {
              product: 'Tallowmere Revenues and Benefits',
              supplier: 'Pellwick Data',
              service_area: 'council-tax-and-benefits',
              services: [58, 59, 69],
              contract_start: '2020-04',
              contract_end: '2027-03',
            },
          ],
        ],
      }),
    demonstration: z.boolean({ error: 'true or false' }).optional().meta({
      title: 'Demonstration',
      description:
        'true for a fictional organisation whose records only show how the hub works. Its records are marked as demonstration on the site.',
    }),
  })
  .meta({
    title: 'Organisation',
    description:
      'A council, combined authority, other public body or community group that ' +
      'shares work on Council Commons. File: content/organisations/<id>.yaml.',
  });

export type Organisation = z.infer<typeof organisationSchema>;
