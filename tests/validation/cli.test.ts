/**
 * npm run validate as people and CI run it: a real process, real files, each output format, and the
 * exit codes the README promises (0 no errors, 1 content errors, 2 usage or internal errors).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';

afterAll(removeFixtures);

function validate(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exit codes', () => {
  it('exits 0 and says so when the content is valid', () => {
    const result = validate(['--content', contentFixture(), '--today', '2026-11-26']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✓ 8 records checked: no errors.');
  });

  it('exits 0 when there are only warnings', () => {
    const result = validate(['--content', contentFixture('review-due'), '--today', '2026-11-26']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 warning');
  });

  it('exits 1 when the content has errors', () => {
    const result = validate(['--content', contentFixture('enum')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✗ 1 error in 1 file');
  });

  it('exits 2 with the usage for an unknown option', () => {
    const result = validate(['--colour']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--colour'/);
    expect(result.stderr).toContain('Usage: npm run validate');
  });

  it('exits 2 for an unknown format', () => {
    const result = validate(['--format', 'xml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format must be one of text, json, github, not "xml"');
  });

  it('exits 2 when the content folder does not exist, and says which folder to give', () => {
    const result = validate(['--content', join(tmpdir(), 'no-such-council-commons-folder')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/The content folder .*no-such-council-commons-folder does not exist/);
  });

  it('reads the content folder from HUB_CONTENT_DIR when --content is not given', () => {
    const result = validate([], { HUB_CONTENT_DIR: contentFixture('enum') });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('content/roadmap/ashdown/garden-waste-online.md');
  });
});

describe('--format json', () => {
  it('prints records, errors and warnings with file, line, column, field and message', () => {
    const content = contentFixture('enum');
    const result = validate(['--content', content, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { records: number; errors: Record<string, unknown>[]; warnings: unknown[] };
    expect(report.records).toBe(8);
    expect(report.warnings).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({
      file: 'content/roadmap/ashdown/garden-waste-online.md',
      line: 4,
      column: 9,
      field: 'status',
      rule: 'schema/enum',
      severity: 'error',
      fix: 'did you mean `beta`?',
    });
    expect(report.errors[0].message).toContain('`status` is "Beta"; expected one of: idea, discovery, alpha, beta');
  });
});

describe('--format github', () => {
  it('prints one annotation per problem, escaped for workflow commands, and a summary line', () => {
    const result = validate(['--content', contentFixture('unknown-field'), '--format', 'github']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      '::error file=content/roadmap/ashdown/garden-waste-online.md,line=3,col=1,title=sumary (schema/unknown-field)::`sumary` ' +
        'is not a field of a roadmap item, and the required field `summary` is missing. Fix: Did you mean `summary`?',
    );
    expect(lines.at(-1)).toMatch(/^✗ 1 error in 1 file/);
  });

  it('writes the full list to the job summary, since GitHub shows only ten annotations a step', () => {
    const folder = mkdtempSync(join(tmpdir(), 'council-commons-summary-'));
    const summary = join(folder, 'summary.md');
    writeFileSync(summary, '');
    validate(['--content', contentFixture('gss-duplicate'), '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    const markdown = readFileSync(summary, 'utf8');
    rmSync(folder, { recursive: true });
    expect(markdown).toContain('## Content validation');
    expect(markdown).toContain('| ❌ error | content/organisations/ashdown.yaml | 4:11 | gss_code |');
    expect(markdown).toContain('| ❌ error | content/organisations/cinderford.yaml | 3:11 | gss_code |');
  });
});

describe('what real editors write', () => {
  it('accepts a byte-order mark, CRLF line ends and Welsh text', () => {
    const content = contentFixture();
    const text =
      '---\r\ntitle: Ailddefnyddio cyn adeiladu\r\ntranslations:\r\n  cy:\r\n    title: Ailddefnyddio cyn adeiladu – ŵyr, tŷ, â\r\n' +
      'summary: Rydym yn chwilio am waith sydd eisoes wedi’i wneud cyn dechrau o’r newydd.\r\n---\r\n\r\nTestun y corff.\r\n';
    writeFileSync(join(content, 'principles/ashdown/ailddefnyddio.md'), `\uFEFF${text}`);
    const result = validate(['--content', content, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).records).toBe(9);
  });

  it('gives the right line numbers in a CRLF file', () => {
    const content = contentFixture();
    writeFileSync(
      join(content, 'principles/ashdown/crlf.md'),
      '---\r\ntitle: CRLF\r\nsummary: Windows line ends.\r\nsource_url: not a url\r\n---\r\n',
    );
    const report = JSON.parse(validate(['--content', content, '--format', 'json']).stdout);
    expect(report.errors).toMatchObject([{ file: 'content/principles/ashdown/crlf.md', line: 4, column: 13, field: 'source_url' }]);
  });
});
