/**
 * npm run new: a contributor's first step. It writes a skeleton that validates, refuses to overwrite,
 * and explains a wrong organisation or slug.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLLECTION_NAMES } from '../../schemas/collections.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

function scaffold(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run new', () => {
  it.each(RECORD_COLLECTION_NAMES)(
    'writes a %s skeleton that validates, with warnings until its placeholders are replaced',
    (collection) => {
      const content = contentFixture();
      const result = scaffold([collection, 'ashdown', 'my-new-record', '--content', content]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Wrote .*my-new-record\.(md|yaml)\.\nNext: replace every "REPLACE THIS"/);
      const report = validateContent({ contentDir: content });
      expect(report.errors).toEqual([]);
      expect(report.warnings.length).toBeGreaterThan(0);
      expect(new Set(report.warnings.map((warning) => warning.rule))).toEqual(new Set(['content/placeholder']));
    },
  );

  it('writes an organisation skeleton', () => {
    const content = contentFixture();
    expect(scaffold(['organisations', 'cinderford-makers', '--content', content]).status).toBe(0);
    expect(readFileSync(join(content, 'organisations/cinderford-makers.yaml'), 'utf8')).toContain('type: community-group');
    expect(validateContent({ contentDir: content }).errors).toEqual([]);
  });

  it('never overwrites an existing record', () => {
    const content = contentFixture();
    const file = join(content, 'roadmap/ashdown/garden-waste-online.md');
    const before = readFileSync(file, 'utf8');
    const result = scaffold(['roadmap', 'ashdown', 'garden-waste-online', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists; nothing was written. Choose another slug, or add --force to replace it.');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('suggests the organisation id when it is misspelt, and writes nothing', () => {
    const content = contentFixture();
    const result = scaffold(['lessons', 'ashdwn', 'a-lesson', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('there is no organisation "ashdwn"');
    expect(result.stderr).toContain('did you mean ashdown?');
    expect(existsSync(join(content, 'lessons/ashdwn'))).toBe(false);
  });

  it('explains a slug that is not valid, with one that is', () => {
    const result = scaffold(['roadmap', 'ashdown', 'Garden Waste!', '--content', contentFixture()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the slug "Garden Waste!" is not valid: use lowercase letters, digits and hyphens, e.g. garden-waste');
  });

  it('suggests the collection when it is misspelt', () => {
    const result = scaffold(['lesson', 'ashdown', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('there is no collection "lesson": did you mean lessons?');
  });
});
