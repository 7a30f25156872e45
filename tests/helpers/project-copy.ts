/**
 * A copy of the project to build in: Astro keeps its content store in <project>/.astro whatever the
 * cache folder, so two builds of the real project at once (test files run in parallel) would overwrite
 * each other's. The copy has the source, the schemas, the scripts and the reference data, and links to
 * the installed packages.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './content.ts';

const PROJECT_ENTRIES = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'hub.config.yaml',
  'src',
  'schemas',
  'scripts',
  'data',
  'public',
  'translations',
];

/** Copies the project into `folder` (made if missing) and returns it. */
export function projectCopy(folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const entry of PROJECT_ENTRIES) cpSync(join(ROOT, entry), join(folder, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return folder;
}
