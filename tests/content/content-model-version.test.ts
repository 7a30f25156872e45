/**
 * The content model's version (schemas/version.ts) reaches everything that describes the files: the JSON
 * Schemas (committed and published), the editor mapping, the issue forms and the changelog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeSchemaId } from '../../scripts/generate-from-schemas.ts';
import { issueFormFiles } from '../../scripts/issue-forms.ts';
import { CONTENT_MODEL_CHANGELOG, CONTENT_MODEL_MAJOR, CONTENT_MODEL_VERSION, versionedSchemaPath } from '../../schemas/version.ts';
import { publishedSchema } from '../../src/lib/schema-version.ts';
import { ROOT } from '../helpers/content.ts';

const schema = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('the content model version', () => {
  it('is semver, and its major is what addresses carry', () => {
    expect(CONTENT_MODEL_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(CONTENT_MODEL_MAJOR).toBe(Number(CONTENT_MODEL_VERSION.split('.')[0]));
    expect(versionedSchemaPath('roadmap')).toBe(`schemas/v${CONTENT_MODEL_MAJOR}/roadmap.schema.json`);
  });

  it('is in every committed JSON Schema, whose $refs never leave it (so the relative $id is never fetched)', () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    // The editor mapping points at the committed copies, which are always the current version.
    const mapped = Object.keys(settings['yaml.schemas']);
    expect(mapped.length).toBeGreaterThan(0);
    for (const path of mapped) {
      const name = path.replace(/^\.\/schemas\/json\/|\.schema\.json$/g, '');
      const json = schema(path);
      expect(Object.keys(json).slice(0, 3), path).toEqual(['$schema', '$id', '$comment']);
      expect(json.$id, path).toBe(relativeSchemaId(name));
      expect(json.$id, path).toBe(`v${CONTENT_MODEL_MAJOR}/${name}.schema.json`);
      expect(json.$comment, path).toContain(`content model ${CONTENT_MODEL_VERSION}`);
      for (const [, ref] of JSON.stringify(json).matchAll(/"\$ref":"([^"]*)"/g)) expect(ref, path).toMatch(/^#/);
    }
  });

  it('is published with an absolute, versioned $id and nothing else changed', () => {
    const text = readFileSync(join(ROOT, 'schemas/json/roadmap.schema.json'), 'utf8');
    const published = publishedSchema(text, 'roadmap', (path) => `https://hub.example/commons/${path}`);
    expect(published).toBe(
      text.replace(`"$id": "v${CONTENT_MODEL_MAJOR}/`, `"$id": "https://hub.example/commons/schemas/v${CONTENT_MODEL_MAJOR}/`),
    );
  });

  it('is stated in every issue form', () => {
    const forms = issueFormFiles();
    expect(forms.length).toBeGreaterThan(1);
    for (const { path, text } of forms) {
      expect(text, path).toContain(`# Content model version ${CONTENT_MODEL_VERSION} `);
      expect(text.replace(/\s+/g, ' '), path).toContain(`This form follows version ${CONTENT_MODEL_VERSION} of the hub’s content model`);
    }
  });

  it('has an entry in the changelog, which the README and CONTRIBUTING point to', () => {
    const changelog = readFileSync(join(ROOT, CONTENT_MODEL_CHANGELOG), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## \\[${CONTENT_MODEL_VERSION.replaceAll('.', '\\.')}\\]`, 'm'));
    for (const guide of ['README.md', 'CONTRIBUTING.md']) {
      const text = readFileSync(join(ROOT, guide), 'utf8');
      expect(text, guide).toContain(CONTENT_MODEL_CHANGELOG);
      expect(text, guide).toContain('npm run migrate -- --from');
    }
  });
});
