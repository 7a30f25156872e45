/**
 * A Java for the Nu HTML Checker (vnu.jar from the npm package vnu-jar, compiled for Java 11), found in
 * this order: JAVA_HOME, the PATH, then a runtime that vnu-jar's own install script may have put in
 * node_modules/.cache/vnu-jar/java/ (npm 11 blocks that script unless it is approved, and it downloads,
 * so it is seldom there). No npm package carries a Java runtime without downloading one at install time,
 * so where there is none the answer is one sentence saying what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Nu HTML Checker, as the npm package vnu-jar installs it. */
export const NU_CHECKER_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/** vnu.jar's classes are Java 11's (class file version 55). */
export const JAVA_NEEDED = 11;

export interface FoundJava {
  path: string;
  major: number;
}

export type JavaSearch = { found: FoundJava; problem?: undefined } | { found?: undefined; problem: string };

const HOW_TO_INSTALL =
  'install Java 11 or newer (Debian or Ubuntu: apt-get install default-jre-headless; macOS: brew install openjdk; ' +
  'Windows: winget install Microsoft.OpenJDK.21) or set JAVA_HOME to one, then run npm test again';

/** The major version in what `java -version` prints: 'openjdk version "17.0.15"' → 17, 'java version "1.8.0_402"' → 8. */
export function javaMajorVersion(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return null;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Where a java executable may be, most likely first. */
export function javaCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const executable = platform === 'win32' ? 'java.exe' : 'java';
  const candidates: string[] = [];
  if (env.JAVA_HOME) candidates.push(join(env.JAVA_HOME, 'bin', executable));
  const separator = platform === 'win32' ? ';' : ':';
  for (const folder of (env.PATH ?? '').split(separator).filter(Boolean)) candidates.push(join(folder, executable));
  const vnuCache = join(ROOT, 'node_modules/.cache/vnu-jar/java');
  if (existsSync(vnuCache)) {
    for (const entry of readdirSync(vnuCache))
      candidates.push(join(vnuCache, entry, 'bin', executable), join(vnuCache, entry, 'Contents/Home/bin', executable));
  }
  return [...new Set(candidates)];
}

/** What `java -version` printed, or null when it did not run. */
function versionOf(java: string): string | null {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  return result.error ? null : `${result.stderr}${result.stdout}`;
}

export interface JavaSearchOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
  /** Runs `java -version` (tests pass a fake). */
  version?: (java: string) => string | null;
}

/** The first Java that runs and is new enough, or one sentence on what is missing and how to get it. */
export function findJava(options: JavaSearchOptions = {}): JavaSearch {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const version = options.version ?? versionOf;
  const tooOld: string[] = [];
  for (const candidate of javaCandidates(env, options.platform ?? process.platform)) {
    if (!exists(candidate)) continue;
    const output = version(candidate);
    const major = output === null ? null : javaMajorVersion(output);
    if (major === null) continue;
    if (major >= JAVA_NEEDED) return { found: { path: candidate, major } };
    tooOld.push(`${candidate} is Java ${major}`);
  }
  if (tooOld.length)
    return { problem: `The Nu HTML Checker needs Java ${JAVA_NEEDED} or newer, and ${tooOld.join(', ')}: ${HOW_TO_INSTALL}.` };
  return { problem: `The Nu HTML Checker needs Java ${JAVA_NEEDED} or newer, and none was found (JAVA_HOME, PATH): ${HOW_TO_INSTALL}.` };
}
