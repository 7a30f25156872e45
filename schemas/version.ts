/**
 * The version of the content model: the fields of every record type, organisation and vocabulary file
 * that schemas/ defines. It follows semantic versioning so that editors, importers, the API's users and
 * forks can tell whether a change breaks them: a field added (or a rule relaxed) is a minor change; a field
 * removed or renamed, or a value a file may hold taken away, is a major one, and comes with a migration
 * (src/lib/migrations/) that `npm run migrate -- --from <major>` runs. Every change is written down in
 * CONTENT-MODEL-CHANGELOG.md. This is the one place the version is set; everything else imports it.
 */
export const CONTENT_MODEL_VERSION = '2.0.0';

/** The major version: what addresses carry (/schemas/v1/…), since only a major change breaks a file. */
export const CONTENT_MODEL_MAJOR = Number(CONTENT_MODEL_VERSION.split('.')[0]);

/** The path of a published JSON Schema under the site, with the major version in it: schemas/v1/roadmap.schema.json. */
export function versionedSchemaPath(name: string, major = CONTENT_MODEL_MAJOR): string {
  return `schemas/v${major}/${name}.schema.json`;
}

/**
 * Fields a major version took away, with where their values go now: a file still written the old way is
 * told both, and the migration that moves them (`npm run migrate -- --from <since - 1>`), not only that the
 * field is unknown.
 */
export const RETIRED_FIELDS: Readonly<Record<string, { since: number; now: string }>> = {
  title_cy: { since: 2, now: 'translations.cy.title' },
  summary_cy: { since: 2, now: 'translations.cy.summary' },
  name_cy: { since: 2, now: 'translations.cy.name' },
  official_name_cy: { since: 2, now: 'translations.cy.official_name' },
};

/** The changelog of the content model, at the root of the repository. */
export const CONTENT_MODEL_CHANGELOG = 'CONTENT-MODEL-CHANGELOG.md';
