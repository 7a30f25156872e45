/**
 * The hub's own configuration (hub.config.yaml, or the file HUB_CONFIG names): what makes this hub this
 * hub rather than another built from the same code. Checked when the hub validates or builds, with the
 * same plain errors as content (src/lib/hub-config.ts).
 */
import { z } from 'zod';
import { languageCode, licenceId, plainText, singleLine } from './fields.ts';

/** owner/name of a repository on GitHub. */
export const githubRepository = z
  .string({ error: 'a GitHub repository as owner/name, e.g. council-commons/council-commons' })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, {
    error: 'a GitHub repository as owner/name, without https://github.com/, e.g. council-commons/council-commons',
  });

/** A file the configuration names: a path from the configuration file's folder. */
const configuredFile = (description: string, example: string) =>
  singleLine(300)
    .regex(/^[^\0]+$/, { error: 'a path to a file, from the folder of this configuration file' })
    .meta({ description, examples: [example] });

/** The list of services records say they are about, if the hub has one (see src/lib/reference-data.ts). */
export const serviceListConfig = z
  .strictObject({
    name: singleLine(100).meta({
      title: 'Name',
      description: 'The list’s full name, as the services pages and the field help give it.',
      examples: ['Local Government Service List'],
    }),
    publisher: singleLine(100)
      .optional()
      .meta({
        title: 'Publisher',
        description: 'Who publishes the list, credited on the about page.',
        examples: ['Local Government Association'],
      }),
    abbreviation: singleLine(12)
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, { error: 'a short name of letters, digits and hyphens, e.g. LGSL' })
      .meta({
        title: 'Abbreviation',
        description: 'What goes before a service’s id wherever one is named, as in “LGSL 524”.',
        examples: ['LGSL'],
      }),
    file: configuredFile(
      'The list as CSV, one service a row, with at least an id column (whole numbers) and a label column; ' +
        'description, uri, esd_history_notes (former names) and govuk_description are read when present.',
      'data/reference/services.csv',
    ).meta({ title: 'File' }),
    idColumn: singleLine(50)
      .optional()
      .meta({ title: 'Id column', description: 'The column that holds the ids, when it is not called id.', examples: ['lgsl_id'] }),
    uri: singleLine(200)
      .regex(/^https?:\/\/[^\s]*\{id\}[^\s]*$/, {
        error: 'an address with {id} where the service’s id goes, e.g. http://id.esd.org.uk/service/{id}',
      })
      .optional()
      .meta({
        title: 'Address of a service',
        description: 'The address that identifies a service, with {id} for its id, for rows that give no uri of their own.',
        examples: ['http://id.esd.org.uk/service/{id}'],
      }),
  })
  .meta({
    title: 'Service list',
    description:
      'The list of public services records say they are about. Leave it out for a hub without one: records then name themes only.',
  });

