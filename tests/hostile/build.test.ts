/**
 * Nothing is published from hostile content that the validator refuses. tests/build/build.test.ts already
 * shows that a build from content with a plain error (a misspelt status) stops Astro before it makes a page, leaves the
 * last good index.html in place and leaves no staging folder. This adds what it does not cover: content
 * whose invalid files are themselves attacks (an alias bomb, a symbolic link to /etc/passwd, a script in
 * a field that must be a word, a file over the size limit), a previous site of several files that must be
 * left byte for byte as it was, a time limit, and nothing of what the links point at ending up anywhere.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';
import { HOSTILE_FIXTURES } from './cases.ts';

const work = mkdtempSync(join(tmpdir(), 'council-commons-hostile-build-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  removeFixtures();
});

/** Every file under a folder with a hash of its bytes, to show that nothing in it changed. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const relative of readdirSync(folder, { recursive: true, encoding: 'utf8' }).toSorted()) {
    const path = join(folder, relative);
    if (statSync(path).isFile())
      files[relative] = `${statSync(path).mtimeMs} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  }
  return files;
}

describe('a build from content with hostile invalid files, over a previous good site', () => {
  const out = join(work, 'site');
  const content = contentFixture();
  let before: Record<string, string>;
  let result: { status: number | null; signal: NodeJS.Signals | null; output: string; ms: number };
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0] : '';

  beforeAll(() => {
    // The previous good site, as a deploy left it.
    for (const [path, text] of Object.entries({
      'index.html': '<!doctype html><title>Council Commons</title><p>the last good site</p>',
      'roadmap/ashdown/garden-waste-online/index.html': '<!doctype html><title>Garden waste</title><p>a good record</p>',
      'api/v1/roadmap.json': '[{"id":"roadmap/ashdown/garden-waste-online"}]',
      'pagefind/pagefind.js': 'export {};',
    })) {
      mkdirSync(join(out, path, '..'), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    before = snapshot(out);

    // Hostile files the validator must refuse, beside the valid baseline.
    cpSync(join(HOSTILE_FIXTURES, 'yaml-alias-bomb/content'), content, { recursive: true });
    symlinkSync('/etc/passwd', join(content, 'roadmap/ashdown/passwd.md'));
    writeFileSync(
      join(content, 'roadmap/ashdown/script-status.md'),
      [
        '---',
        'title: A status that is a script',
        'summary: The status must be one of the allowed words.',
        'status: <script>alert("status")</script>',
        '---',
        '',
        '<script>alert("body")</script>',
        '',
      ].join('\n'),
    );
    const fd = openSync(join(content, 'lessons/brackwater/huge.md'), 'w');
    ftruncateSync(fd, 512 * 1024 * 1024);
    closeSync(fd);

    const started = Date.now();
    const run = spawnSync(process.execPath, ['--max-old-space-size=512', join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HUB_CONTENT_DIR: content, HUB_OUT_DIR: out },
      timeout: 120_000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    });
    result = { status: run.status, signal: run.signal, output: `${run.stdout}\n${run.stderr}`, ms: Date.now() - started };
  }, 180_000);

  it('exits with code 1, within a minute, before Astro makes a page', () => {
    expect(result.signal, result.output.slice(-3000)).toBeNull();
    expect(result.status, result.output.slice(-3000)).toBe(1);
    expect(result.ms).toBeLessThan(60_000);
    expect(result.output).toContain('so nothing was built or published');
    expect(result.output).not.toContain('Building the site with Astro');
  });

  it('names every hostile file and what is wrong with it', () => {
    expect(result.output).toContain('content/datasets/ashdown/laughs.yaml');
    expect(result.output).toMatch(/aliases \(\*name\) 81 times/);
    expect(result.output).toContain('content/roadmap/ashdown/passwd.md');
    expect(result.output).toMatch(/symbolic link/);
    expect(result.output).toContain('content/roadmap/ashdown/script-status.md');
    expect(result.output).toMatch(/field status\): `status` is "<script>alert\(\\"status\\"\)<\/script>"; expected one of: idea/);
    expect(result.output).toContain('content/lessons/brackwater/huge.md');
    expect(result.output).toMatch(/the file is 524288 KiB; the limit is 256 KiB/i);
  });

  it('leaves the previous site exactly as it was, and no staging folder', () => {
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(`${out}.staging`)).toBe(false);
  });

  it('never reads what a symbolic link points at', () => {
    expect(passwd).not.toBe('');
    expect(result.output).not.toContain(passwd);
  });
});
