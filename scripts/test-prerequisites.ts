/**
 * `npm test` runs this before any test. It finds what the browser and HTML tests need (a Chromium that
 * starts headless, and Java for the Nu HTML Checker), says in a line each what it will use, and when
 * something cannot be had it stops the whole run with one line naming it and how to get it (exit 2),
 * rather than letting hundreds of tests fail one by one.
 *
 * Usage: node scripts/test-prerequisites.ts
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { chromium } from 'playwright-core';
import { bundledChromium, chromiumLaunchOptions, findChromium, type FoundChromium } from './lib/chromium.ts';
import { findJava, NU_CHECKER_JAR } from './lib/java.ts';

/** The line of a failed launch that says why: a missing library, or else the error's first line. */
export function whyItDidNotStart(message: string): string {
  const library = /error while loading shared libraries: ([^\s:]+)/.exec(message);
  if (library) return `it needs the system library ${library[1]}, which is not installed`;
  return (
    message
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? 'no reason given'
  );
}

/** Starts the browser once and opens a page: the version when it works, or the problem in one sentence. */
async function tryChromium(found: FoundChromium): Promise<{ version?: string; problem?: string }> {
  try {
    const browser = await chromium.launch({ ...chromiumLaunchOptions(found), timeout: 60_000 });
    try {
      const page = await browser.newPage();
      await page.setContent('<p>ready</p>');
      return { version: browser.version() };
    } finally {
      await browser.close();
    }
  } catch (error) {
    const advice =
      found.source === 'CHROMIUM_PATH' ? 'point CHROMIUM_PATH at one that runs' : 'set CHROMIUM_PATH to a Chrome or Chromium that runs';
    return {
      problem: `Chromium at ${found.path} (from ${found.source}) did not start: ${whyItDidNotStart((error as Error).message)}; ${advice}.`,
    };
  }
}

async function main(): Promise<number> {
  const problems: string[] = [];
  const log = (line: string) => console.log(line);

  const search = await findChromium({ bundled: () => bundledChromium(undefined, log) });
  if (!search.found) problems.push(search.problem);
  else {
    const { found } = search;
    const started = await tryChromium(found);
    if (started.problem) problems.push(started.problem);
    else {
      const chromiumSource = found.source.startsWith('@')
        ? `${found.source}, unpacked in ${relative(process.cwd(), found.path)}`
        : `${found.source}: ${found.path}`;
      log(`Browser tests: Chromium ${started.version} (${chromiumSource}).`);
    }
  }

  const java = findJava();
  if (!java.found) problems.push(java.problem);
  else if (!existsSync(NU_CHECKER_JAR))
    problems.push(`The Nu HTML Checker (${relative(process.cwd(), NU_CHECKER_JAR)}) is missing: run npm install.`);
  else log(`HTML tests: the Nu HTML Checker with Java ${java.found.major} (${java.found.path}).`);

  for (const problem of problems) console.error(`npm test cannot start: ${problem}`);
  return problems.length ? 2 : 0;
}

if (import.meta.main) process.exitCode = await main();
