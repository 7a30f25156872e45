/** Every page of the demonstration site is valid HTML, by the Nu HTML Checker (vnu-jar, run with Java). */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { findJava, NU_CHECKER_JAR } from '../../scripts/lib/java.ts';
import { htmlFiles } from './html-scan.ts';

const demoDir = inject('demoDir');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

describe('the Nu HTML Checker', () => {
  it('finds no errors in any built page', () => {
    const pages = htmlFiles(demoDir);
    expect(pages.length, 'the demonstration site should have hundreds of pages').toBeGreaterThan(400);

    const java = findJava();
    if (!java.found) throw new Error(java.problem);
    const result = spawnSync(java.found.path, ['-jar', NU_CHECKER_JAR, '--errors-only', '--skip-non-html', '--format', 'json', demoDir], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 170_000,
    });
    if (result.error)
      throw new Error(`Could not run the Nu HTML Checker (${java.found.path} -jar ${NU_CHECKER_JAR}): ${result.error.message}.`);
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(result.stderr || result.stdout) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`The Nu HTML Checker gave no JSON (exit ${result.status}): ${(result.stderr || result.stdout).slice(0, 2000)}`);
    }
    const errors = messages.filter(
      (message) => message.type === 'error' || message.subType === 'fatal' || message.type === 'non-document-error',
    );
    // Grouped by message, as one layout mistake repeats on every page: each message with the places it occurs.
    const places = new Map<string, string[]>();
    for (const error of errors) {
      const file = error.url?.startsWith('file:') ? relative(demoDir, fileURLToPath(error.url)) : (error.url ?? '(no file)');
      const place = `${file}:${error.lastLine ?? '?'}${error.firstColumn ? `:${error.firstColumn}` : ''}`;
      const near = error.extract ? ` (near “${error.extract.replace(/\s+/g, ' ').trim()}”)` : '';
      places.set(error.message, [...(places.get(error.message) ?? []), places.has(error.message) ? place : `${place}${near}`]);
    }
    const report = [...places].map(
      ([message, where]) =>
        `${message}\n      at ${where.slice(0, 8).join(', ')}${where.length > 8 ? ` and ${where.length - 8} more` : ''}`,
    );
    expect(report, `${errors.length} HTML error(s) in ${new Set(errors.map((error) => error.url)).size} page(s)`).toEqual([]);
  }, 180_000);
});
