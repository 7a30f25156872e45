/**
 * Reading a file that may be larger than anyone should send: its size is asked of the open file first,
 * so that a huge one is never read into memory. What the validator (read-file.ts) and the harvest's
 * pull requests (harvest/pull-requests.ts) read files with.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The file's bytes, or its size in bytes when that is over `maxBytes` (then nothing is read). */
export function readBounded(path: string, maxBytes: number): Buffer | number {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return size;
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    // readSync may return fewer bytes than asked; a file that shrank while read ends early.
    while (read < size) {
      const count = readSync(fd, buffer, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
