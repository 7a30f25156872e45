/**
 * npm run import -- publiccode <file> --organisation <id> [--content DIR] [--force] [--slug SLUG]
 * npm run import -- dcat <file> --organisation <id> [--content DIR] [--force] [--slug SLUG]
 *
 * Turns metadata a council already publishes into hub records, so that it reports once: a
 * publiccode.yml into a component, a CKAN package or a DCAT catalogue (data.json, DCAT-AP JSON-LD) into
 * datasets. <file> is a path, or - for standard input; web addresses are refused (the importer never
 * fetches anything).
 *
 * Every record is checked with the validator's own checks before anything is written, and the importer
 * writes all the records or none: on any problem (a licence the hub does not know, an existing file
 * without --force, an invalid record) it writes nothing, lists every problem, and exits 1.
 * Exit codes: 0 written; 1 the input was read but the records could not be written; 2 wrong usage or
 * input that cannot be read (not JSON or YAML, not a publiccode.yml or a CKAN or DCAT document).
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlannedFiles, loadHub, organisationIds } from '../src/lib/import/check.ts';
import { mapDcat } from '../src/lib/import/dcat.ts';
import { DCAT_MAX_BYTES, parseJsonInput, parseYamlInput, PUBLICCODE_MAX_BYTES, readInput, type Input } from '../src/lib/import/input.ts';
import { mapPubliccode } from '../src/lib/import/publiccode.ts';
import { recordPath, renderRecord } from '../src/lib/import/render.ts';
import { ImportInputError, type PlannedRecord } from '../src/lib/import/types.ts';
import { today } from '../src/lib/freshness.ts';
import { isSlug, slugify } from '../src/lib/slug.ts';
import { closestMatch } from '../src/lib/suggest.ts';
import type { Problem } from '../src/lib/validation/problem.ts';

const FORMATS = ['publiccode', 'dcat'] as const;
const USAGE = `Usage: npm run import -- publiccode <file> --organisation <id> [--content DIR] [--force] [--slug SLUG]
       npm run import -- dcat <file> --organisation <id> [--content DIR] [--force] [--slug SLUG]

  publiccode      <file> is a publiccode.yml (versions 0.2 to 0.7): writes one component
  dcat            <file> is a CKAN package_show response, a CKAN package, or a DCAT catalogue
                  (data.json, or DCAT-AP JSON-LD): writes one dataset for each dataset in it
  <file>          a file on your computer, or - to read standard input (download web files first)
  --organisation  your organisation's id: the name of its file in content/organisations, e.g. hartlepool
  --content DIR   the content folder (default: content, or $HUB_CONTENT_DIR)
  --force         replace records that already exist
  --slug SLUG     the record's name in its address (default: from the name or title); one record only

Examples: npm run import -- publiccode ../bin-day-finder/publiccode.yml --organisation hartlepool
          npm run import -- dcat package.json --organisation hartlepool`;

/** Exit 2 with the usage for a malformed command; otherwise only the message, with its exit code. */
function fail(message: string, code = 2, usage = code === 2): never {
  process.stderr.write(usage ? `import: ${message}\n\n${USAGE}\n` : `import: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      options: {
        organisation: { type: 'string' },
        content: { type: 'string' },
        force: { type: 'boolean' },
        slug: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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

const [format, file, ...extra] = positionals;
if (!format) fail('say what to import: publiccode or dcat.');
if (!(FORMATS as readonly string[]).includes(format)) {
  const suggestion = closestMatch(format, FORMATS);
  fail(`there is no importer "${format}"${suggestion ? `: did you mean ${suggestion}?` : `; use ${FORMATS.join(' or ')}.`}`);
}
const isPubliccode = format === 'publiccode';
if (!file) fail(`give the ${isPubliccode ? 'publiccode.yml' : 'CKAN or DCAT'} file to import, or - to read standard input.`);
if (extra.length > 0) fail(`too many arguments: ${extra.join(' ')}`);
if (/^https?:\/\//i.test(file)) {
  const example = isPubliccode
    ? `curl -fsSL -o publiccode.yml '${file}'\n` +
      `  npm run import -- publiccode publiccode.yml --organisation ${values.organisation ?? '<id>'}`
    : `curl -fsSL -o catalogue.json '${file}'\n` +
      `  npm run import -- dcat catalogue.json --organisation ${values.organisation ?? '<id>'}\n` +
      `(For one CKAN dataset, download https://<portal>/api/3/action/package_show?id=<dataset name>.)`;
  fail(
    `${file} is a web address; the importer reads files and never fetches anything. Download it first, then import the file:\n  ${example}`,
    2,
    false,
  );
}
const organisation = values.organisation;
if (!organisation) fail('give your organisation’s id with --organisation, e.g. --organisation hartlepool.');
for (const [what, value] of [
  ['organisation id', organisation],
  ['slug', values.slug],
] as const) {
  if (value !== undefined && !isSlug(value))
    fail(
      `the ${what} "${value}" is not valid: use lowercase letters, digits and hyphens${slugify(value) ? `, e.g. ${slugify(value)}` : ''}.`,
    );
}

const contentDir = resolve(values.content ?? process.env.HUB_CONTENT_DIR ?? 'content');
const shown = (path: string) => relative(process.cwd(), path) || '.';
if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
  fail(
    `the content folder ${shown(contentDir)} does not exist. ` +
      `Give the folder that holds organisations/, datasets/ and the rest with --content.`,
  );
}
if (!existsSync(join(contentDir, 'organisations', `${organisation}.yaml`))) {
  const suggestion = closestMatch(organisation, organisationIds(contentDir));
  fail(
    `there is no organisation "${organisation}" in ${shown(join(contentDir, 'organisations'))}` +
      (suggestion
        ? `: did you mean ${suggestion}?`
        : `. Check the id (the name of your organisation’s file), or add it first with npm run new -- organisations ${organisation}.`),
    2,
    false,
  );
}

// Read and map the input. Anything unreadable stops here, before anything is checked or written.
// npm run starts scripts in the repository's folder; a relative path is meant from where npm was run.
const inputPath = file === '-' || isAbsolute(file) || !process.env.INIT_CWD ? file : resolve(process.env.INIT_CWD, file);
let input: Input;
let description: string;
let records: PlannedRecord[];
const hub = loadHub(contentDir);
try {
  if (isPubliccode) {
    input = readInput(inputPath, PUBLICCODE_MAX_BYTES, 'A publiccode.yml is a short file: check that this is the right one.', file);
    const mapped = mapPubliccode(parseYamlInput(input), {
      licences: hub.reference.licences,
      themes: hub.themes,
      organisations: hub.organisations,
      owner: organisation,
      ...(values.slug ? { slug: values.slug } : {}),
      otherLanguages: (hub.context.languages ?? []).slice(1).map((language) => language.code),
    });
    description = mapped.record.origin;
    records = [mapped.record];
  } else {
    input = readInput(
      inputPath,
      DCAT_MAX_BYTES,
      'Import the datasets a few at a time: CKAN’s package_show gives one, or split the catalogue’s "dataset" list into smaller files.',
      file,
    );
    const mapped = mapDcat(parseJsonInput(input), {
      licences: hub.reference.licences,
      themes: hub.themes,
      organisations: hub.organisations,
      owner: organisation,
      ...(values.slug ? { slug: values.slug } : {}),
    });
    description = mapped.description;
    records = mapped.records;
  }
} catch (error) {
  if (!(error instanceof ImportInputError)) throw error;
  const message = error.message;
  // Messages about the file's content start with what it is; messages from reading already name the file.
  const named = message.startsWith('it ') ? `${file === '-' ? 'standard input' : file}: ${message}` : message;
  fail(`${named}${/[.!?]$/.test(named) ? '' : '.'} Nothing was written.`, 2, false);
}

// Plan every file, then check them all before writing any.
const date = today();
const owner = hub.organisations.find((candidate) => candidate.id === organisation)!;
const force = values.force === true;
interface Plan {
  record: PlannedRecord;
  target: string;
  display: string;
  text: string;
  /** The same record with the other file ending (x.yaml for x.md), which --force replaces. */
  other?: string;
  clash?: string;
}
const plans: Plan[] = records.map((record) => {
  const path = recordPath(record, organisation);
  const target = join(contentDir, path);
  const otherPath =
    record.collection === 'components' ? target.replace(/\.(md|yaml)$/, (_, ending) => (ending === 'md' ? '.yaml' : '.md')) : undefined;
  const other = otherPath && existsSync(otherPath) ? otherPath : undefined;
  const clash = existsSync(target) ? target : other;
  return {
    record,
    target,
    display: shown(target),
    text: renderRecord(record, date),
    ...(other ? { other } : {}),
    ...(clash ? { clash } : {}),
  };
});
const problems = checkPlannedFiles(
  plans.map((plan) => ({ relative: relative(contentDir, plan.target).split('\\').join('/'), display: plan.display, text: plan.text })),
  hub,
);

/** Validator findings worth showing: not those on fields a blocker already explains, nor the placeholders the notes mention. */
function findingsFor(plan: Plan): Problem[] {
  const blocked = new Set(plan.record.notes.filter((note) => note.level === 'blocker').map((note) => note.field ?? ''));
  return (problems.get(plan.display) ?? []).filter((problem) => problem.rule !== 'content/placeholder' && !blocked.has(problem.field));
}

/** Wraps a message at about 110 characters, the first line after `first`, the others indented to match. */
function indent(text: string, first: string, rest = ' '.repeat(first.length)): string {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && prefix.length + line.length + 1 + word.length > 110) {
      lines.push(prefix + line);
      prefix = rest;
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(prefix + line);
  return lines.join('\n');
}
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const out: string[] = [`Importing ${description} from ${input!.name} for ${owner.official_name ?? owner.name} (${organisation}).`];
if (hub.themesProblem) out.push(`Themes were not matched: ${hub.themesProblem}.`);
const writable = (plan: Plan) =>
  plan.record.notes.every((note) => note.level !== 'blocker') &&
  findingsFor(plan).every((problem) => problem.severity !== 'error') &&
  !(plan.clash && !force);
const unwritable = plans.filter((plan) => !writable(plan)).length;
for (const plan of plans) {
  const { record } = plan;
  const findings = findingsFor(plan);
  const errors = findings.filter((problem) => problem.severity === 'error');
  const blockers = record.notes.filter((note) => note.level === 'blocker');
  const clash = plan.clash && !force;
  const ok = writable(plan);
  out.push('');
  out.push(
    `${!ok ? 'Cannot write' : unwritable > 0 ? 'Could write' : plan.clash ? 'Replaces' : 'Writes'} ${plan.display}, from ${record.source}`,
  );
  if (clash)
    out.push(
      indent(
        `${shown(plan.clash!)} already exists. Add --force to replace it${isPubliccode ? ', or choose another slug with --slug' : ''}.`,
        '  - ',
      ),
    );
  for (const note of blockers) out.push(indent(note.message, '  - '));
  for (const problem of errors) {
    out.push(
      indent(
        `${capitalise(problem.message)}${problem.fix ? ` Fix: ${capitalise(problem.fix)}` : ''} (the hub’s check ${problem.rule})`,
        '  - ',
      ),
    );
  }
  const checks = record.notes.filter((note) => note.level === 'check').map((note) => note.message);
  const warnings = findings
    .filter((problem) => problem.severity === 'warning')
    .map((problem) => `${capitalise(problem.message)}${problem.fix ? ` Fix: ${capitalise(problem.fix)}` : ''}`);
  if (checks.length + warnings.length > 0) {
    out.push('  Check:');
    for (const message of [...checks, ...warnings]) out.push(indent(message, '  - '));
  }
  const infos = record.notes.filter((note) => note.level === 'info').map((note) => note.message);
  if (infos.length > 0) {
    out.push('  Good to know:');
    for (const message of infos) out.push(indent(message, '  - '));
  }
  if (record.notMapped.length > 0) {
    out.push(
      indent(
        `Not mapped (the hub has no field for these; put anything that matters in the ` +
          `${record.format === 'markdown' ? 'text' : 'summary'}): ${record.notMapped.join(', ')}.`,
        '  ',
      ),
    );
  }
}

if (unwritable > 0) {
  process.stdout.write(`${out.join('\n')}\n\n`);
  const some =
    records.length === 1
      ? 'The record cannot be written as it stands'
      : `${unwritable} of ${records.length} records cannot be written as they stand`;
  fail(
    `nothing was written. ${some} (see "Cannot write" above). ` +
      (records.length > 1 ? 'The importer writes all the records or none, so that nothing is half imported. ' : '') +
      'Fix what is listed, then run the same command again.' +
      (records.length > 1 ? ' To leave a dataset out, remove it from the downloaded file.' : ''),
    1,
    false,
  );
}

out.push('');
for (const plan of plans) {
  try {
    mkdirSync(dirname(plan.target), { recursive: true });
    // Without --force, a file that appeared since the check is still never overwritten.
    writeFileSync(plan.target, plan.text, { flag: force ? 'w' : 'wx' });
    if (plan.other && force) rmSync(plan.other);
  } catch (error) {
    process.stdout.write(`${out.join('\n')}\n\n`);
    fail(
      `${plan.display} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ` +
        `the files listed above as "Wrote" were written. Fix the problem, then run the same command again with --force.`,
      1,
      false,
    );
  }
  out.push(`Wrote ${plan.display}${plan.other ? ` (and removed ${shown(plan.other)}, which it replaces)` : ''}`);
}
out.push('');
out.push(
  indent(
    `Next: read ${records.length === 1 ? 'the file' : 'each file'} and change what needs changing ` +
      `(the comment at the top says what to finish), run npm run validate, then open a pull request.`,
    '',
  ),
);
process.stdout.write(`${out.join('\n')}\n`);
