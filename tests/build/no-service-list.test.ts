/**
 * A hub without a service list (hub.config.yaml without `services`): the real build, on the baseline
 * fixture's records with their services taken out, offers no services anywhere a reader or contributor
 * would look, and names no other hub's list.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';
import { projectCopy } from '../helpers/project-copy.ts';

const work = mkdtempSync(join(tmpdir(), 'council-commons-no-services-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  removeFixtures();
});

/** The repository's configuration without its service list, its other paths made absolute. */
const CONFIG = readFileSync(join(ROOT, 'hub.config.yaml'), 'utf8')
  .replace(/^# The list of services.*\n/m, '')
  .replace(/^services:\n(?:(?: {2}.*)?\n)+/m, '')
  .replaceAll(' data/reference/', ` ${join(ROOT, 'data/reference')}/`);

/** Every file of a folder, with its path from there. */
function filesOf(folder: string, from = folder): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(folder, entry.name), from) : [join(folder, entry.name).slice(from.length + 1)],
  );
}

describe('a hub without a service list', () => {
  const out = join(work, 'site');
  let status: number | null;
  let output: string;
  const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

  beforeAll(() => {
    const content = contentFixture();
    // The baseline's records name services; here nothing may.
    for (const file of filesOf(content)) {
      const path = join(content, file);
      const text = readFileSync(path, 'utf8');
      if (/^services:/m.test(text)) writeFileSync(path, text.replace(/^services:.*\n/m, ''));
    }
    const configFile = join(work, 'hub.config.yaml');
    writeFileSync(configFile, CONFIG);
    // In a copy of the project, so as not to share its .astro folder with tests/build/build.test.ts's builds.
    const project = projectCopy(join(work, 'project'));
    const result = spawnSync(process.execPath, [join(project, 'scripts/build.ts')], {
      cwd: project,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        HUB_CONTENT_DIR: content,
        HUB_CONFIG: configFile,
        HUB_OUT_DIR: out,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    status = result.status;
    output = `${result.stdout}\n${result.stderr}`;
  });

  it('builds', () => {
    expect(CONFIG).not.toMatch(/^services:/m);
    expect(status, output.slice(-3000)).toBe(0);
  });

  it('offers no way in by service, and says so where services would be', () => {
    expect(page('')).not.toContain('Browse by service');
    expect(page('')).toContain('Browse roadmaps');
    const services = page('services/').replace(/\s+/g, ' ');
    expect(services).toMatch(/has no list of services: find work by <a class="govuk-link" href="[^"]*themes\/">theme<\/a> instead/);
    expect(services).not.toContain('<table');
    const search = page('search/');
    expect(search).not.toContain('/services/"');
    expect(search).toContain('/themes/"');
  });

  it('asks for no services in the forms', () => {
    const form = page('contribute/new/roadmap/');
    expect(form).toContain('id="record-form"');
    expect(form).toContain('data-finder="organisations"');
    expect(form).not.toContain('data-finder="services"');
    expect(form).not.toContain('data-service-abbreviation');
  });

  it('names no service list on any page it writes', () => {
    const pages = filesOf(out).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    for (const file of pages) expect(readFileSync(join(out, file), 'utf8'), file).not.toMatch(/LGSL|Local Government Service List/);
  });
});
