/**
 * `npm test` first runs scripts/test-prerequisites.ts: on this machine it finds a browser that starts and a
 * Java; where one cannot be had it stops with one line each, naming it, and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whyItDidNotStart } from '../../scripts/test-prerequisites.ts';
import { ROOT } from '../helpers/content.ts';

const scratch = mkdtempSync(join(tmpdir(), 'council-commons-prerequisites-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/test-prerequisites.ts')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return {
    status: result.status,
    out: result.stdout.trim().split('\n').filter(Boolean),
    err: result.stderr.trim().split('\n').filter(Boolean),
  };
}

function executable(name: string, script: string): string {
  const path = join(scratch, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('whyItDidNotStart', () => {
  it('names a missing system library, or else gives the first line of the error', () => {
    expect(
      whyItDidNotStart(
        'browserType.launch: Browser closed.\n[pid=1][err] chrome: ' +
          'error while loading shared libraries: libnss3.so: cannot open shared object file',
      ),
    ).toBe('it needs the system library libnss3.so, which is not installed');
    expect(whyItDidNotStart('\nbrowserType.launch: Timeout 60000ms exceeded.\nCall log:')).toBe(
      'browserType.launch: Timeout 60000ms exceeded.',
    );
  });
});

describe.runIf(process.platform === 'linux')('node scripts/test-prerequisites.ts', () => {
  it('finds a Chromium that starts and a Java on this machine, and says which', () => {
    const result = run(process.env);
    expect(result.err).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.out).toContainEqual(expect.stringMatching(/^Browser tests: Chromium \d+\.\d+\.\d+\.\d+ \(/));
    expect(result.out).toContainEqual(expect.stringMatching(/^HTML tests: the Nu HTML Checker with Java \d+ \(/));
  }, 120_000);

  it('stops with one line for each thing that cannot be had, and exit 2', () => {
    const oldJava = join(executable('old/java', `echo 'java version "1.8.0_402"' >&2`), '..');
    const result = run({ HOME: scratch, PATH: oldJava, CHROMIUM_PATH: join(scratch, 'no-such-chrome') });
    expect(result.status).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([
      `npm test cannot start: CHROMIUM_PATH is set to “${join(scratch, 'no-such-chrome')}”, ` +
        `but there is nothing there: point it at a Chrome or Chromium executable, or unset it to let the tests find one.`,
      expect.stringMatching(
        /^npm test cannot start: The Nu HTML Checker needs Java 11 or newer, and .*old\/java is Java 8: install Java 11 or newer/,
      ),
    ]);
  }, 60_000);

  it('says so in one line when the browser it found does not start', () => {
    const broken = executable(
      'broken/chrome',
      "echo 'chrome: error while loading shared libraries: libgbm.so.1: cannot open shared object file' >&2; exit 127",
    );
    const result = run({ ...process.env, CHROMIUM_PATH: broken });
    expect(result.status).toBe(2);
    expect(result.err).toEqual([
      `npm test cannot start: Chromium at ${broken} (from CHROMIUM_PATH) did not start: ` +
        `it needs the system library libgbm.so.1, which is not installed; point CHROMIUM_PATH at one that runs.`,
    ]);
  }, 120_000);
});
