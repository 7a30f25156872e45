/**
 * npm run import as people run it: a real process on a copy of the small baseline content, real
 * fixture files, and the real validator afterwards. What it writes passes npm run validate; it exits
 * 0, 1 or 2 as the README says; on malformed input or a clash it writes nothing; --force replaces; and
 * every message names the file concerned.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';

const PUBLICCODE = join(ROOT, 'tests/fixtures/import/publiccode');
const DCAT = join(ROOT, 'tests/fixtures/import/dcat');
const scratch = mkdtempSync(join(tmpdir(), 'council-commons-import-test-'));

afterAll(() => {
  removeFixtures();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs the script. Messages are wrapped for the terminal, so `text` and `errors` have each run of spaces and line breaks as one space. */
function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    text: result.stdout.replace(/\s+/g, ' '),
    errors: result.stderr.replace(/\s+/g, ' '),
    all: `${result.stdout}\n${result.stderr}`,
  };
}

/** A record's text with its comment lines joined, as the wrapping falls where the date's length puts it. */
function unwrapped(text: string): string {
  return text.replace(/\n# (?!yaml-language-server|To do|Imported)/g, ' ');
}

function validate(content: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts'), '--content', content], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout };
}

/** Every file under a folder, relative to it, to show that nothing was written. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run import -- publiccode', () => {
  it('writes a component that passes npm run validate, and says what it wrote and what to check', () => {
    const content = contentFixture();
    const result = run(['publiccode', join(PUBLICCODE, 'v0.2.yml'), '--organisation', 'ashdown', '--content', content]);
    expect(result.status, result.all).toBe(0);
    const file = join(content, 'components/ashdown/bin-day-reminder.md');
    expect(result.text).toMatch(/Importing publiccode\.yml \(version 0\.2\) from .*v0\.2\.yml for Ashdown County Council \(ashdown\)\./);
    expect(result.stdout).toMatch(/\nWrote .*content\/components\/ashdown\/bin-day-reminder\.md\n/);
    expect(result.text).toContain('add components/ashdown/bin-day-reminder to `uses` in content/organisations/brackwater.yaml');
    expect(result.text).toMatch(
      /Not mapped \(the hub has no field for these; put anything that matters in the text\):\s+legal\.mainCopyrightOwner/,
    );
    expect(result.text).toContain('Next: read the file');
    const text = readFileSync(file, 'utf8');
    expect(unwrapped(text)).toMatch(
      new RegExp(
        /^---\n# Imported from publiccode\.yml \(version 0\.2\) on \d{4}-\d{2}-\d{2} by npm run import\. /.source +
          /Check it, then open a pull request\.\ntitle: Bin Day Reminder\n/.source,
      ),
    );
    expect(validate(content)).toMatchObject({ status: 0 });
  });

  it('writes every fixture version, and all of them pass npm run validate together', () => {
    const content = contentFixture();
    for (const name of ['v0.2.yml', 'v0.3.yml', 'v0.4-contract.yml', 'v0.5-funded.yml', 'v0.7-supports.yml', 'italian-only.yml']) {
      const result = run(['publiccode', join(PUBLICCODE, name), '--organisation', 'ashdown', '--content', content]);
      expect(result.status, `${name}\n${result.all}`).toBe(0);
    }
    expect(filesIn(join(content, 'components/ashdown'))).toEqual([
      'ashdown-family-services-directory.md',
      'bin-day-reminder.md',
      'council-tax-single-person-discount-checker.md',
      'parking-permit-payments.md',
      'pothole-reporter.md',
      'prenota-sportello.md',
    ]);
    expect(unwrapped(readFileSync(join(content, 'components/ashdown/prenota-sportello.md'), 'utf8'))).toContain(
      "# To do: The summary and text are in Italian ('it'), as in the publiccode.yml: translate them into English.",
    );
    const validation = validate(content);
    expect(validation.status, validation.stdout).toBe(0);
    expect(validation.stdout).toContain('no errors');
  });

  it('reads standard input for -', () => {
    const content = contentFixture();
    const result = run(
      ['publiccode', '-', '--organisation', 'ashdown', '--content', content, '--slug', 'permits'],
      readFileSync(join(PUBLICCODE, 'v0.7-supports.yml'), 'utf8'),
    );
    expect(result.status, result.all).toBe(0);
    expect(result.text).toContain('from standard input for Ashdown County Council');
    expect(existsSync(join(content, 'components/ashdown/permits.md'))).toBe(true);
  });

  it('exits 1 and writes nothing when the licence is not in licences.csv, saying what to do', () => {
    const content = contentFixture();
    const before = filesIn(content);
    const result = run(['publiccode', join(PUBLICCODE, 'unknown-licence.yml'), '--organisation', 'ashdown', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.text).toMatch(/Cannot write .*components\/ashdown\/street-light-fault-map\.md/);
    expect(result.text).toContain('Not written: the licence "LicenseRef-Ashdown-Open-Licence-1.0" is not one the hub knows');
    expect(result.errors).toContain('import: nothing was written.');
    expect(filesIn(content)).toEqual(before);
  });

  it('exits 1 and writes nothing when the record would fail the checks (a licence not approved for code)', () => {
    const content = contentFixture();
    const file = scratchFile(
      'busl.yml',
      readFileSync(join(PUBLICCODE, 'v0.7-supports.yml'), 'utf8').replace('license: Apache-2.0', 'license: BUSL-1.1'),
    );
    const result = run(['publiccode', file, '--organisation', 'ashdown', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.text).toContain('which is not approved by the Open Source Initiative');
    expect(result.text).toContain('(the hub’s check licence/not-osi)');
    expect(existsSync(join(content, 'components/ashdown/parking-permit-payments.md'))).toBe(false);
  });

  it('exits 2 and writes nothing for YAML that cannot be read, naming the file and the line', () => {
    const content = contentFixture();
    const before = filesIn(content);
    const result = run(['publiccode', join(PUBLICCODE, 'malformed.yml'), '--organisation', 'ashdown', '--content', content]);
    expect(result.status).toBe(2);
    expect(result.errors).toMatch(
      new RegExp(
        /^import: .*tests\/fixtures\/import\/publiccode\/malformed\.yml is not valid YAML /.source +
          /\(line \d+, column \d+: a closing quote or bracket is missing/.source,
      ),
    );
    expect(result.errors).toContain('Nothing was written.');
    expect(filesIn(content)).toEqual(before);
  });

  it('exits 2 for YAML that is not a publiccode.yml', () => {
    const file = scratchFile('workflow.yml', 'name: build\non: [push]\njobs: {}\n');
    const result = run(['publiccode', file, '--organisation', 'ashdown', '--content', contentFixture()]);
    expect(result.status).toBe(2);
    expect(result.errors).toContain(
      `${file}: it is not a publiccode.yml: it has no publiccodeYmlVersion, and no name and description. Nothing was written.`,
    );
  });

  it('refuses a file over the size limit', () => {
    const file = scratchFile('huge.yml', `publiccodeYmlVersion: "0.4"\nname: x\n# ${'x'.repeat(300 * 1024)}\n`);
    const result = run(['publiccode', file, '--organisation', 'ashdown', '--content', contentFixture()]);
    expect(result.status).toBe(2);
    expect(result.errors).toContain(`${file} is 301 KiB; the importer reads files of at most 256 KiB.`);
  });
});

describe('npm run import -- dcat', () => {
  it('writes a dataset from a CKAN package_show response that passes npm run validate', () => {
    const content = contentFixture();
    const result = run(['dcat', join(DCAT, 'ckan-package-show.json'), '--organisation', 'ashdown', '--content', content]);
    expect(result.status, result.all).toBe(0);
    const text = readFileSync(join(content, 'datasets/ashdown/garden-waste-collection-rounds.yaml'), 'utf8');
    expect(unwrapped(text)).toMatch(
      new RegExp(
        /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schemas\/json\/datasets\.schema\.json\n/.source +
          /# Imported from a CKAN package_show response \(dataset "garden-waste-collection-rounds"\) /.source +
          /on \d{4}-\d{2}-\d{2} by npm run import\./.source,
      ),
    );
    expect(text).toContain('licence: OGL-UK-3.0\n');
    expect(result.text).toContain('it was written as OGL-UK-3.0, the current version');
    expect(validate(content)).toMatchObject({ status: 0 });
  });

  it('writes datasets from a bare package and from DCAT-AP JSON-LD', () => {
    const content = contentFixture();
    expect(run(['dcat', join(DCAT, 'ckan-package.json'), '--organisation', 'ashdown', '--content', content]).status).toBe(0);
    expect(run(['dcat', join(DCAT, 'dcat-ap.jsonld'), '--organisation', 'ashdown', '--content', content]).status).toBe(0);
    expect(filesIn(join(content, 'datasets/ashdown'))).toEqual([
      'bin-collection-days.yaml',
      'library-opening-hours.yaml',
      'recycling-centres.yaml',
    ]);
    expect(validate(content)).toMatchObject({ status: 0 });
  });

  it('writes none of a catalogue when one dataset cannot be written, and lists why', () => {
    const content = contentFixture();
    const before = filesIn(content);
    const result = run(['dcat', join(DCAT, 'data.json'), '--organisation', 'ashdown', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.text).toMatch(/Could write .*datasets\/ashdown\/road-defect-reports\.yaml/);
    expect(result.text).toMatch(/Cannot write .*datasets\/ashdown\/allotment-sites\.yaml, from "Allotment sites"/);
    expect(result.text).toContain('Not written: the dataset has no licence.');
    expect(result.errors).toContain('1 of 3 records cannot be written as they stand');
    expect(result.errors).toContain('The importer writes all the records or none');
    expect(filesIn(content)).toEqual(before);
  });

  it('writes the whole catalogue once every dataset has a licence', () => {
    const content = contentFixture();
    const catalogue = JSON.parse(readFileSync(join(DCAT, 'data.json'), 'utf8')) as { dataset: Record<string, unknown>[] };
    catalogue.dataset[1].license = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
    const result = run([
      'dcat',
      scratchFile('data-fixed.json', JSON.stringify(catalogue)),
      '--organisation',
      'ashdown',
      '--content',
      content,
    ]);
    expect(result.status, result.all).toBe(0);
    expect(result.stdout.match(/^Wrote /gm)).toHaveLength(3);
    expect(validate(content)).toMatchObject({ status: 0 });
  });

  it('exits 2 and writes nothing for JSON that cannot be read, naming the file, line and column', () => {
    const content = contentFixture();
    const before = filesIn(content);
    const result = run(['dcat', join(DCAT, 'malformed.json'), '--organisation', 'ashdown', '--content', content]);
    expect(result.status).toBe(2);
    expect(result.errors).toMatch(/malformed\.json is not valid JSON \(line 6, column 5: /);
    expect(filesIn(content)).toEqual(before);
  });

  it('writes a dataset from one DCAT dataset, as Socrata publishes at each dataset’s address', () => {
    const content = contentFixture();
    const result = run([
      'dcat',
      join(ROOT, 'tests/fixtures/harvest/portals/socrata-dataset.json'),
      '--organisation',
      'ashdown',
      '--content',
      content,
    ]);
    expect(result.status, result.all).toBe(0);
    expect(result.text).toMatch(/Importing a DCAT dataset from /);
    expect(readFileSync(join(content, 'datasets/ashdown/on-street-parking-bays.yaml'), 'utf8')).toContain('licence: ODbL-1.0\n');
    expect(validate(content)).toMatchObject({ status: 0 });
  });

  it('judges a single dataset by its licence, not its shape: exits 1, says why, and writes nothing', () => {
    const content = contentFixture();
    const before = filesIn(content);
    const dataset = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/harvest/portals/socrata-dataset.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    delete dataset.license;
    const result = run([
      'dcat',
      scratchFile('socrata-unlicensed.json', JSON.stringify(dataset)),
      '--organisation',
      'ashdown',
      '--content',
      content,
    ]);
    expect(result.status, result.all).toBe(1);
    expect(result.text).toContain('Not written: the dataset has no licence.');
    expect(result.errors).not.toContain('it is not a CKAN package_show response');
    expect(filesIn(content)).toEqual(before);
  });

  it('exits 2 for JSON that is neither CKAN nor DCAT', () => {
    const file = scratchFile('other.json', '{"type": "FeatureCollection", "features": []}');
    const result = run(['dcat', file, '--organisation', 'ashdown', '--content', contentFixture()]);
    expect(result.status).toBe(2);
    expect(result.errors).toContain(`${file}: it is not a CKAN package_show response`);
  });
});

describe('existing records', () => {
  it('never overwrites without --force: exits 1, names the file and --force, and leaves it as it was', () => {
    const content = contentFixture();
    const args = ['dcat', join(DCAT, 'ckan-package.json'), '--organisation', 'ashdown', '--content', content];
    expect(run(args).status).toBe(0);
    const file = join(content, 'datasets/ashdown/library-opening-hours.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Library opening hours', 'title: Edited by hand'));
    const edited = readFileSync(file, 'utf8');
    const result = run(args);
    expect(result.status).toBe(1);
    expect(result.text).toMatch(/datasets\/ashdown\/library-opening-hours\.yaml already exists\. Add --force to replace it\./);
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const forced = run([...args, '--force']);
    expect(forced.status, forced.all).toBe(0);
    expect(forced.text).toMatch(/Replaces .*library-opening-hours\.yaml/);
    expect(readFileSync(file, 'utf8')).toContain('title: Library opening hours');
  });

  it('treats a component of the same slug with the other file ending as the same record', () => {
    const content = contentFixture();
    const yaml = join(content, 'components/ashdown/parking-permit-payments.yaml');
    mkdirSync(dirname(yaml), { recursive: true });
    writeFileSync(yaml, 'title: Parking permits\nsummary: An older record.\nkind: code\nlicence: MIT\n');
    const args = ['publiccode', join(PUBLICCODE, 'v0.7-supports.yml'), '--organisation', 'ashdown', '--content', content];
    const result = run(args);
    expect(result.status).toBe(1);
    expect(result.text).toMatch(
      /components\/ashdown\/parking-permit-payments\.yaml already exists\. Add --force to replace it, or choose another slug with --slug\./,
    );
    const forced = run([...args, '--force']);
    expect(forced.status, forced.all).toBe(0);
    expect(forced.text).toMatch(/and removed .*parking-permit-payments\.yaml, which it replaces/);
    expect(existsSync(yaml)).toBe(false);
    expect(validate(content)).toMatchObject({ status: 0 });
  });
});

describe('usage', () => {
  it('refuses a web address, saying how to download the file first', () => {
    const result = run(['dcat', 'https://data.ashdown.example/api/3/action/package_show?id=x', '--organisation', 'ashdown']);
    expect(result.status).toBe(2);
    expect(result.errors).toContain('is a web address; the importer reads files and never fetches anything. Download it first');
    expect(result.errors).toContain("curl -fsSL -o catalogue.json 'https://data.ashdown.example/api/3/action/package_show?id=x'");
  });

  it('exits 2 with a suggestion for an organisation that does not exist', () => {
    const content = contentFixture();
    const result = run(['publiccode', join(PUBLICCODE, 'v0.2.yml'), '--organisation', 'ashdwn', '--content', content]);
    expect(result.status).toBe(2);
    expect(result.errors).toContain('there is no organisation "ashdwn"');
    expect(result.errors).toContain('did you mean ashdown?');
    expect(existsSync(join(content, 'components/ashdwn'))).toBe(false);
  });

  it.each([
    [[], 'say what to import: publiccode or dcat.'],
    [['publiccod'], 'there is no importer "publiccod": did you mean publiccode?'],
    [['publiccode'], 'give the publiccode.yml file to import, or - to read standard input.'],
    [['publiccode', 'x.yml'], 'give your organisation’s id with --organisation'],
    [['publiccode', 'x.yml', '--organisation', 'Ashdown Council'], 'the organisation id "Ashdown Council" is not valid'],
    [['publiccode', 'x.yml', 'y.yml', '--organisation', 'ashdown'], 'too many arguments: y.yml'],
    [['dcat', 'x.json', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with the usage for %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.errors).toContain(message);
    expect(result.errors).toContain('Usage: npm run import');
  });

  it('exits 2 naming a file that does not exist', () => {
    const result = run(['dcat', 'no-such-file.json', '--organisation', 'ashdown', '--content', contentFixture()]);
    expect(result.status).toBe(2);
    expect(result.errors).toContain('import: there is no file no-such-file.json. Nothing was written.');
  });
});
