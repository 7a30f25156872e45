/**
 * The wrong Node stops at once, in words: every npm script checks the Node version before it loads any
 * TypeScript, and npm install refuses an older Node. An older Node is faked with a preload that rewrites
 * process.version, handed to npm and its scripts through NODE_OPTIONS as a user's shell would.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content.ts';

const scratch = mkdtempSync(join(tmpdir(), 'council-commons-node-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { nodeVersionProblem } = createRequire(import.meta.url)(join(ROOT, 'scripts/require-node.cjs')) as {
  nodeVersionProblem: (found: string, range: string, suggested: string) => string | null;
};
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

/** A preload that makes this process, and every Node process npm starts, report `version`. */
function fakeNode(version: string): string {
  const path = join(scratch, `node-${version}.cjs`);
  writeFileSync(
    path,
    `Object.defineProperty(process, 'version', { value: 'v${version}' });\n` +
      `Object.defineProperty(process, 'versions', { value: Object.assign({}, process.versions, { node: '${version}' }) });\n`,
  );
  return path;
}

function withNode(version: string) {
  return { ...process.env, NODE_OPTIONS: `--require=${fakeNode(version)}`, npm_config_update_notifier: 'false' };
}

describe('the Node version check (scripts/require-node.cjs)', () => {
  it('accepts the version package.json asks for and anything newer, and refuses anything older', () => {
    expect(packageJson.engines.node).toBe('>=24.2.0');
    for (const version of ['24.2.0', '24.21.0', '26.0.0']) expect(nodeVersionProblem(version, '>=24.2.0', '24'), version).toBeNull();
    for (const version of ['24.1.9', '22.12.0', '20.20.2', '8.0.0'])
      expect(nodeVersionProblem(version, '>=24.2.0', '24'), version).toMatch(/needs Node\.js 24\.2\.0 or newer/);
    expect(() => nodeVersionProblem('24.2.0', '^24', '24')).toThrow(/engines\.node must be of the form/);
  });

  it(
    'stops a script loaded after it on an older Node with one line that says what is needed, ' +
      'what was found and how to switch, and exit 2',
    () => {
      const result = spawnSync(
        process.execPath,
        ['-r', fakeNode('20.20.2'), '-r', join(ROOT, 'scripts/require-node.cjs'), join(ROOT, 'scripts/build.ts')],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('needs Node.js 24.2.0 or newer');
      expect(lines[0]).toContain('this is Node.js 20.20.2');
      expect(lines[0]).toContain('"nvm use" (it reads .nvmrc)');
      expect(lines[0]).toContain(`install Node.js ${readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()}`);
    },
  );

  it('lets the script run on the version it needs', () => {
    const result = spawnSync(
      process.execPath,
      ['-r', fakeNode('24.2.0'), '-r', join(ROOT, 'scripts/require-node.cjs'), '-e', 'console.log("ran")'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ran');
  });
});

describe('npm on an older Node', () => {
  it('checks the version first in every npm script', () => {
    for (const [name, command] of Object.entries(packageJson.scripts)) {
      // V8's own settings may come between the check and the script (npm run validate's --max-semi-space-size).
      expect(command, `npm run ${name}`).toMatch(
        /^node (-r \.\/scripts\/require-node\.cjs (--[a-z-]+=\S+ )*\S+\.ts|scripts\/require-node\.cjs &&)/,
      );
    }
  });

  it.each(Object.keys(packageJson.scripts))('npm run %s stops with the one line and exit 2', (name) => {
    const result = spawnSync('npm', ['run', '--silent', name], { cwd: ROOT, env: withNode('20.20.2'), encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Council Commons needs Node\.js 24\.2\.0 or newer, and this is Node\.js 20\.20\.2\. Switch with "nvm use"/),
    ]);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });

  it('npm install refuses before installing anything (engine-strict in .npmrc)', () => {
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    const project = mkdtempSync(join(scratch, 'project-'));
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(join(ROOT, file), join(project, file));
    const result = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--offline'], {
      cwd: project,
      env: withNode('20.20.2'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('EBADENGINE');
    expect(result.stderr).toContain('"node":">=24.2.0"');
    expect(readdirSync(project).sort()).toEqual(['.npmrc', 'package-lock.json', 'package.json']);
  });
});
