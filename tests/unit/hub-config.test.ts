/** Where the hub's configuration is found, and what a broken one says (src/lib/hub-config.ts). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubConfigError, hubConfigFile, loadHubConfig, loadHubReference } from '../../src/lib/hub-config.ts';
import { serviceCode, serviceCodeAndLabel, serviceLabelOf } from '../../src/lib/services.ts';

const work = mkdtempSync(join(tmpdir(), 'council-commons-hub-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/** The repository's configuration, its registers' paths made absolute: they are read from the configuration's folder. */
const project = readFileSync('hub.config.yaml', 'utf8').replaceAll(' data/reference/', ` ${resolve('data/reference')}/`);
/** The project's configuration with its service list taken out. */
const withoutServices = (config: string) => config.replace(/^services:\n(?: {2}.*\n)+/m, '');

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

describe('loadHubReference: the registers the configuration names', () => {
  it('reads the UK hub’s Local Government Service List and licences from data/reference/', () => {
    const reference = loadHubReference(hub('uk', project), {});
    expect(reference.serviceScheme).toEqual({ name: 'Local Government Service List', abbreviation: 'LGSL' });
    expect(reference.services.get(524)?.label).toBe('Household waste collection');
    expect(reference.services.get(524)?.uri).toBe('http://id.esd.org.uk/service/524');
    expect(reference.licences.get('OGL-UK-3.0')?.open).toBe(true);
    expect(serviceCodeAndLabel(reference, 524)).toBe('LGSL 524 Household waste collection');
  });

  it('reads another hub’s own service list, from a path beside its configuration, with its own abbreviation', () => {
    const config = project.replace(
      /^services:\n(?: {2}.*\n)+/m,
      'services:\n  name: Testshire Service Catalogue\n  abbreviation: TSC\n  file: registers/services.csv\n' +
        '  uri: https://services.testshire.example/{id}\n',
    );
    const content = hub('own-services', config);
    mkdirSync(join(work, 'own-services', 'registers'));
    writeFileSync(
      join(work, 'own-services', 'registers', 'services.csv'),
      'id,label,description\n7,Pothole reporting,"Reporting a pothole, and hearing when it is mended"\n12,Library loans,\n',
    );
    const reference = loadHubReference(content, {});
    expect(reference.serviceScheme).toEqual({ name: 'Testshire Service Catalogue', abbreviation: 'TSC' });
    expect([...reference.services.keys()]).toEqual([7, 12]);
    expect(reference.services.get(7)).toEqual({
      id: 7,
      label: 'Pothole reporting',
      description: 'Reporting a pothole, and hearing when it is mended',
      uri: 'https://services.testshire.example/7',
    });
    expect(serviceCode(reference.serviceScheme, 12)).toBe('TSC 12');
    expect(serviceLabelOf(reference, 99)).toBe('TSC 99');
  });

  it('has no services for a hub without a service list, and the licence list that comes with the hub', () => {
    const reference = loadHubReference(hub('no-services', withoutServices(project).replace(/^licences: .*\n/m, '')), {});
    expect(reference.services.size).toBe(0);
    expect(reference.serviceScheme).toBeUndefined();
    expect(reference.licences.get('CC-BY-4.0')?.name).toBe('Creative Commons Attribution 4.0 International');
  });

  it('refuses a service list it cannot read, naming the file, the row and the fix', () => {
    const content = hub('bad-services', project.replace(/^ {2}file: .*$/m, '  file: services.csv'));
    writeFileSync(join(work, 'bad-services', 'services.csv'), 'lgsl_id,label\n524,Bins\n524,Bins again\n');
    expect(() => loadHubReference(content, {})).toThrow(/row 3 of \/.*services\.csv: the id 524 is there twice[\s\S]*correct the path/i);
  });
});
