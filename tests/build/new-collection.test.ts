/**
 * Adding a record type takes its schema and its registry entry (schemas/collections.ts), nothing else:
 * a copy of the project gains "case studies" in those two places only, and the real build gives them a
 * list, pages, a feed, JSON and CSV, a form, the navigation and search, as the five built-in types have.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE } from '../helpers/content.ts';
import { projectCopy } from '../helpers/project-copy.ts';

const work = mkdtempSync(join(tmpdir(), 'council-commons-new-collection-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = join(work, 'project');
const content = join(work, 'content');
const out = join(work, 'site');

/** The new type's schema: the one file a new record type needs besides its registry entry. */
const CASE_STUDY_SCHEMA = `/** A case study: how a body used something shared on the hub, and what came of it. */
import { z } from 'zod';
import { contentLicence, services, singleLine, summary, themes, title } from './fields.ts';

export const caseStudySchema = z
  .strictObject({
    title,
    summary,
    outcome: singleLine(200).optional().meta({ title: 'Outcome', description: 'What changed, in one line.' }),
    services: services.optional(),
    themes: themes.optional(),
    licence: contentLicence.optional(),
  })
  .meta({
    title: 'Case study',
    description: 'How a body used something, and what came of it. File: content/case-studies/<organisation>/<slug>.md.',
  });
`;

/** Its registry entry, as schemas/collections.ts lists the others. */
const CASE_STUDY_ENTRY = `  {
    name: 'case-studies',
    singular: 'case study',
    label: 'Case studies',
    navLabel: 'Case studies',
    extensions: ['.md'],
    schema: caseStudySchema,
    filters: ['type', 'nation', 'service', 'theme'],
    dateFields: [],
    publishedFields: [],
    bodyHint: 'What you did, with whom, and what came of it.',
  },
`;

const CASE_STUDY = `---
title: Garden waste renewals, one year on
summary: How moving renewals online changed calls to the contact centre.
outcome: Calls about garden waste fell by a third.
services: [524]
themes: [waste-and-recycling]
---

We moved renewals online in the spring and counted calls for a year.
`;

describe('a record type added in its schema and its registry entry alone', () => {
  let status: number | null;
  let output: string;
  const page = (path: string) => readFileSync(join(out, path), 'utf8');

  beforeAll(() => {
    projectCopy(project);
    writeFileSync(join(project, 'schemas/case-study.ts'), CASE_STUDY_SCHEMA);
    const registry = readFileSync(join(project, 'schemas/collections.ts'), 'utf8');
    const end = '] as const satisfies readonly RecordCollectionDefinition[];';
    if (!registry.includes(end)) throw new Error('schemas/collections.ts no longer ends its list as this test expects');
    writeFileSync(
      join(project, 'schemas/collections.ts'),
      `import { caseStudySchema } from './case-study.ts';\n${registry.replace(end, `${CASE_STUDY_ENTRY}${end}`)}`,
    );

    cpSync(BASELINE, content, { recursive: true });
    mkdirSync(join(content, 'case-studies/ashdown'), { recursive: true });
    writeFileSync(join(content, 'case-studies/ashdown/garden-waste-one-year-on.md'), CASE_STUDY);

    const result = spawnSync(process.execPath, [join(project, 'scripts/build.ts')], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HUB_CONTENT_DIR: content, HUB_OUT_DIR: out },
      maxBuffer: 64 * 1024 * 1024,
    });
    status = result.status;
    output = `${result.stdout}\n${result.stderr}`;
  });

  it('builds, with the new record in every check the build makes (pages, JSON, CSV, feeds, search)', () => {
    expect(status, output.slice(-4000)).toBe(0);
    expect(output).toContain('Every record is once in its collection');
  });

  it('has its list, its page and its place in the navigation', () => {
    expect(page('case-studies/index.html')).toContain('Garden waste renewals, one year on');
    const record = page('case-studies/ashdown/garden-waste-one-year-on/index.html');
    expect(record).toContain('Calls about garden waste fell by a third.');
    expect(record).toContain('We moved renewals online in the spring');
    expect(record).toMatch(/<a[^>]*href="\/case-studies\/"[^>]*>Case studies<\/a>/);
  });

  it('has its feed, JSON and CSV', () => {
    expect(page('feeds/case-studies.xml')).toContain('Garden waste renewals, one year on');
    const json = JSON.parse(page('api/v1/case-studies.json')) as { records: { id: string }[] };
    expect(json.records.map((record) => record.id)).toEqual(['case-studies/ashdown/garden-waste-one-year-on']);
    expect(page('api/v1/case-studies.csv')).toContain('case-studies/ashdown/garden-waste-one-year-on');
  });

  it('has its form, with its own fields', () => {
    const form = page('contribute/new/case-studies/index.html');
    expect(form).toContain('data-collection="case-studies"');
    expect(form).toContain('name="outcome"');
    expect(form).toContain('What you did, with whom, and what came of it.');
    expect(existsSync(join(out, 'contribute/templates/case-studies.md'))).toBe(true);
  });
});
