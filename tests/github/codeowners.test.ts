/**
 * .github/CODEOWNERS: generated from the organisations' maintainers (the hub team first, then one block
 * per organisation that lists maintainers, demonstration organisations left out), and the committed
 * file is current.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCodeowners, readOrganisations } from '../../src/lib/github/codeowners.ts';
import { cleanEnv, githubContent, removeTemp, ROOT, tempDir } from './helpers.ts';

afterAll(removeTemp);

const codeowners = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/codeowners.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv(env) });

describe('CODEOWNERS', () => {
  it('gives the hub team everything first, then each organisation with maintainers its own files', () => {
    const { content } = githubContent();
    const text = generateCodeowners(readOrganisations(content), '@council-commons/maintainers');
    const rules = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual([
      '* @council-commons/maintainers',
      '/content/organisations/harbourside-civic-tech.yaml @council-commons/maintainers @harbourside/digital @kay-dev',
      '/content/roadmap/harbourside-civic-tech/ @council-commons/maintainers @harbourside/digital @kay-dev',
      '/content/principles/harbourside-civic-tech/ @council-commons/maintainers @harbourside/digital @kay-dev',
      '/content/lessons/harbourside-civic-tech/ @council-commons/maintainers @harbourside/digital @kay-dev',
      '/content/datasets/harbourside-civic-tech/ @council-commons/maintainers @harbourside/digital @kay-dev',
      '/content/components/harbourside-civic-tech/ @council-commons/maintainers @harbourside/digital @kay-dev',
      '/content/organisations/westmere-digital.yaml @council-commons/maintainers @westmere-lead',
      '/content/roadmap/westmere-digital/ @council-commons/maintainers @westmere-lead',
      '/content/principles/westmere-digital/ @council-commons/maintainers @westmere-lead',
      '/content/lessons/westmere-digital/ @council-commons/maintainers @westmere-lead',
      '/content/datasets/westmere-digital/ @council-commons/maintainers @westmere-lead',
      '/content/components/westmere-digital/ @council-commons/maintainers @westmere-lead',
    ]);
    // Ashdown (demonstration) lists a team, Northbrook lists nobody: neither gets rules.
    expect(text).not.toContain('ashdown');
    expect(text).not.toContain('northbrook');
    expect(text).toContain('# Harbourside Civic Tech\n');
    expect(text.startsWith('# CODEOWNERS: who GitHub asks to review')).toBe(true);
    expect(text).toContain('Do not edit it by hand');
  });

  it('writes the file, and --check fails when it is out of date', () => {
    const { content } = githubContent();
    const file = join(tempDir(), 'CODEOWNERS');
    const written = codeowners(['--content', content, '--out', file, '--hub-team', '@harbourside/hub']);
    expect(written.status, written.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('* @harbourside/hub\n');
    expect(codeowners(['--check', '--content', content, '--out', file, '--hub-team', '@harbourside/hub']).status).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('@westmere-lead', '@someone-else'));
    const stale = codeowners(['--check', '--content', content, '--out', file], { HUB_MAINTAINERS_TEAM: '@harbourside/hub' });
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('is out of date: run node scripts/codeowners.ts and commit it.');
    expect(codeowners(['--hub-team', 'not-a-team']).status).toBe(2);
  });

  it('is current in the repository (node scripts/codeowners.ts --check)', () => {
    const result = codeowners(['--check']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\.github\/CODEOWNERS is current: \d+ organisations with maintainers\.\n$/);
    expect(result.status).toBe(0);
  });
});
