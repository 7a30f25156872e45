/**
 * Properties of slugs (src/lib/slug.ts) and of working out what a file is from its path
 * (src/lib/content-files/files.ts), on arbitrary Unicode and arbitrary paths: a slug is only ever a-z, 0-9 and
 * single hyphens, and never `..`; slugify is idempotent and leaves a valid slug alone; and no path that
 * could lead outside content/ (or hides a character) is ever taken for content.
 */
import fc from 'fast-check';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPath, isPathProblem, RESERVED_IDS } from '../../src/lib/content-files/files.ts';
import { isSlug, SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from '../../src/lib/slug.ts';

const SEED = 20261126;

/** Text people might type as a name, and text they would not: any Unicode, lookalikes, controls, separators. */
const names = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(..."aAzZ09 -_.&'’/\\:é ŵ Ŷ ß æ ø ł а с ο ı İ ﬁ Ａ ① ٣ ‐ – — \u00ad\u200b\u200d\u202e\u2066\ufeff\t\n".split('')),
    maxLength: 100,
  }),
  fc.constantFrom(
    '..',
    '.',
    '../etc/passwd',
    'h\u0430\u0441kney',
    'Ynys Môn',
    'St. Helens',
    "King's Lynn",
    'A & B',
    '-',
    '---',
    'x'.repeat(200),
    `${'a-'.repeat(50)}b`,
  ),
);

/**
 * Whether a name has a letter or digit that can be written in a slug: a to z or 0 to 9, once accents and compatibility forms are
 * taken off.
 */
const hasLatinLetterOrDigit = (name: string) =>
  /[a-z0-9]/i.test(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')) || name.includes('&');

describe('slugify', () => {
  it('gives only a to z, 0 to 9 and single hyphens, at most 80 characters, never starting or ending with a hyphen, and never `..`', () => {
    fc.assert(
      fc.property(names, (name) => {
        const slug = slugify(name);
        expect(slug).toMatch(/^[a-z0-9-]*$/);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
        expect(slug).not.toContain('..');
        if (slug !== '') expect(slug).toMatch(SLUG_PATTERN);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it(
    'is never empty when the name has a letter or digit a slug can hold ' +
      '(letters of other scripts, such as Cyrillic, have no slug form)',
    () => {
      fc.assert(
        fc.property(names, (name) => {
          if (hasLatinLetterOrDigit(name)) expect(slugify(name), JSON.stringify(name)).not.toBe('');
        }),
        { seed: SEED, numRuns: 2000 },
      );
      expect(slugify('хакни')).toBe('');
    },
  );

  it('is idempotent, and leaves a valid slug as it is', () => {
    fc.assert(
      fc.property(fc.oneof(names, fc.stringMatching(SLUG_PATTERN)), (name) => {
        const slug = slugify(name);
        expect(slugify(slug)).toBe(slug);
        if (isSlug(name)) expect(slug).toBe(name);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('isSlug', () => {
  it('refuses anything with a character outside a to z, 0 to 9 and hyphen, a dot, a slash, or more than 80 characters', () => {
    fc.assert(
      fc.property(names, (name) => {
        if (isSlug(name)) {
          expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(name.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
        }
        if (/[^a-z0-9-]/.test(name) || name.length > SLUG_MAX_LENGTH || name === '') expect(isSlug(name)).toBe(false);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('classifyPath', () => {
  const segment = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'roadmap',
        'principles',
        'lessons',
        'datasets',
        'components',
        'organisations',
        'vocabularies',
        'ashdown',
        'garden-waste',
      ),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '..',
        '.',
        '',
        '...',
        '.hidden',
        '~',
        'h\u0430\u0441kney',
        'gar\u202Eden',
        'a\u200Bb',
        'C:',
        'a\\..\\b',
        '%2e%2e',
        'ashdown\uFEFF',
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );
  const extension = fc.constantFrom('.md', '.yaml', '.yml', '', '.md.', '.MD', '.md/..', '\u200B.md');
  const paths = fc.oneof(
    fc.tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), extension).map(([parts, ext]) => parts.join('/') + ext),
    fc
      .tuple(
        fc.constantFrom('', '/', './', '../', '../../', 'content/../'),
        fc.constantFrom('roadmap/ashdown/x.md', 'organisations/x.yaml', 'vocabularies/themes.yaml', 'README.md'),
      )
      .map(([prefix, rest]) => prefix + rest),
  );

  it(
    'never takes a path for content unless every part is plain: no .., ' +
      'no dot files, no empty parts, no hidden or lookalike characters, inside content/',
    () => {
      fc.assert(
        fc.property(paths, (path) => {
          const classified = classifyPath(path);
          if (isPathProblem(classified)) {
            expect(classified.message.length).toBeGreaterThan(0);
            return;
          }
          const parts = path.split('/');
          expect(
            parts.every((part) => part !== '' && part !== '.' && part !== '..'),
            path,
          ).toBe(true);
          expect(path, path).toMatch(/^[A-Za-z0-9._/-]+$/);
          expect(posix.normalize(path)).toBe(path);
          expect(posix.join('content', path).startsWith('content/')).toBe(true);
          if (classified.kind === 'organisation') {
            expect(isSlug(classified.id)).toBe(true);
            expect(path).toBe(`organisations/${classified.id}.yaml`);
          } else if (classified.kind === 'record') {
            expect(isSlug(classified.organisation) && isSlug(classified.slug)).toBe(true);
            expect(path).toBe(`${classified.collection}/${classified.organisation}/${classified.slug}${classified.extension}`);
          } else {
            expect(['vocabularies/themes.yaml', 'README.md']).toContain(path);
          }
        }),
        { seed: SEED, numRuns: 3000 },
      );
    },
  );

  it('takes a plain record or organisation path for what it is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('roadmap', 'principles', 'lessons', 'components'),
        fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/),
        fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/),
        (collection, organisation, slug) => {
          expect(classifyPath(`${collection}/${organisation}/${slug}.md`)).toMatchObject({
            kind: 'record',
            collection,
            organisation,
            slug,
          });
          if (!RESERVED_IDS.has(organisation))
            expect(classifyPath(`organisations/${organisation}.yaml`)).toEqual({ kind: 'organisation', id: organisation });
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
