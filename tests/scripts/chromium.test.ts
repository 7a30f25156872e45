/**
 * Finding a browser for the tests (scripts/lib/chromium.ts): CHROMIUM_PATH, then the system's browser on
 * each platform, then the one @sparticuz/chromium brings from npm, unpacked for real into a scratch folder.
 */
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundledChromium,
  chromiumLaunchOptions,
  findChromium,
  systemChromiumCandidates,
  type FoundChromium,
} from '../../scripts/lib/chromium.ts';

const scratch = mkdtempSync(join(tmpdir(), 'council-commons-chromium-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BUNDLED: FoundChromium = { path: '/cache/chromium', source: '@sparticuz/chromium 153.0.0', env: { LD_LIBRARY_PATH: '/cache/lib' } };
const nothing = () => false;
const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('systemChromiumCandidates', () => {
  it('on Linux looks on the PATH first, then in the usual places', () => {
    const candidates = systemChromiumCandidates('linux', { PATH: '/home/me/bin:/usr/local/bin' });
    expect(candidates.slice(0, 2)).toEqual(['/home/me/bin/chromium', '/home/me/bin/chromium-browser']);
    expect(candidates).toContain('/usr/local/bin/google-chrome');
    expect(candidates).toContain('/usr/bin/chromium');
    expect(candidates).toContain('/opt/google/chrome/chrome');
    expect(candidates.indexOf('/home/me/bin/google-chrome')).toBeLessThan(candidates.indexOf('/usr/bin/chromium'));
    expect(new Set(candidates).size).toBe(candidates.length);
  });

  it('on macOS looks in /Applications and ~/Applications', () => {
    const candidates = systemChromiumCandidates('darwin', { PATH: '/usr/bin', HOME: '/Users/me' });
    expect(candidates[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(candidates).toContain('/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(candidates).toContain('/usr/bin/chromium');
  });

  it('on Windows looks in the program folders, with Edge (on every Windows) last', () => {
    const candidates = systemChromiumCandidates('win32', {
      LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    });
    expect(candidates[0]).toBe('C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates.at(-1)).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });
});

describe('findChromium', () => {
  const bundled = async () => BUNDLED;

  it('takes CHROMIUM_PATH over everything else', async () => {
    const search = await findChromium({
      env: { CHROMIUM_PATH: '/opt/mine/chrome', PATH: '/usr/bin' },
      platform: 'linux',
      arch: 'x64',
      exists: only('/opt/mine/chrome', '/usr/bin/chromium'),
      bundled,
    });
    expect(search.found).toEqual({ path: '/opt/mine/chrome', source: 'CHROMIUM_PATH', env: {} });
  });

  it('says so when CHROMIUM_PATH names nothing, rather than guessing another browser', async () => {
    const search = await findChromium({
      env: { CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' },
      platform: 'linux',
      arch: 'x64',
      exists: only('/usr/bin/chromium'),
      bundled,
    });
    expect(search.problem).toBe(
      'CHROMIUM_PATH is set to “/nowhere/chrome”, but there is nothing there: ' +
        'point it at a Chrome or Chromium executable, or unset it to let the tests find one.',
    );
  });

  it("takes the system's browser before the one npm brings", async () => {
    const search = await findChromium({
      env: { PATH: '/usr/local/bin:/usr/bin' },
      platform: 'linux',
      arch: 'x64',
      exists: only('/usr/bin/google-chrome'),
      bundled,
    });
    expect(search.found?.path).toBe('/usr/bin/google-chrome');
    expect(search.found?.source).toBe('the system');
  });

  it('falls back to the npm-provided Chromium on Linux x64', async () => {
    expect((await findChromium({ env: { PATH: '/usr/bin' }, platform: 'linux', arch: 'x64', exists: nothing, bundled })).found).toBe(
      BUNDLED,
    );
  });

  it('names what to install where npm has no browser for the platform', async () => {
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['linux', 'arm64'],
      ['win32', 'x64'],
    ] as const) {
      const search = await findChromium({ env: { PATH: '/usr/bin' }, platform, arch, exists: nothing, bundled });
      expect(search.problem, `${platform} ${arch}`).toBe(
        `No Chrome, Chromium or Edge was found on this ${platform} ${arch} machine, and the Chromium that npm brings ` +
          `(@sparticuz/chromium) runs only on Linux x64: install Google Chrome or Chromium, or set CHROMIUM_PATH to one.`,
      );
    }
  });

  it('says to run npm install when the package is missing', async () => {
    const search = await findChromium({
      env: { PATH: '/usr/bin' },
      platform: 'linux',
      arch: 'x64',
      exists: nothing,
      bundled: async () => null,
    });
    expect(search.problem).toMatch(/@sparticuz\/chromium .* is not installed: run npm install, or set CHROMIUM_PATH/);
  });
});

describe('chromiumLaunchOptions', () => {
  it('starts the browser headless with its own environment laid over this one', () => {
    const options = chromiumLaunchOptions(BUNDLED);
    expect(options.executablePath).toBe('/cache/chromium');
    expect(options.headless).toBe(true);
    expect(options.args).toContain('--disable-background-networking');
    expect(options.env?.LD_LIBRARY_PATH).toBe('/cache/lib');
    expect(options.env?.PATH).toBe(process.env.PATH);
  });
});

describe('bundledChromium (unpacked for real)', () => {
  it.runIf(process.platform === 'linux')(
    'unpacks the browser, its libraries and a font once, and two runs at once end with one whole copy',
    async () => {
      const cache = join(scratch, 'cache');
      const [first, second] = await Promise.all([bundledChromium(cache), bundledChromium(cache)]);
      expect(first).not.toBeNull();
      expect(second).toEqual(first);
      const found = first as FoundChromium;
      expect(found.source).toMatch(/^@sparticuz\/chromium \d+\.\d+\.\d+$/);
      const folder = join(found.path, '..');
      accessSync(found.path, constants.X_OK);
      expect(readFileSync(found.path).subarray(0, 4).toString('latin1')).toBe('\u007fELF');
      expect(readdirSync(join(folder, 'lib'))).toEqual(expect.arrayContaining(['libnss3.so', 'libnspr4.so', 'libexpat.so.1']));
      expect(readdirSync(join(folder, 'fonts'), { recursive: true })).toContainEqual(expect.stringMatching(/\.ttf$/));
      const fonts = readFileSync(join(folder, 'fonts.conf'), 'utf8');
      expect(fonts).toContain(`<dir>${join(folder, 'fonts')}</dir>`);
      expect(fonts).not.toContain('/tmp/fonts');
      expect(found.env.FONTCONFIG_FILE).toBe(join(folder, 'fonts.conf'));
      expect(found.env.LD_LIBRARY_PATH.split(':')[0]).toBe(join(folder, 'lib'));
      // Nothing half-unpacked is left behind.
      expect(readdirSync(cache)).toEqual([found.path.split('/').at(-2)]);
      // A second call reuses the copy.
      const before = readFileSync(join(folder, 'fonts.conf'), 'utf8');
      expect(await bundledChromium(cache)).toEqual(found);
      expect(readFileSync(join(folder, 'fonts.conf'), 'utf8')).toBe(before);
    },
    120_000,
  );
});
