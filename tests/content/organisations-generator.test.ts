/**
 * npm run organisations: it writes one file per body in the register, and re-running it after the
 * register changes updates only the register's fields, keeping everything contributors added.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateOrganisations, mergeOrganisationFile, registerOrganisations } from '../../scripts/generate-organisations.ts';
import { parseCsv, parseCsvObjects } from '../../src/lib/csv.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { BASELINE, ROOT } from '../helpers/content.ts';

const REGISTER = join(ROOT, 'data/reference/local-authorities.csv');
const rows = parseCsvObjects(readFileSync(REGISTER, 'utf8'));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function workspace() {
  const folder = mkdtempSync(join(tmpdir(), 'council-commons-register-'));
  folders.push(folder);
  return folder;
}

/** A copy of the register with some rows edited, as CSV. */
function editedRegister(edit: (row: Record<string, string>) => void): string {
  const [header] = parseCsv(readFileSync(REGISTER, 'utf8'));
  const lines = [header.join(',')];
  for (const row of rows) {
    const copy = { ...row };
    edit(copy);
    lines.push(header.map((column) => (/[",\n]/.test(copy[column]) ? `"${copy[column].replaceAll('"', '""')}"` : copy[column])).join(','));
  }
  const file = join(workspace(), 'register.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('registerOrganisations', () => {
  const organisations = registerOrganisations(rows);

  it('maps every row to a distinct id, type and nation', () => {
    expect(organisations.size).toBe(397);
    expect(organisations.get('lancaster')).toMatchObject({
      type: 'district',
      county: 'lancashire',
      gss_code: 'E07000121',
      nation: 'england',
    });
    expect(organisations.get('hartlepool')).toMatchObject({ combined_authority: 'tees-valley', local_authority_code: 'HPL' });
    expect(organisations.get('greater-london')?.type).toBe('strategic-authority');
    expect(organisations.get('newry-mourne-and-down')?.name).toBe('Newry, Mourne and Down');
  });
});

describe('mergeOrganisationFile', () => {
  const fields = registerOrganisations(rows).get('hartlepool')!;

  it('keeps contributors’ fields and comments, and updates the register’s fields in place', () => {
    const existing =
      `# Our council\nname: Hartlepool\ntype: unitary\ngss_code: E06000001\nnation: england\n` +
      `# Who looks after our records\nmaintainers: ['@hartlepool/digital']\nwebsite: https://www.hartlepool.gov.uk/\n`;
    const merged = mergeOrganisationFile(existing, { ...fields, official_name: 'Hartlepool Borough Council (renamed)' });
    expect(merged).toContain('# Who looks after our records');
    expect(parse(merged)).toMatchObject({
      maintainers: ['@hartlepool/digital'],
      website: 'https://www.hartlepool.gov.uk/',
      official_name: 'Hartlepool Borough Council (renamed)',
      region: 'North East',
    });
  });

  it('refuses to touch a file it cannot read, rather than overwrite it', () => {
    expect(() => mergeOrganisationFile('name: [unclosed', fields)).toThrow(/not valid YAML.*Fix it by hand/);
  });
});

describe('generateOrganisations', () => {
  it('writes 397 valid files, and a second run changes nothing', () => {
    const content = join(workspace(), 'content');
    const log: string[] = [];
    const first = generateOrganisations({ register: REGISTER, contentDir: content, check: false }, (line) => log.push(line));
    expect(first.created).toHaveLength(397);
    const second = generateOrganisations({ register: REGISTER, contentDir: content, check: false }, () => {});
    expect(second).toMatchObject({ created: [], updated: [], unchanged: 397 });
    // The files validate alongside the baseline's vocabulary.
    cpSync(join(BASELINE, 'vocabularies'), join(content, 'vocabularies'), { recursive: true });
    expect(validateContent({ contentDir: content }).errors).toEqual([]);
  });

  it('keeps a renamed body’s id (so its records keep their addresses) and updates its name', () => {
    const content = join(workspace(), 'content');
    generateOrganisations({ register: REGISTER, contentDir: content, check: false }, () => {});
    const renamed = editedRegister((row) => {
      if (row.gss_code === 'E06000001') row.name = 'Hartlepool and Seaton';
    });
    const result = generateOrganisations({ register: renamed, contentDir: content, check: false }, () => {});
    expect(result.updated).toEqual(['hartlepool']);
    expect(parse(readFileSync(join(content, 'organisations/hartlepool.yaml'), 'utf8')).name).toBe('Hartlepool and Seaton');
  });

  it('reports, and keeps, a body that has left the register', () => {
    const content = join(workspace(), 'content');
    generateOrganisations({ register: REGISTER, contentDir: content, check: false }, () => {});
    const shorter = editedRegister(() => {});
    writeFileSync(
      shorter,
      readFileSync(shorter, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('E06000001,'))
        .join('\n'),
    );
    const log: string[] = [];
    const result = generateOrganisations({ register: shorter, contentDir: content, check: false }, (line) => log.push(line));
    expect(result.notInRegister).toEqual(['hartlepool']);
    expect(log.join('\n')).toContain('They are kept, with their records.');
    expect(readFileSync(join(content, 'organisations/hartlepool.yaml'), 'utf8')).toContain('gss_code: E06000001');
  });

  it('with check, writes nothing and lists what would change', () => {
    const content = join(workspace(), 'content');
    const result = generateOrganisations({ register: REGISTER, contentDir: content, check: true }, () => {});
    expect(result.created).toHaveLength(397);
    expect(readdirSync(join(content, 'organisations'))).toEqual([]);
  });
});
