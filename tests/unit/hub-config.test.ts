/** Where the hub's configuration is found, and what a broken one says (src/lib/hub-config.ts). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubConfigError, hubConfigFile, loadHubConfig } from '../../src/lib/hub-config.ts';

const work = mkdtempSync(join(tmpdir(), 'council-commons-hub-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const project = readFileSync('hub.config.yaml', 'utf8');

/** A hub folder with content/ and, if given, a hub.config.yaml beside it. */
function hub(name: string, config?: string): string {
  const content = join(work, name, 'content');
  mkdirSync(content, { recursive: true });
  if (config !== undefined) writeFileSync(join(work, name, 'hub.config.yaml'), config);
  return content;
}

describe('hubConfigFile', () => {
  it('takes the file HUB_CONFIG names, first', () => {
    const content = hub('named', project);
    expect(hubConfigFile(content, { HUB_CONFIG: 'elsewhere/mine.yaml' })).toBe(resolve('elsewhere/mine.yaml'));
  });

  it('else the hub.config.yaml beside the content folder, so a pull request is checked with its own', () => {
    const content = hub('beside', project);
    expect(hubConfigFile(content, {})).toBe(join(work, 'beside', 'hub.config.yaml'));
  });

  it('else the project’s own', () => {
    expect(hubConfigFile(hub('none'), {})).toBe(resolve('hub.config.yaml'));
  });
});

describe('loadHubConfig', () => {
  it('reads the configuration, with the repository a build on GitHub Actions is in', () => {
    const content = hub('fork', project.replace(/^name: .*$/m, 'name: Testshire Exchange'));
    const config = loadHubConfig(content, { GITHUB_REPOSITORY: 'testshire/fork' });
    expect(config.name).toBe('Testshire Exchange');
    expect(config.repository.github).toBe('testshire/fork');
    expect(loadHubConfig(content, {}).repository.github).toBe('council-commons/council-commons');
  });

  it('throws an error that names the file, line, field and fix, and says nothing was built', () => {
    const content = hub('broken', project.replace(/^ {2}branch: .*$/m, '  branch: [main]'));
    let error: unknown;
    try {
      loadHubConfig(content, {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HubConfigError);
    const message = (error as HubConfigError).message;
    const line = project.split('\n').findIndex((text) => text.startsWith('  branch:')) + 1;
    expect(message).toContain('so nothing was checked or built');
    expect(message).toMatch(new RegExp(`hub\\.config\\.yaml\\n {2}Error \\(line ${line}, column \\d+, field repository\\.branch\\): `));
    expect((error as HubConfigError).problems).toHaveLength(1);
  });
});
