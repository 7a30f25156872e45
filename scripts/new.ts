/**
 * npm run new -- <collection> <organisation> <slug> [--content DIR] [--force]
 * npm run new -- organisations <id> [--content DIR] [--force]
 *
 * Writes a skeleton record with a comment on every field. It validates as it stands (with warnings
 * until the placeholders are replaced), so a contributor starts from something right.
 */
import { HubConfigError, loadHubConfig } from '../src/lib/hub-config.ts';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ORGANISATIONS, RECORD_COLLECTION_NAMES } from '../schemas/collections.ts';
import { skeleton } from '../src/lib/scaffold.ts';
import { isSlug, slugify } from '../src/lib/slug.ts';
import { closestMatch } from '../src/lib/suggest.ts';

const COLLECTIONS = [...RECORD_COLLECTION_NAMES, ORGANISATIONS.name];
const USAGE = `Usage: npm run new -- <collection> <organisation> <slug> [--content DIR] [--force]
       npm run new -- organisations <id>

  collection    one of ${COLLECTIONS.join(', ')}
  organisation  your organisation's id: the name of its file in content/organisations, e.g. hartlepool
  slug          the new record's name in its address: lowercase letters, digits and hyphens, e.g. garden-waste-online

Example: npm run new -- roadmap hartlepool garden-waste-online`;

/** Exit 2 with the usage for a malformed command; exit 1 with only the message when the command was fine but cannot be done. */
function fail(message: string, code = 2): never {
  process.stderr.write(code === 2 ? `new: ${message}\n\n${USAGE}\n` : `new: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      options: { content: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [collection, organisation, slug, ...extra] = positionals;
if (!collection) fail('say which kind of record to create.');
if (!(COLLECTIONS as string[]).includes(collection)) {
  const suggestion = closestMatch(collection, COLLECTIONS);
  fail(`there is no collection "${collection}"${suggestion ? `: did you mean ${suggestion}?` : '.'}`);
}
const isOrganisation = collection === ORGANISATIONS.name;
if (!organisation) fail(isOrganisation ? 'give the new organisation’s id.' : 'give your organisation’s id.');
if (!isOrganisation && !slug) fail('give the new record a slug, e.g. garden-waste-online.');
if (extra.length || (isOrganisation && slug)) fail(`too many arguments: ${[...(isOrganisation ? [slug] : []), ...extra].join(' ')}`);
for (const [what, value] of [
  ['organisation id', organisation],
  ['slug', slug],
] as const) {
  if (value !== undefined && !isSlug(value))
    fail(
      `the ${what} "${value}" is not valid: use lowercase letters, digits and hyphens${slugify(value) ? `, e.g. ${slugify(value)}` : ''}.`,
    );
}

const contentDir = resolve(values.content ?? process.env.HUB_CONTENT_DIR ?? 'content');
if (!isOrganisation && !existsSync(join(contentDir, 'organisations', `${organisation}.yaml`))) {
  const { readdirSync } = await import('node:fs');
  const ids = readdirSync(join(contentDir, 'organisations')).map((name) => name.replace(/\.yaml$/, ''));
  const suggestion = closestMatch(organisation, ids);
  fail(
    `there is no organisation "${organisation}" in ` +
      `${relative(process.cwd(), join(contentDir, 'organisations')) || 'content/organisations'}` +
      (suggestion ? `: did you mean ${suggestion}?` : `. Add it first with npm run new -- organisations ${organisation}`),
    1,
  );
}

// The hub's service list named in the services field's note; a broken configuration only loses that name
// here (npm run validate says what is wrong with it).
let serviceList: { name: string; file: string } | undefined;
try {
  serviceList = loadHubConfig(contentDir).services;
} catch (error) {
  if (!(error instanceof HubConfigError)) throw error;
}
const record = skeleton(collection, organisation, slug, serviceList);
const target = join(contentDir, record.path);
if (existsSync(target) && !values.force) {
  fail(`${relative(process.cwd(), target)} already exists; nothing was written. Choose another slug, or add --force to replace it.`, 1);
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, record.text);
console.log(`Wrote ${relative(process.cwd(), target)}.
Next: replace every "REPLACE THIS" with your own words, uncomment the optional fields you want (remove the "# "),
then run npm run validate to check it.`);
