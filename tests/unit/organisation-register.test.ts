/**
 * The organisation register's words in the hub's configuration (organisations in hub.config.yaml,
 * schemas/hub-config.ts; src/lib/organisation-register.ts): the UK hub's, what a broken section says, and
 * a hub for another country (Irish-style types and provinces) whose files the validator checks against
 * its own lists, refusing the UK's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubConfigError, loadHubConfig, readHubConfig } from '../../src/lib/hub-config.ts';
import {
  isGovernment,
  nationLabel,
  organisationKind,
  organisationRegister,
  organisationTypeLabel,
} from '../../src/lib/organisation-register.ts';
import type { Problem } from '../../src/lib/validation/problem.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures } from '../helpers/content.ts';

afterAll(removeFixtures);

/** The project's configuration, with the files it names made absolute (they are read from the configuration's folder). */
const project = readFileSync('hub.config.yaml', 'utf8').replaceAll(' data/reference/', ` ${resolve('data/reference')}/`);
const OUR_SECTION = /^organisations:\n[\s\S]*$/m;

/** A copy of the baseline content with `config` as the hub.config.yaml beside it; returns the content folder. */
function hubWith(config: string): string {
  const content = contentFixture();
  writeFileSync(join(dirname(content), 'hub.config.yaml'), config);
  return content;
}

/** The problems of a configuration, read from a hub folder of its own. */
function configProblems(config: string): Problem[] {
  const content = hubWith(config);
  return readHubConfig(join(dirname(content), 'hub.config.yaml'), 'hub.config.yaml').problems;
}

const lineOf = (text: string, pattern: RegExp) => text.split('\n').findIndex((line) => pattern.test(line)) + 1;

describe('the UK hub’s register', () => {
  const register = organisationRegister(loadHubConfig('content', {}).organisations);

  it('lists the thirteen types in the order filters and counts show them, with their words', () => {
    expect([...register.types.keys()]).toEqual([
      'county',
      'district',
      'unitary',
      'metropolitan-district',
      'london-borough',
      'city-corporation',
      'combined-authority',
      'strategic-authority',
      'scottish-council',
      'welsh-principal-area',
      'ni-district',
      'other-public-body',
      'community-group',
    ]);
    expect(organisationTypeLabel(register, 'ni-district')).toBe('Northern Ireland district');
    expect(organisationTypeLabel(register, 'community-group')).toBe('Community or civic-tech group');
  });

  it('says what to call a body when counting, and which bodies are public', () => {
    expect(organisationKind(register, 'unitary')).toBe('council');
    expect(organisationKind(register, 'strategic-authority')).toBe('combined authority');
    expect(organisationKind(register, 'other-public-body')).toBe('other public body');
    expect(organisationKind(register, 'community-group')).toBe('community group');
    expect(isGovernment(register, 'other-public-body')).toBe(true);
    expect(isGovernment(register, 'community-group')).toBe(false);
  });

  it('pairs the four nations with the first letters of their GSS codes', () => {
    expect([...register.nations.values()].map((nation) => `${nation.code ?? ''} ${nationLabel(register, nation.id)}`)).toEqual([
      'E England',
      'S Scotland',
      'W Wales',
      'N Northern Ireland',
    ]);
    expect(register.everywhere).toBe('Across the UK');
    expect(register.code?.name).toBe('GSS code');
    expect(register.code?.regex.test('E06000001')).toBe(true);
    expect(register.code?.regex.test('X06000001')).toBe(false);
  });
});

