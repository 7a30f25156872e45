/**
 * Files generated from other files must be current: the JSON Schemas from the zod schemas, and the
 * organisation files from the local-authority register. Each has a --check mode; these tests run it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTING, contributingGuide, JSON_SCHEMA_DIR, jsonSchemaFiles } from '../../scripts/generate-from-schemas.ts';
import { ROOT } from '../helpers/content.ts';

describe('schemas/json', () => {
  it('matches what npm run schemas generates from schemas/', () => {
    for (const [name, text] of jsonSchemaFiles()) {
      expect(readFileSync(join(JSON_SCHEMA_DIR, name), 'utf8'), `${name} is stale: run npm run schemas`).toBe(text);
    }
  });

  it('describes every field, for editors’ autocompletion', () => {
    for (const [name, text] of jsonSchemaFiles()) {
      const schema = JSON.parse(text) as { properties?: Record<string, { description?: string }>; $schema: string };
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      if (name === 'themes.schema.json') continue;
      const undescribed = Object.entries(schema.properties ?? {})
        .filter(([, property]) => !property.description)
        .map(([key]) => key);
      expect(undescribed, name).toEqual([]);
    }
  });
});

describe('CONTRIBUTING.md', () => {
  it('has the field and rule reference that npm run schemas writes from the schemas and the rule list', () => {
    const current = readFileSync(CONTRIBUTING, 'utf8');
    expect(current, 'CONTRIBUTING.md is stale: run npm run schemas').toBe(contributingGuide(current));
    expect(current).toContain('| `status` | **required** |');
    expect(current).toContain('| `reference/organisation` |');
  });
});

describe('content/organisations', () => {
  it('is current with data/reference/local-authorities.csv (npm run organisations -- --check)', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-organisations.ts'), '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('397 bodies in the register: 0 would be created, 0 would be updated, 397 unchanged.');
    expect(result.status).toBe(0);
  });
});
