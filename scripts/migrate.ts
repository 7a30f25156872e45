/**
 * npm run migrate -- --from <major> [--content <folder>]
 *
 * Rewrites the content files in place from an older major version of the content model to the current one
 * (schemas/version.ts), running each registered migration in turn (src/lib/migrations/): from 1 to 2, then 2
 * to 3, and so on. Files a migration has nothing to do for are not touched; the rest keep their comments and
 * the order of their fields. Commit first: the files are changed where they are. Then run npm run validate.
 *
 * Exit codes: 0 migrated, or nothing to migrate; 1 some files could not be read (the rest are migrated);
 * 2 wrong usage, such as a version with no migration.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTENT_MODEL_MAJOR, CONTENT_MODEL_VERSION } from '../schemas/version.ts';
import { classifyPath, isPathProblem, listFiles } from '../src/lib/content-files/files.ts';
import { MIGRATIONS, migrateText, type Migration } from '../src/lib/migrations/index.ts';

const USAGE = 'Usage: npm run migrate -- --from <major version> [--content <folder>]';
const DEFAULT_CONTENT = fileURLToPath(new URL('../content/', import.meta.url));

export interface MigrateOptions {
  /** The registry and the current major: a test registers its own. */
  migrations?: ReadonlyMap<number, Migration>;
  current?: number;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export function main(argv: string[], options: MigrateOptions = {}): number {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.current ?? CONTENT_MODEL_MAJOR;
  const out = options.out ?? ((line) => process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line) => process.stderr.write(`${line}\n`));
  let values: { from?: string; content?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: 'string' }, content: { type: 'string' } }, strict: true }));
  } catch (error) {
    err(`migrate: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.from === undefined || !/^\d+$/.test(values.from)) {
    err(`migrate: say which major version the files follow now, as a whole number, e.g. --from 1.\n\n${USAGE}`);
    return 2;
  }
  const from = Number(values.from);
  if (from === current) {
    out(
      `Nothing to migrate: version ${from} is the current version of the content model` +
        `${current === CONTENT_MODEL_MAJOR ? ` (${CONTENT_MODEL_VERSION})` : ''}.`,
    );
    return 0;
  }
  const steps: Migration[] = [];
  for (let major = from; major < current; major++) {
    const migration = migrations.get(major);
    if (migration) steps.push(migration);
    else break;
  }
  if (from > current || steps.length !== current - from) {
    const known = [...migrations.keys()].sort((a, b) => a - b);
    err(
      `migrate: there is no migration from version ${from}. The current version is ${current}; ` +
        (known.length ? `migrations exist from version ${known.join(', ')}.` : 'no migration exists yet.') +
        ' See CONTENT-MODEL-CHANGELOG.md.',
    );
    return 2;
  }

  const contentDir = resolve(values.content ?? DEFAULT_CONTENT);
  const files = listFiles(contentDir).flatMap((found) => {
    const path = found.type === 'file' ? classifyPath(found.relative) : undefined;
    return path && !isPathProblem(path) && path.kind !== 'readme' ? [{ ...found, path }] : [];
  });
  const shown = (absolute: string) => relative(process.cwd(), absolute).split('\\').join('/') || absolute;
  let failed = 0;
  for (const [index, migration] of steps.entries()) {
    out(`Version ${from + index} to ${from + index + 1}: ${migration.summary}. Reading ${files.length} files in ${shown(contentDir)}.`);
    let changed = 0;
    for (const [done, file] of files.entries()) {
      if (done > 0 && done % 1000 === 0) out(`  … ${done} of ${files.length} files read`);
      const text = readFileSync(file.absolute, 'utf8');
      const result = migrateText(text, file.path, migration, file.relative.endsWith('.md'));
      if ('error' in result) {
        failed++;
        err(`  ${shown(file.absolute)} was not changed: ${result.error}. Fix it by hand.`);
      } else if (result.changes.length) {
        changed++;
        writeFileSync(file.absolute, result.text);
        out(`  ${shown(file.absolute)}: ${result.changes.join('; ')}`);
      }
    }
    out(`  ${changed} of ${files.length} files changed.`);
  }
  out(failed ? `${failed} files could not be read: fix them, then run npm run validate.` : 'Done: now run npm run validate.');
  return failed ? 1 : 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
