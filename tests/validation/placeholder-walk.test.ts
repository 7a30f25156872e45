/**
 * checkRecord's walk for the placeholder "REPLACE THIS" through every field: one path array pushed and
 * popped on the way down, so each finding must get its own copy, with the path to the string it is in,
 * however deep (a list of objects of lists), and every string is still reached.
 */
import { describe, expect, it } from 'vitest';
import { checkRecord, type CheckContext, type Finding } from '../../src/lib/validation/record-checks.ts';

const context: CheckContext = {
  organisations: new Map([['ashdown', { demonstration: true }]]),
  recordIds: new Set(),
  themeIds: undefined,
  services: new Map(),
  licences: new Map([['OGL-UK-3.0', { id: 'OGL-UK-3.0', name: 'Open Government Licence v3.0', open: true, osiApproved: false } as never]]),
  today: '2026-12-07',
};

function placeholders(fields: Record<string, unknown>): { path: readonly PropertyKey[]; message: string }[] {
  const found: Finding[] = [];
  checkRecord(
    { collection: 'roadmap', organisation: 'ashdown', slug: 'x', id: 'roadmap/ashdown/x' },
    { licence: 'OGL-UK-3.0', ...fields },
    context,
    (finding) => found.push(finding),
  );
  return found.filter((finding) => finding.rule === 'content/placeholder').map(({ path, message }) => ({ path, message }));
}

describe('checkRecord’s placeholder walk', () => {
  it('finds the placeholder in every string, at its own path, however deep', () => {
    const found = placeholders({
      title: 'REPLACE THIS',
      summary: 'Fine',
      contact: { name: 'Fine', email: 'REPLACE-THIS@example.gov.uk' },
      partners: ['fine', 'REPLACE THIS'],
      systems: [{ product: 'Fine', notes: ['ok', { deep: 'a REPLACE THIS b' }] }, { product: 'REPLACE THIS' }],
      count: 3,
      empty: null,
    });
    expect(found.map((finding) => finding.path)).toEqual([
      ['title'],
      ['contact', 'email'],
      ['partners', 1],
      ['systems', 0, 'notes', 1, 'deep'],
      ['systems', 1, 'product'],
    ]);
    expect(found.map((finding) => finding.message.slice(0, 12))).toEqual([
      '`title` stil',
      '`email` stil',
      '`1` still ho',
      '`deep` still',
      '`product` st',
    ]);
  });

  it('gives each finding a path that later findings do not change', () => {
    const found = placeholders({ a: ['REPLACE THIS', 'REPLACE THIS'], b: { c: 'REPLACE THIS' } });
    expect(found.map((finding) => finding.path)).toEqual([
      ['a', 0],
      ['a', 1],
      ['b', 'c'],
    ]);
    expect(new Set(found.map((finding) => finding.path)).size).toBe(3);
  });

  it('finds nothing when no string holds it', () => {
    expect(placeholders({ title: 'Garden waste', partners: ['replace this'], systems: [{ product: 'REPLACE_THIS' }] })).toEqual([]);
  });
});
