/** Finding Java for the Nu HTML Checker (scripts/lib/java.ts), with real `java -version` runs of fake javas. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findJava, javaCandidates, javaMajorVersion } from '../../scripts/lib/java.ts';

const scratch = mkdtempSync(join(tmpdir(), 'council-commons-java-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder holding a `java` that prints what `java -version` prints, to standard error as Java does. */
function fakeJava(name: string, versionLine: string): string {
  const folder = join(scratch, name, 'bin');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'java'), `#!/bin/sh\necho '${versionLine}' >&2\necho 'Runtime Environment' >&2\n`);
  chmodSync(join(folder, 'java'), 0o755);
  return folder;
}

describe('javaMajorVersion', () => {
  it('reads the major version from what java -version prints, old and new style', () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(javaMajorVersion('java version "1.8.0_402"')).toBe(8);
    expect(javaMajorVersion('openjdk version "25" 2025-09-16')).toBe(25);
    expect(javaMajorVersion('openjdk version "21-ea" 2023-09-19')).toBe(21);
    expect(javaMajorVersion('bash: java: command not found')).toBeNull();
  });
});

describe('javaCandidates', () => {
  it('looks in JAVA_HOME first, then the PATH', () => {
    expect(javaCandidates({ JAVA_HOME: '/opt/jdk', PATH: '/usr/local/bin:/usr/bin' }, 'linux').slice(0, 3)).toEqual([
      '/opt/jdk/bin/java',
      '/usr/local/bin/java',
      '/usr/bin/java',
    ]);
  });
});

describe.runIf(process.platform !== 'win32')('findJava', () => {
  it('takes the first Java that is new enough, from JAVA_HOME before the PATH', () => {
    const home = join(fakeJava('jdk21', 'openjdk version "21.0.2" 2024-01-16'), '..');
    const onPath = fakeJava('jdk17', 'openjdk version "17.0.15" 2025-04-15');
    expect(findJava({ env: { JAVA_HOME: home, PATH: onPath } }).found).toEqual({ path: join(home, 'bin/java'), major: 21 });
    expect(findJava({ env: { PATH: onPath } }).found).toEqual({ path: join(onPath, 'java'), major: 17 });
  });

  it('passes over a Java that is too old, and names it when there is no other', () => {
    const old = fakeJava('jdk8', 'java version "1.8.0_402"');
    const newer = fakeJava('jdk11', 'openjdk version "11.0.22" 2024-01-16');
    expect(findJava({ env: { PATH: `${old}:${newer}` } }).found?.major).toBe(11);
    expect(findJava({ env: { PATH: old } }).problem).toBe(
      `The Nu HTML Checker needs Java 11 or newer, and ${join(old, 'java')} is Java 8: ` +
        `install Java 11 or newer (Debian or Ubuntu: apt-get install default-jre-headless; macOS: ` +
        `brew install openjdk; Windows: winget install Microsoft.OpenJDK.21) or set JAVA_HOME to one, then run npm test again.`,
    );
  });

  it('says what to install when there is no Java at all', () => {
    const problem = findJava({ env: { PATH: join(scratch, 'empty') } }).problem;
    expect(problem).toMatch(
      new RegExp(
        /^The Nu HTML Checker needs Java 11 or newer, and none was found \(JAVA_HOME, PATH\): /.source +
          /install Java 11 or newer \(Debian or Ubuntu: apt-get install default-jre-headless;/.source,
      ),
    );
    expect(problem?.split('\n')).toHaveLength(1);
  });
});
