/**
 * node scripts/codeowners.ts [--check] [--content content] [--out .github/CODEOWNERS] [--hub-team @org/team]
 *
 * Writes .github/CODEOWNERS from the organisations' `maintainers` (src/lib/github/codeowners.ts says how).
 * --check writes nothing and exits 1 when the file is not what it would write.
 *
 * Exit codes: 0 written or current, 1 out of date (--check), 2 wrong usage.
 */
import { checkOption, parseOptions, Usage } from './lib/cli.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCodeowners, readOrganisations } from '../src/lib/github/codeowners.ts';
import { hubTeam } from '../src/lib/github/ownership.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CODEOWNERS = join(ROOT, '.github/CODEOWNERS');

const USAGE = `Usage: node scripts/codeowners.ts [--check] [--content DIR] [--out FILE] [--hub-team @org/team]

  --check           write nothing; exit 1 if the file is out of date
  --content DIR     the content folder (default: content)
  --out FILE        the file to write or check (default: .github/CODEOWNERS)
  --hub-team TEAM   the hub maintainers team (default: $HUB_MAINTAINERS_TEAM or @council-commons/maintainers)`;

export function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): number {
  const values = parseOptions(argv, {
    check: { type: 'boolean' },
    content: { type: 'string' },
    out: { type: 'string' },
    'hub-team': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const team = checkOption(() => hubTeam(values['hub-team'] as string | undefined, env));
  const contentDir = (values.content as string | undefined) ?? join(ROOT, 'content');
  if (!existsSync(join(contentDir, 'organisations'))) throw new Usage(`there is no organisations folder in ${contentDir}.`);
  const file = (values.out as string | undefined) ?? CODEOWNERS;
  const organisations = readOrganisations(contentDir);
  const text = generateCodeowners(organisations, team);
  const rules = organisations.filter((organisation) => !organisation.demonstration && organisation.maintainers.length > 0).length;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const shown = relative(process.cwd(), file) || file;
  if (values.check) {
    if (current === text) {
      out(`${shown} is current: ${rules} organisations with maintainers.`);
      return 0;
    }
    out(`${shown} is ${current === undefined ? 'missing' : 'out of date'}: run node scripts/codeowners.ts and commit it.`);
    return 1;
  }
  if (current === text) {
    out(`${shown} is already current: ${rules} organisations with maintainers.`);
    return 0;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  out(`Wrote ${shown}: ${rules} organisations with maintainers, and ${team} for everything.`);
  return 0;
}

if (import.meta.main) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof Usage) {
      process.stderr.write(`codeowners: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`codeowners: ${(error as Error).message}\n`);
      process.exitCode = 2;
    }
  }
}
