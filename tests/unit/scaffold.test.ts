/**
 * src/lib/scaffold.ts: the skeletons `npm run new` writes, made from the schemas. The key property: a
 * skeleton, untouched, passes the validator with no errors, only placeholder warnings.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ORGANISATIONS, RECORD_COLLECTIONS, type CollectionDefinition } from '../../schemas/collections.ts';
import { skeleton, skeletonFields } from '../../src/lib/scaffold.ts';
import { PLACEHOLDER } from '../../src/lib/validation/record-checks.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

const ORGANISATION = 'ashdown'; // an organisation in the baseline fixture
const SLUG = 'my-new-record';
const NEW_ORGANISATION = 'fenmoor';

const COLLECTIONS: CollectionDefinition[] = [...RECORD_COLLECTIONS, ORGANISATIONS];

function skeletonOf(collection: CollectionDefinition) {
  return collection === ORGANISATIONS ? skeleton(collection.name, NEW_ORGANISATION) : skeleton(collection.name, ORGANISATION, SLUG);
}

/** A field's title and whether it may be left out, read from the schema without the module under test. */
function fieldInfo(schema: z.ZodType): { title: string | undefined; optional: boolean } {
  const own = (z.globalRegistry.get(schema) as { title?: string } | undefined)?.title;
  if (schema instanceof z.ZodOptional) return { title: own ?? fieldInfo(schema.unwrap() as z.ZodType).title, optional: true };
  return { title: own, optional: false };
}

/** Writes the skeleton into a fresh copy of the baseline fixture and validates the whole folder. */
function validateWith(collection: CollectionDefinition) {
  const made = skeletonOf(collection);
  const content = contentFixture();
  const file = join(content, made.path);
  expect(existsSync(file), `${made.path} is already in the baseline`).toBe(false);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, made.text);
  return { made, report: validateContent({ contentDir: content, today: '2026-11-26' }) };
}

describe.each(COLLECTIONS.map((collection) => ({ name: collection.name, collection })))('the $name skeleton', ({ collection }) => {
  const made = skeletonOf(collection);
  const lines = made.text.split('\n');

  it('has the path the collection’s files live at, with its first extension', () => {
    expect(made.path).toBe(
      collection === ORGANISATIONS
        ? `organisations/${NEW_ORGANISATION}.yaml`
        : `${collection.name}/${ORGANISATION}/${SLUG}${collection.extensions[0]}`,
    );
  });

  it('names every field of the schema in a comment, with its title and whether it is required', () => {
    for (const [key, field] of Object.entries(collection.schema.shape as Record<string, z.ZodType>)) {
      const { title, optional } = fieldInfo(field);
      expect(title, `${collection.name}.${key} has no title`).toBeDefined();
      const heading = `# ${title} (${optional ? 'optional' : 'required'}):`;
      expect(
        lines.filter((line) => line.startsWith(heading)),
        heading,
      ).toHaveLength(1);
    }
  });

  it('writes each required field as a line of YAML, and leaves each optional one commented out', () => {
    for (const [key, field] of Object.entries(collection.schema.shape as Record<string, z.ZodType>)) {
      const written = lines.filter((line) => line.startsWith(`${key}:`));
      expect(written, key).toHaveLength(fieldInfo(field).optional ? 0 : 1);
    }
  });

  it('keeps comment lines to about 100 characters', () => {
    for (const line of lines.filter((candidate) => candidate.startsWith('# ') && !candidate.startsWith('# yaml-language-server'))) {
      expect(line.length, line).toBeLessThanOrEqual(110);
    }
  });

  if (collection.extensions[0] === '.md') {
    it('is Markdown with the fields as front matter and a body that still needs writing', () => {
      expect(made.text.startsWith('---\n')).toBe(true);
      const closing = made.text.indexOf('\n---\n', 4);
      expect(closing).toBeGreaterThan(0);
      expect(made.text.slice(closing + 5)).toContain(PLACEHOLDER);
    });
  } else {
    it('points editors at the collection’s JSON Schema, which exists at that relative path', () => {
      const [first] = lines;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, first).not.toBeNull();
      expect(match![1]).toMatch(new RegExp(`/schemas/json/${collection.name}\\.schema\\.json$`));
      const schemaFile = resolve(ROOT, 'content', dirname(made.path), match![1]);
      expect(schemaFile).toBe(join(ROOT, 'schemas/json', `${collection.name}.schema.json`));
      expect(existsSync(schemaFile)).toBe(true);
    });
  }

  it('passes the validator in the baseline with no errors and only placeholder warnings', () => {
    const { report } = validateWith(collection);
    expect(report.errors).toEqual([]);
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(report.warnings.filter((warning) => warning.rule !== 'content/placeholder')).toEqual([]);
    expect(new Set(report.warnings.map((warning) => warning.file))).toEqual(new Set([`content/${made.path}`]));
  });

  it('is loaded as content by the validator, as a file that passed', () => {
    const { report } = validateWith(collection);
    if (collection === ORGANISATIONS) expect(report.content.organisations.map((entry) => entry.id)).toContain(NEW_ORGANISATION);
    else expect(report.content.records.map((record) => record.id)).toContain(`${collection.name}/${ORGANISATION}/${SLUG}`);
  });
});

describe('skeleton', () => {
  it('passes the validator with a skeleton of every kind written at once', () => {
    const content = contentFixture();
    for (const collection of COLLECTIONS) {
      const made = skeletonOf(collection);
      mkdirSync(dirname(join(content, made.path)), { recursive: true });
      writeFileSync(join(content, made.path), made.text);
    }
    const report = validateContent({ contentDir: content, today: '2026-11-26' });
    expect(report.errors).toEqual([]);
    expect(report.warnings.every((warning) => warning.rule === 'content/placeholder')).toBe(true);
    expect(new Set(report.warnings.map((warning) => warning.file)).size).toBe(COLLECTIONS.length);
  });

  it('refuses a collection it does not know', () => {
    expect(() => skeleton('recipes', ORGANISATION, SLUG)).toThrow(/unknown collection recipes/);
  });

  it('refuses a record without a slug', () => {
    expect(() => skeleton('roadmap', ORGANISATION)).toThrow(/needs a slug/);
  });

  it('gives the same fields in a skeleton as skeletonFields does for its collection', () => {
    const roadmap = RECORD_COLLECTIONS.find((collection) => collection.name === 'roadmap')!;
    expect(skeleton('roadmap', ORGANISATION, SLUG).text).toContain(skeletonFields(roadmap));
  });

  it('writes the placeholder into required text fields and a sensible value into required choices', () => {
    const roadmap = skeleton('roadmap', ORGANISATION, SLUG).text;
    expect(roadmap).toContain(`\ntitle: ${PLACEHOLDER} with title\n`);
    expect(roadmap).toContain('\nstatus: idea\n');
    const organisation = skeleton('organisations', NEW_ORGANISATION).text;
    expect(organisation).toContain('\ntype: community-group\n');
  });

  it('shows an optional field’s example, commented out, in the form people write it', () => {
    const roadmap = skeleton('roadmap', ORGANISATION, SLUG).text;
    expect(roadmap).toContain('\n# services: [524, 530]\n');
    expect(roadmap).toContain('\n# links:\n#   - title: Discovery report\n#     url: https://www.example.gov.uk/discovery\n');
  });
});
