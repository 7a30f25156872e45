/**
 * The benchmark's synthetic content must be valid, or npm run bench would time the error path instead
 * of the validator's full work; and it must be the same on every run, so figures compare.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticContent } from '../../scripts/lib/synthetic-content.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { ROOT } from '../helpers/content.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function generate(records: number) {
  const target = join(mkdtempSync(join(tmpdir(), 'council-commons-synthetic-')), 'content');
  folders.push(join(target, '..'));
  const written = writeSyntheticContent({ records, target, source: join(ROOT, 'content') });
  return { target, written };
}

describe('writeSyntheticContent', () => {
  const { target, written } = generate(1500);
  const report = validateContent({ contentDir: target, today: '2026-11-26' });

  it('writes valid records, references included, over the register’s organisations', () => {
    expect(report.errors).toEqual([]);
    expect(report.content.records).toHaveLength(1500);
    expect(written.organisations).toBe(397);
  });

  it('spreads records over all five collections and many organisations', () => {
    const counts = new Map<string, number>();
    for (const record of report.content.records) counts.set(record.collection, (counts.get(record.collection) ?? 0) + 1);
    expect(counts.size).toBe(5);
    expect(counts.get('roadmap')).toBeGreaterThan(counts.get('principles')!);
    expect(new Set(report.content.records.map((record) => record.organisation)).size).toBeGreaterThan(390);
  });

  it('writes records of realistic size, with references between them', () => {
    const roadmap = report.content.records.filter((record) => record.collection === 'roadmap');
    const sizes = roadmap.map((record) => record.body!.length);
    expect(Math.min(...sizes)).toBeGreaterThan(800);
    expect(roadmap.some((record) => record.collection === 'roadmap' && (record.data.reuses?.length ?? 0) > 0)).toBe(true);
  });

  it('writes the same files on every run', () => {
    const again = generate(50);
    const first = generate(50);
    const file = (root: string) => {
      const folder = join(root, 'roadmap', readdirSync(join(root, 'roadmap'))[0]);
      return readFileSync(join(folder, readdirSync(folder)[0]), 'utf8');
    };
    expect(file(again.target)).toBe(file(first.target));
  });
});
