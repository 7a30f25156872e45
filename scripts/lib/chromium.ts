/**
 * A Chromium that playwright-core can drive, for the site tests and the benchmark, found in this order:
 *
 *   1. CHROMIUM_PATH, when it is set. A wrong path is an error, never a reason to guess another browser.
 *   2. The system's Chromium, Chrome or Edge: the PATH (Linux and macOS), then the usual install places on
 *      Linux, macOS and Windows.
 *   3. The Chromium that the npm package @sparticuz/chromium carries (Linux x64 only): Chrome's headless
 *      shell, built for AWS Lambda, unpacked once into node_modules/.cache/council-commons/. It ships the
 *      few libraries it links (NSS, NSPR, expat) and a font, so it needs nothing from the system but the C
 *      library; we point it at those with LD_LIBRARY_PATH and at our own fontconfig file.
 *
 * Nothing is downloaded: a browser fetched at install or test time fails on machines whose network is
 * closed, as this project's machines are. What is found is only a path; whether it starts is for the
 * caller to see (scripts/test-prerequisites.ts launches it once before any test runs).
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { dirname, join, posix, win32 } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { LaunchOptions } from 'playwright-core';
import { untar } from './untar.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the bundled Chromium is unpacked: inside node_modules, so that a fresh `npm ci` starts clean. */
export const CHROMIUM_CACHE = join(ROOT, 'node_modules/.cache/council-commons');

/**
 * Flags that make Chromium start quietly and reliably as root on a CI machine: no sandbox (root has none),
 * no GPU, and none of the background connections that a closed network refuses many at a time.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface FoundChromium {
  /** The executable. */
  path: string;
  /** Where it came from, in words: "CHROMIUM_PATH", "the system", "@sparticuz/chromium 153.0.0". */
  source: string;
  /** What the browser's environment needs beyond this process's (the bundled one: its libraries and fonts). */
  env: Record<string, string>;
}

export type ChromiumSearch = { found: FoundChromium; problem?: undefined } | { found?: undefined; problem: string };

/** Names of Chromium-family browsers looked for on the PATH (Linux and macOS), most likely first. */
const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
];

/**
 * Where the system's Chromium, Chrome or Edge may be, most likely first. Pure: the caller says which
 * platform and environment (PATH, HOME, Windows' program folders) to consider, so every platform's list
 * can be tested anywhere.
 */
export function systemChromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter((root): root is string =>
      Boolean(root),
    );
    const places = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    // Every Windows has Edge, which Playwright drives as it drives Chrome; it comes last.
    return [...new Set(places.flatMap((place) => roots.map((root) => win32.join(root, place))))];
  }
  const onPath = (env.PATH ?? '')
    .split(':')
    .filter(Boolean)
    .flatMap((folder) => PATH_NAMES.map((name) => posix.join(folder, name)));
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const folders = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return [...new Set([...apps.flatMap((app) => folders.map((folder) => posix.join(folder, app))), ...onPath])];
  }
  const usual = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
  return [...new Set([...onPath, ...usual])];
}

export interface ChromiumSearchOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Whether a file exists (tests pass a fake file system). */
  exists?: (path: string) => boolean;
  /** Unpacks and returns the npm-provided Chromium, or null when the package is not installed. */
  bundled?: () => Promise<FoundChromium | null>;
}