/** An id in one of the register's lists, as organisation files write it: a slug, e.g. metropolitan-district. */
const registerId = (what: string, example: string) =>
  z
    .string({ error: `${what} id: lowercase letters, digits and single hyphens, e.g. ${example}` })
    .max(60, { error: `${what} id of at most 60 characters` })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${what} id: lowercase letters, digits and single hyphens, e.g. ${example}` });

/** A kind of body organisation files may name as their `type`. */
export const organisationTypeConfig = z
  .strictObject({
    id: registerId('a type', 'county').meta({
      title: 'Id',
      description: 'What organisation files write as their `type`.',
      examples: ['county'],
    }),
    label: singleLine(60).meta({
      title: 'Label',
      description: 'The type in words, as pages, filters and counts show it.',
      examples: ['County council'],
    }),
    kind: singleLine(40)
      .regex(/^[a-z][a-z -]*$/, { error: 'a lowercase noun or short phrase whose last word is the noun, e.g. council' })
      .meta({
        title: 'Kind',
        description:
          'What to call one body of this type when counting them, in lowercase, as in “used by 3 councils and 1 community group”. ' +
          'Types with the same kind are counted together. The last word is made plural (council → councils, body → bodies).',
        examples: ['council'],
      }),
    registered: z
      .boolean({ error: 'true or false' })
      .optional()
      .meta({
        title: 'Registered',
        description:
          'true for types that carry the official code (organisations.code) in `gss_code`: the validator asks every body ' +
          'of the type for one. Needs organisations.code.',
      }),
    government: z.boolean({ error: 'true or false' }).optional().meta({
      title: 'Government',
      description: 'true for a public body: its page’s structured data (schema.org) calls it a GovernmentOrganization.',
    }),
  })
  .meta({ title: 'Organisation type', description: 'A kind of body organisation files may name as their `type`.' });

/** A value of an organisation's `nation` field: a nation, region or province, whatever the hub divides its country into. */
export const nationConfig = z
  .strictObject({
    id: registerId('a nation', 'england').meta({
      title: 'Id',
      description: 'What organisation files write as their `nation`.',
      examples: ['england'],
    }),
    label: singleLine(60).meta({ title: 'Label', description: 'Its name, as pages, filters and counts show it.', examples: ['England'] }),
    code: singleLine(10)
      .regex(/^[A-Za-z0-9]+$/, { error: 'letters or digits, e.g. E' })
      .optional()
      .meta({
        title: 'Code prefix',
        description:
          'What the official codes of its bodies start with (organisations.code), for the check that a body’s code and `nation` agree. ' +
          'Leave it out where codes do not say where a body is.',
        examples: ['E'],
      }),
  })
  .meta({ title: 'Nation', description: 'A value of an organisation’s `nation` field, with its name.' });

/** The official code registered bodies carry in `gss_code`, if the hub's country has one. */
export const organisationCodeConfig = z
  .strictObject({
    name: singleLine(40).meta({
      title: 'Name',
      description: 'The code’s name, as pages, structured data and the validator’s messages give it.',
      examples: ['GSS code'],
    }),
    pattern: singleLine(200).meta({
      title: 'Pattern',
      description: 'A regular expression (JavaScript) every code must match, from ^ to $.',
      examples: ['^[EKNSW]\\d{8}$'],
    }),
    format: singleLine(120).meta({
      title: 'Format',
      description: 'The pattern in words, for the message about a code that does not match it.',
      examples: ['a capital E, K, N, S or W and eight digits'],
    }),
    example: singleLine(40).meta({
      title: 'Example',
      description: 'A real code, for messages. It must match the pattern.',
      examples: ['E06000001'],
    }),
    where: singleLine(200).meta({
      title: 'Where to find it',
      description: 'Where someone finds a body’s code, as the fix for a missing one says it.',
      examples: ['data/reference/local-authorities.csv, or the ONS Open Geography portal'],
    }),
  })
  .meta({
    title: 'Official code',
    description:
      'The official code registered types carry in an organisation file’s `gss_code` field. Leave it out for a country without one: ' +
      'then no type may be registered, and no file may give a `gss_code`.',
  });

/** What kinds of body the hub's organisations are, and where they are: the words of the organisation register. */
export const organisationsConfig = z
  .strictObject({
    types: z
      .array(organisationTypeConfig, { error: 'a list of types, each with an id, a label and a kind' })
      .min(1, { error: 'at least one type' })
      .meta({
        title: 'Types',
        description:
          'The kinds of body organisation files may name as their `type`, in the order filters and counts show them. Each id once.',
      }),
    nations: z.array(nationConfig, { error: 'a list of nations, each with an id and a label' }).meta({
      title: 'Nations',
      description:
        'The values of an organisation file’s `nation` field (nations, regions or provinces), in the order filters and counts ' +
        'show them. Each id once. An empty list: no file may give a `nation`.',
    }),
    nationName: z
      .strictObject({
        singular: singleLine(40).meta({ title: 'One', description: 'As a filter’s label, e.g. Province.', examples: ['Nation'] }),
        plural: singleLine(40).meta({ title: 'More than one', description: 'In “See all 4 provinces”.', examples: ['nations'] }),
      })
      .optional()
      .meta({
        title: 'What nations are called',
        description: 'What the lists, filters and numbers call the values of `nation`: Nation and nations when left out.',
      }),
    listed: singleLine(120)
      .optional()
      .meta({
        title: 'Listed already',
        description:
          'Who has a page on the hub before sharing anything, as in “Every UK council already has a page here”. ' +
          'Leave it out when organisations join as they share.',
        examples: ['Every UK council'],
      }),
    attribution: plainText(300)
      .optional()
      .meta({
        title: 'Where organisation details come from',
        description:
          'The credit the register’s sources ask for, shown on the about page, the pages of registered bodies and the open data.',
        examples: ['Organisation details contain data from mySociety (CC BY 4.0).'],
      }),
    everywhere: singleLine(60).meta({
      title: 'Everywhere',
      description: 'What the numbers page calls the bodies that give no `nation`, because they work across the whole country.',
      examples: ['Across the UK'],
    }),
    code: organisationCodeConfig.optional(),
  })
  .meta({
    title: 'Organisations',
    description:
      'The words of the organisation register: the types of body and the nations organisation files may name, and the official ' +
      'code registered bodies carry. Required, so that a hub for another country says its own words, never the UK’s by default.',
  });

/** A language the hub's text is written in (see `languages` below). */
export const languageConfig = z
  .strictObject({
    code: languageCode.meta({
      title: 'Code',
      description:
        'The language’s code (BCP 47): what pages give as their lang, and what records write under `translations` for the ' +
        'hub’s other languages.',
      examples: ['en-GB', 'cy', 'ga'],
    }),
    name: singleLine(60).meta({
      title: 'Name',
      description: 'The language’s name in the hub’s main language, as labels give it: “Title in Welsh”.',
      examples: ['Welsh'],
    }),
    ownName: singleLine(60)
      .optional()
      .meta({ title: 'Own name', description: 'Its name in itself, shown beside the name: Cymraeg.', examples: ['Cymraeg'] }),
  })
  .meta({ title: 'Language', description: 'A language the hub’s text is written in.' });

const languagesConfig = z
  .array(languageConfig)
  .min(1, { error: 'at least one language: the hub’s main language, e.g. { code: en-GB, name: English }' })
  .max(20, { error: 'at most 20 languages' })
  .meta({
    title: 'Languages',
    description:
      'The languages the hub’s text is written in. The first is its main language: the pages’ own, and every record’s title and ' +
      'summary. Records and organisations may give their title, summary and names in the others too, under `translations`. ' +
      'The UI text of each is in translations/<code>.yaml.',
    examples: [
      [
        { code: 'en-GB', name: 'English' },
        { code: 'cy', name: 'Welsh', ownName: 'Cymraeg' },
      ],
    ],
  });

export const hubConfigSchema = z
  .strictObject({
    name: singleLine(60).meta({
      title: 'Name',
      description: 'The hub’s name, as the header, page titles, feeds, open data and issue forms give it.',
      examples: ['Council Commons'],
    }),
    tagline: singleLine(200).meta({
      title: 'Tagline',
      description: 'One line on what the hub is for, shown under its name on the home page.',
      examples: ['Where UK councils share their digital work'],
    }),
    description: plainText(400).meta({
      title: 'Description',
      description: 'Two sentences on who shares what on the hub, as search engines, link previews and the open-data catalogue describe it.',
    }),
    repository: z
      .strictObject({
        github: githubRepository.meta({
          title: 'GitHub repository',
          description:
            'Where the hub’s content is kept, for “edit this page”, “report a problem” and the forms that open pull requests. ' +
            'A build on GitHub Actions uses its own repository instead, so a fork links to itself.',
          examples: ['council-commons/council-commons'],
        }),
        branch: singleLine(100)
          .regex(/^[A-Za-z0-9._/-]+$/, { error: 'a branch name, e.g. main' })
          .meta({ title: 'Branch', description: 'The branch changes are proposed against.', examples: ['main'] }),
      })
      .meta({ title: 'Repository', description: 'The repository on GitHub that holds the hub’s content.' }),
    defaultLicence: licenceId.meta({
      title: 'Default licence',
      description: 'The licence of every record that names none, as an SPDX id from the licence list. It must be an open licence.',
      examples: ['OGL-UK-3.0'],
    }),
    licences: configuredFile(
      'The licences records may name, as CSV with the columns id (SPDX), name, url, open and osi_approved. ' +
        'Without it, the list that comes with the hub (data/reference/licences.csv): common open licences by SPDX id, and the UK’s OGL.',
      'data/reference/licences.csv',
    )
      .optional()
      .meta({ title: 'Licence list' }),
    languages: languagesConfig,
    translations: configuredFile(
      'The folder of the UI text, one file a language named by its code (en-GB.yaml, cy.yaml): what the pages’ headers, footers ' +
        'and banners say. Without it, or for a language it has no file for, the files that come with the hub (translations/).',
      'translations',
    )
      .optional()
      .meta({ title: 'UI text folder' }),
    services: serviceListConfig.optional(),
    organisations: organisationsConfig,
  })
  .meta({
    title: 'Hub configuration',
    description:
      'What makes this hub itself: its name, what it is for, where its content is kept, its licences, its service list ' +
      'and the words of its organisation register. ' +
      'File: hub.config.yaml.',
  });

export type HubConfig = z.infer<typeof hubConfigSchema>;
export type ServiceListConfig = z.infer<typeof serviceListConfig>;
export type OrganisationsConfig = z.infer<typeof organisationsConfig>;
export type OrganisationTypeConfig = z.infer<typeof organisationTypeConfig>;
export type LanguageConfig = z.infer<typeof languageConfig>;
export type NationConfig = z.infer<typeof nationConfig>;
export type OrganisationCodeConfig = z.infer<typeof organisationCodeConfig>;
