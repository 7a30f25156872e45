/**
 * The code's habits, as `npm run lint` checks them: ESLint (eslint.config.js: the recommended rules of
 * ESLint, typescript-eslint and eslint-plugin-astro, and no line over 140 characters) and Prettier
 * (.prettierrc.json). A run of its own project, beside the browser tests, so that it costs the suite
 * little time on two cores.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content.ts';

const require = createRequire(import.meta.url);

describe('npm run lint', () => {
  it('ESLint finds no problem in the code', async () => {
    const results = await new ESLint({ cwd: ROOT }).lintFiles(['.']);
    const problems = results.flatMap((result) =>
      result.messages.map(
        (message) => `${relative(ROOT, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`,
      ),
    );
    expect(results.length, 'ESLint should have read the code').toBeGreaterThan(300);
    expect(problems, 'run npx eslint --fix ., then fix what is left by hand').toEqual([]);
  }, 120_000);

  it('Prettier formats every file it is given', () => {
    const cli = require.resolve('prettier/bin/prettier.cjs');
    const run = spawnSync(process.execPath, [cli, '--list-different', '.'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr, 'Prettier should run without errors').toBe('');
    expect(run.stdout.split('\n').filter(Boolean), 'not formatted: run npm run format').toEqual([]);
  }, 120_000);
});