describe('a configuration whose organisations section is wrong', () => {
  it('is refused without the section, with the field and a fix', () => {
    const config = project.replace(OUR_SECTION, '');
    const problems = configProblems(config);
    expect(problems.map((problem) => [problem.rule, problem.field])).toEqual([['schema/required', 'organisations']]);
    expect(() => loadHubConfig(hubWith(config), {})).toThrow(HubConfigError);
  });

  it('names the line and field of a nation listed twice', () => {
    const config = project.replace(/^ {4}- \{ id: wales,.*$/m, '    - { id: scotland, label: Alba, code: W }');
    const [problem, ...others] = configProblems(config);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({
      rule: 'config/duplicate',
      file: 'hub.config.yaml',
      line: lineOf(config, /label: Alba/),
      field: 'organisations.nations[2].id',
    });
    expect(problem.message).toMatch(/the nation `scotland` is listed twice/);
  });

  it('names the field of a type without a kind', () => {
    const config = project.replace(/^( {4}- \{ id: county, label: County council), kind: council,/m, '$1,');
    expect(configProblems(config).map((problem) => [problem.rule, problem.field, problem.line])).toEqual([
      ['schema/required', 'organisations.types[0].kind', lineOf(config, /id: county,/)],
    ]);
  });

  it('names the field of an example code the pattern does not match', () => {
    const config = project.replace(/^ {4}example: .*$/m, '    example: E0600000');
    const problems = configProblems(config);
    expect(problems.map((problem) => [problem.rule, problem.field, problem.line])).toEqual([
      ['config/pattern', 'organisations.code.example', lineOf(config, /^ {4}example:/)],
    ]);
    expect(problems[0].message).toMatch(/the example code E0600000 does not match the pattern/);
  });
});

/** An Irish-style hub: councils by their own types, provinces as the `nation`, and no official code. */
const IRISH_SECTION = `organisations:
  types:
    - { id: county-council, label: County council, kind: council, government: true }
    - { id: city-council, label: City council, kind: council, government: true }
    - { id: city-and-county-council, label: City and county council, kind: council, government: true }
    - { id: community-group, label: Community group, kind: community group }
  nations:
    - { id: leinster, label: Leinster }
    - { id: munster, label: Munster }
    - { id: connacht, label: Connacht }
    - { id: ulster, label: Ulster }
  everywhere: Across Ireland
`;

describe('a hub for another country', () => {
  const irish = project.replace(OUR_SECTION, IRISH_SECTION);

  /** The baseline content under the Irish configuration, with Ashdown's file as given. */
  function validateAshdown(ashdown: string, config = irish) {
    const content = hubWith(config);
    writeFileSync(join(content, 'organisations/ashdown.yaml'), ashdown);
    // Brackwater, a district in the UK's words, becomes a city council of Munster.
    writeFileSync(
      join(content, 'organisations/brackwater.yaml'),
      'name: Brackwater\ntype: city-council\nnation: munster\ncounty: ashdown\ndemonstration: true\n' +
        'uses: [components/ashdown-civic-tech/bin-day-finder]\n',
    );
    return validateContent({ contentDir: content, today: '2026-11-26', configFile: join(dirname(content), 'hub.config.yaml') });
  }

  it('is a valid configuration', () => {
    expect(configProblems(irish)).toEqual([]);
  });

  it('takes an organisation with its own types and provinces', () => {
    const report = validateAshdown('name: Ashdown\ntype: city-and-county-council\nnation: leinster\ndemonstration: true\n');
    expect(report.errors).toEqual([]);
  });

  it('refuses the UK’s types, nations and GSS codes, suggesting its own words', () => {
    const report = validateAshdown('name: Ashdown\ntype: county\ngss_code: E99999911\nnation: england\ndemonstration: true\n');
    const found = report.errors.map((problem) => [problem.rule, problem.field, problem.line]);
    expect(found).toEqual([
      ['schema/enum', 'type', 2],
      ['schema/format', 'gss_code', 3],
      ['schema/enum', 'nation', 4],
    ]);
    const byField = new Map(report.errors.map((problem) => [problem.field, problem]));
    expect(byField.get('type')!.message).toMatch(/`type` is "county"; expected one of: county-council, city-council/);
    expect(byField.get('type')!.fix).toMatch(/did you mean `county-council`\?/);
    expect(byField.get('nation')!.message).toMatch(/expected one of: leinster, munster, connacht, ulster/);
    expect(byField.get('gss_code')!.message).toMatch(/this hub has no official code/);
  });

  it('names its own official code in what it says, when it has one', () => {
    const withCode = irish
      .replace(
        '{ id: county-council, label: County council, kind: council,',
        '{ id: county-council, label: County council, kind: council, registered: true,',
      )
      .concat(
        '  code:\n    name: LA code\n    pattern: ^LA\\d{2}$\n    format: LA and two digits\n    example: LA07\n' +
          '    where: the list of local authorities\n',
      );
    expect(configProblems(withCode)).toEqual([]);
    const missing = validateAshdown('name: Ashdown\ntype: county-council\nnation: leinster\ndemonstration: true\n', withCode);
    expect(missing.errors.map((problem) => problem.message)).toEqual(['a county-council needs its LA code, but `gss_code` is missing.']);
    expect(missing.errors[0].fix).toMatch(/the list of local authorities/);
    const wrong = validateAshdown(
      'name: Ashdown\ntype: county-council\ngss_code: E99999911\nnation: leinster\ndemonstration: true\n',
      withCode,
    );
    expect(wrong.errors.map((problem) => problem.message)).toEqual([
      '`gss_code` is "E99999911"; expected a LA code: LA and two digits, e.g. LA07.',
    ]);
  });
});
