/**
 * check.yml installs with `npm ci --omit=dev --omit=optional`, which leaves out every package that
 * package-lock.json marks dev, optional or devOptional. This runs the two scripts it then runs,
 * scripts/validate.ts and scripts/pr-report.ts, on content with an error and a pull request with a
 * roadmap item (so the error messages and the similar-work search load too), records every module
 * Node resolves (a module.registerHooks hook), and checks that none is in a package left out.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, commitAsBase, git, githubContent, removeTemp, ROOT, tempDir } from '../github/helpers.ts';

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
}

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

/** node_modules/a/node_modules/@b/c/lib/x.js → node_modules/a/node_modules/@b/c, as package-lock.json names it. */
function packagePath(file: string): string | undefined {
  const parts = file.split('/');
  let end = -1;
  for (let index = 0; index < parts.length; index++) {
    if (parts[index] !== 'node_modules') continue;
    end = index + (parts[index + 1]?.startsWith('@') ? 2 : 1);
    index = end;
  }
  return end < 0 ? undefined : parts.slice(0, end + 1).join('/');
}

const HOOK = `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    appendFileSync(process.env.LOADED_MODULES, result.url + '\\n');
    return result;
  },
});
`;

const loaded = new Set<string>();
const runs: { script: string; status: number | null; stderr: string }[] = [];

function runRecorded(script: string, args: string[], cwd: string, hook: string, list: string): void {
  writeFileSync(list, '');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, join(ROOT, script), ...args], {
    cwd,
    env: cleanEnv({ LOADED_MODULES: list }),
    encoding: 'utf8',
  });
  runs.push({ script, status: result.status, stderr: result.stderr });
  for (const url of readFileSync(list, 'utf8').split('\n'))
    if (url.startsWith('file:')) loaded.add(relative(ROOT, fileURLToPath(url)).split('\\').join('/'));
}

beforeAll(() => {
  const work = tempDir();
  const hook = join(work, 'record-modules.mjs');
  writeFileSync(hook, HOOK);
  const { dir, content } = githubContent();
  const base = commitAsBase(dir);
  git(dir, 'checkout', '--quiet', '-b', 'feature');
  // A roadmap item like Harbourside's garden waste work (similar work), and a dataset with an error.
  writeFileSync(
    join(content, 'roadmap/westmere-digital/garden-waste-renewals.md'),
    '---\ntitle: Garden waste renewals online\n' +
      'summary: Residents renew their garden waste subscription online and pay by card.\nstatus: discovery\n' +
      'services: [530]\nthemes: [waste-and-recycling]\nstart: 2026-02\nend: 2026-10\nreview_by: 2099-01-31\n' +
      '---\n\nGarden waste renewals online.\n',
  );
  const dataset = join(content, 'datasets/northbrook-makers/library-opening-hours.yaml');
  writeFileSync(dataset, readFileSync(dataset, 'utf8').replace('update_frequency: monthly', 'update_frequency: fortnightly'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'feature');
  const head = git(dir, 'rev-parse', 'HEAD');
  const list = join(work, 'loaded.txt');
  runRecorded('scripts/validate.ts', ['--format', 'github'], dir, hook, list);
  runRecorded(
    'scripts/pr-report.ts',
    ['--base', base, '--head', head, '--pr', '1', '--author', 'kay-dev', '--out', join(work, 'report')],
    dir,
    hook,
    list,
  );
}, 60_000);

afterAll(removeTemp);

describe('what check.yml installs is all that validate and the report load', () => {
  it('ran both scripts to the end: validate found the error (exit 1), the report was written (exit 0)', () => {
    expect(runs.map(({ script, status }) => [script, status])).toEqual([
      ['scripts/validate.ts', 1],
      ['scripts/pr-report.ts', 0],
    ]);
    expect(runs[1]?.stderr).toBe('');
  });

  it('loads packages from node_modules (the record works)', () => {
    const packages = new Set([...loaded].map(packagePath).filter((path) => path !== undefined));
    expect([...packages]).toEqual(expect.arrayContaining(['node_modules/zod', 'node_modules/yaml', 'node_modules/js-yaml']));
  });

  it('loads nothing from a package that `npm ci --omit=dev --omit=optional` leaves out', () => {
    const packages = [...new Set([...loaded].map(packagePath).filter((path) => path !== undefined))].sort();
    const missingFromLock = packages.filter((path) => !(path in lock.packages));
    expect(missingFromLock, 'packages loaded but not in package-lock.json').toEqual([]);
    const leftOut = packages.filter((path) => {
      const entry = lock.packages[path] ?? {};
      return entry.dev === true || entry.optional === true || entry.devOptional === true;
    });
    expect(leftOut).toEqual([]);
  });

  it('reads package paths as package-lock.json names them', () => {
    expect(packagePath('node_modules/zod/v4/core/schemas.js')).toBe('node_modules/zod');
    expect(packagePath('node_modules/@astrojs/check/dist/index.js')).toBe('node_modules/@astrojs/check');
    expect(packagePath('node_modules/a/node_modules/@b/c/lib/x.js')).toBe('node_modules/a/node_modules/@b/c');
    expect(packagePath('src/lib/content-files/yaml.ts')).toBeUndefined();
  });
});
