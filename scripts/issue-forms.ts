/**
 * node scripts/issue-forms.ts [--check]
 *
 * Writes the issue forms for sharing without Git from the zod schemas (src/lib/github/issue-form.ts):
 * .github/ISSUE_TEMPLATE/<collection>.yml, one per record collection, and organisation.yml, for changing
 * an organisation's own details. Run it after changing anything in schemas/ and commit the result; a
 * test fails while the files are out of date.
 *
 *   --check   only report: exit 1, naming the files, if any is missing or different. Writes nothing.
 *
 * Exit codes: 0 written or current; 1 out of date (--check); 2 wrong usage.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { issueFormDefinitions, issueFormYaml } from '../src/lib/github/issue-form.ts';
import { loadHubConfig } from '../src/lib/hub-config.ts';
import { formLanguages } from '../src/lib/contribute/form-model.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const TEMPLATE_DIR = '.github/ISSUE_TEMPLATE';

/** Every generated form: its path in the repository and its text. */
export function issueFormFiles(): { path: string; text: string }[] {
  // The configuration's own repository: the committed forms are the same whichever repository a CI run is in.
  const hub = loadHubConfig(join(ROOT, 'content'), { HUB_CONFIG: process.env.HUB_CONFIG });
  return issueFormDefinitions(formLanguages(hub.languages)).map((definition) => ({
    path: `${TEMPLATE_DIR}/${definition.file}`,
    text: issueFormYaml(definition, hub),
  }));
}

/** The generated files that are missing or differ from what is on disk under `root`. */
export function staleIssueForms(root = ROOT): string[] {
  return issueFormFiles()
    .filter((file) => {
      const absolute = join(root, file.path);
      return !existsSync(absolute) || readFileSync(absolute, 'utf8') !== file.text;
    })
    .map((file) => file.path);
}

export function main(argv: string[], out: (line: string) => void = (line) => process.stdout.write(`${line}\n`), root = ROOT): number {
  let check: boolean;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      out(
        'Usage: node scripts/issue-forms.ts [--check]\n\n' +
          'Writes .github/ISSUE_TEMPLATE/<collection>.yml and organisation.yml from the schemas; --check only reports.',
      );
      return 0;
    }
    check = values.check === true;
  } catch (error) {
    process.stderr.write(`issue-forms: ${(error as Error).message}\n\nUsage: node scripts/issue-forms.ts [--check]\n`);
    return 2;
  }
  const stale = staleIssueForms(root);
  if (check) {
    if (stale.length === 0) {
      out('The issue forms are up to date.');
      return 0;
    }
    out(`These issue forms are out of date with the schemas: ${stale.join(', ')}. Run node scripts/issue-forms.ts and commit the result.`);
    return 1;
  }
  mkdirSync(join(root, TEMPLATE_DIR), { recursive: true });
  for (const file of issueFormFiles()) {
    if (!stale.includes(file.path)) continue;
    writeFileSync(join(root, file.path), file.text);
    out(`Wrote ${file.path}.`);
  }
  if (stale.length === 0) out('The issue forms were already up to date.');
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
