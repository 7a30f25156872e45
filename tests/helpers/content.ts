/** Temporary content folders for tests: the small valid baseline, with fixture files laid over it. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BASELINE = join(ROOT, 'tests/fixtures/baseline/content');
export const RULE_FIXTURES = join(ROOT, 'tests/fixtures/rules');

const made: string[] = [];

/** A fresh copy of the baseline at <tmp>/content, with the named rule fixture (if any) copied over it. */
export function contentFixture(ruleFixture?: string): string {
  const parent = mkdtempSync(join(tmpdir(), 'council-commons-test-'));
  made.push(parent);
  const content = join(parent, 'content');
  cpSync(BASELINE, content, { recursive: true });
  if (ruleFixture) cpSync(join(RULE_FIXTURES, ruleFixture), content, { recursive: true });
  return content;
}

/** A fresh copy of a whole folder (such as the real content) at <tmp>/content. */
export function copyOf(folder: string): string {
  const parent = mkdtempSync(join(tmpdir(), 'council-commons-test-'));
  made.push(parent);
  const content = join(parent, 'content');
  cpSync(folder, content, { recursive: true });
  return content;
}

export function removeFixtures(): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
