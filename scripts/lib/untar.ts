/**
 * Unpacks a tar archive held in memory: regular files and folders only, each kept inside the target
 * folder. Enough for the small archives @sparticuz/chromium ships (its libraries and fonts), without a
 * dependency; anything else in an archive (links, devices, a path that climbs out) is refused, as an
 * archive from a package is still input from outside.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';

const BLOCK = 512;

/** A NUL-terminated text field of a tar header. */
function field(header: Buffer, offset: number, length: number): string {
  const bytes = header.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** The entries' paths, relative to `target`, in the order they were written. */
export function untar(archive: Buffer, target: string): string[] {
  const written: string[] = [];
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break; // the end-of-archive blocks
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155); // ustar: long paths are split into prefix and name
    const path = prefix ? `${prefix}/${name}` : name;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    if (!Number.isFinite(size) || size < 0 || offset + BLOCK + size > archive.length)
      throw new Error(`The archive is damaged at “${path}”: its size does not fit.`);
    const relative = normalize(path).replace(/[\\/]+$/, '');
    if (!relative || isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`))
      throw new Error(`The archive holds “${path}”, which would be written outside its folder.`);
    const destination = join(target, relative);
    if (type === '5') {
      mkdirSync(destination, { recursive: true });
    } else if (type === '0' || type === '\0') {
      mkdirSync(join(destination, '..'), { recursive: true });
      const mode = Number.parseInt(field(header, 100, 8).trim() || '644', 8) & 0o755;
      writeFileSync(destination, archive.subarray(offset + BLOCK, offset + BLOCK + size), { mode });
    } else {
      throw new Error(`The archive holds “${path}” of tar type “${type}”; only files and folders are unpacked.`);
    }
    if (relative !== '.') written.push(relative);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return written;
}
