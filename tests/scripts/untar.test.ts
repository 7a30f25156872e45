/** Unpacking a tar archive (scripts/lib/untar.ts): files and folders, and nothing that escapes or is not a file. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { untar } from '../../scripts/lib/untar.ts';

const scratch = mkdtempSync(join(tmpdir(), 'council-commons-untar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One tar entry as a ustar header and its padded content, written by hand to make archives tar would not. */
function entry(name: string, content = '', type = '0'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write(type, 156);
  header.write('ustar\u000000', 257);
  const body = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  body.write(content);
  return Buffer.concat([header, body]);
}
const archive = (...entries: Buffer[]) => Buffer.concat([...entries, Buffer.alloc(1024)]);

describe('untar', () => {
  it.runIf(process.platform !== 'win32')('unpacks an archive made by tar: folders, files, their bytes and modes', () => {
    const source = join(scratch, 'source');
    mkdirSync(join(source, 'fonts/Open_Sans'), { recursive: true });
    writeFileSync(join(source, 'fonts.conf'), '<fontconfig/>\n');
    writeFileSync(join(source, 'fonts/Open_Sans/Font.ttf'), Buffer.from([0, 1, 2, 255]));
    writeFileSync(join(source, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    const made = spawnSync('tar', ['-cf', '-', '-C', source, 'fonts.conf', 'fonts', 'run.sh']);
    expect(made.status).toBe(0);
    const target = join(scratch, 'target');
    const written = untar(made.stdout, target);
    expect(written).toEqual(['fonts.conf', 'fonts', 'fonts/Open_Sans', 'fonts/Open_Sans/Font.ttf', 'run.sh']);
    expect(readFileSync(join(target, 'fonts.conf'), 'utf8')).toBe('<fontconfig/>\n');
    expect([...readFileSync(join(target, 'fonts/Open_Sans/Font.ttf'))]).toEqual([0, 1, 2, 255]);
    expect(statSync(join(target, 'run.sh')).mode & 0o111).not.toBe(0);
  });

  it('refuses a path that climbs out of the folder, or an absolute one, and writes nothing outside', () => {
    const target = join(scratch, 'climb');
    expect(() => untar(archive(entry('../outside.txt', 'x')), target)).toThrow(
      'The archive holds “../outside.txt”, which would be written outside its folder.',
    );
    expect(() => untar(archive(entry('lib/../../outside.txt', 'x')), target)).toThrow(/outside its folder/);
    expect(() => untar(archive(entry('/etc/evil', 'x')), target)).toThrow(/outside its folder/);
    expect(() => readFileSync(join(scratch, 'outside.txt'))).toThrow();
  });

  it('refuses links and anything else that is not a file or folder', () => {
    expect(() => untar(archive(entry('lib/libnss3.so', '', '2')), join(scratch, 'link'))).toThrow(
      'The archive holds “lib/libnss3.so” of tar type “2”; only files and folders are unpacked.',
    );
  });

  it('refuses an archive cut short', () => {
    const cut = entry('big.bin', 'y'.repeat(2000)).subarray(0, 1024);
    expect(() => untar(cut, join(scratch, 'cut'))).toThrow('The archive is damaged at “big.bin”: its size does not fit.');
  });
});