/** Finds a Chromium in the order above, or says in one sentence why there is none and what to do. */
export async function findChromium(options: ChromiumSearchOptions = {}): Promise<ChromiumSearch> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const exists = options.exists ?? existsSync;

  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (exists(chosen)) return { found: { path: chosen, source: 'CHROMIUM_PATH', env: {} } };
    return {
      problem:
        `CHROMIUM_PATH is set to “${chosen}”, but there is nothing there: ` +
        `point it at a Chrome or Chromium executable, or unset it to let the tests find one.`,
    };
  }
  const system = systemChromiumCandidates(platform, env).find(exists);
  if (system) return { found: { path: system, source: 'the system', env: {} } };

  if (platform !== 'linux' || arch !== 'x64') {
    return {
      problem:
        `No Chrome, Chromium or Edge was found on this ${platform} ${arch} machine, and the Chromium that npm brings ` +
        `(@sparticuz/chromium) runs only on Linux x64: install Google Chrome or Chromium, or set CHROMIUM_PATH to one.`,
    };
  }
  const bundled = await (options.bundled ?? bundledChromium)();
  if (bundled) return { found: bundled };
  return {
    problem:
      'No Chrome or Chromium was found on this machine, and @sparticuz/chromium (a development dependency that carries one) ' +
      'is not installed: run npm install, or set CHROMIUM_PATH to a Chrome or Chromium.',
  };
}

/** The options for playwright-core's chromium.launch() that start a found browser headless. */
export function chromiumLaunchOptions(found: FoundChromium): LaunchOptions {
  return {
    executablePath: found.path,
    args: CHROMIUM_ARGS,
    headless: true,
    env: { ...process.env, ...found.env } as Record<string, string>,
  };
}

/** Finds a Chromium and returns its launch options; throws the one-sentence problem when there is none. */
export async function findChromiumLaunchOptions(): Promise<LaunchOptions> {
  const search = await findChromium();
  if (!search.found) throw new Error(search.problem);
  return chromiumLaunchOptions(search.found);
}

/** The folder holding @sparticuz/chromium's compressed browser, and the package's version; null when it is not installed. */
function sparticuzPackage(): { bin: string; version: string } | null {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
  } catch {
    return null;
  }
  const folder = join(dirname(entry), '..');
  const version = (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
  return { bin: join(folder, 'bin'), version };
}

/** A fontconfig file: the system's fonts when it has any, and the Open Sans that the package ships in any case. */
function fontconfig(folder: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${escape(join(folder, 'fonts'))}</dir>`,
    `  <cachedir>${escape(join(folder, 'fontconfig-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** The environment the unpacked browser runs in: its own libraries first, and its fontconfig file. */
function bundledEnvironment(folder: string): Record<string, string> {
  return {
    LD_LIBRARY_PATH: [join(folder, 'lib'), ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean)].join(':'),
    FONTCONFIG_FILE: join(folder, 'fonts.conf'),
  };
}

/**
 * The npm-provided Chromium, unpacked on first use (about 3 s, 210 MB) into a folder named after the
 * package's version, and then reused. It is unpacked beside the final folder and renamed into place, so a
 * run that is interrupted, or two that race, never leave half a browser behind.
 */
export async function bundledChromium(cache = CHROMIUM_CACHE, log: (line: string) => void = () => {}): Promise<FoundChromium | null> {
  const sparticuz = sparticuzPackage();
  if (!sparticuz) return null;
  const folder = join(cache, `chromium-${sparticuz.version}`);
  const found = { path: join(folder, 'chromium'), source: `@sparticuz/chromium ${sparticuz.version}`, env: bundledEnvironment(folder) };
  if (existsSync(found.path)) return found;

  log(`Unpacking the Chromium that @sparticuz/chromium ${sparticuz.version} carries into ${folder} (once, a few seconds)…`);
  mkdirSync(cache, { recursive: true });
  const partial = mkdtempSync(`${folder}.partial-`);
  try {
    await pipeline(
      createReadStream(join(sparticuz.bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    // al2023.tar.br holds lib/ (NSS, NSPR, expat); fonts.tar.br holds fonts/ and a fonts.conf for Lambda's
    // paths, which ours replaces. swiftshader.tar.br (software WebGL) is left out: the tests run with --disable-gpu.
    for (const archive of ['al2023.tar.br', 'fonts.tar.br'])
      untar(brotliDecompressSync(readFileSync(join(sparticuz.bin, archive))), partial);
    writeFileSync(join(partial, 'fonts.conf'), fontconfig(folder));
    try {
      renameSync(partial, folder);
    } catch (error) {
      // Another run unpacked it first: use theirs.
      if (!existsSync(found.path)) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return found;
}
