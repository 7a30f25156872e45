/**
 * Reading a file that may be larger than anyone should send, without ever reading a huge one into
 * memory. What the validator (read-file.ts) and the harvest's pull requests (harvest/pull-requests.ts)
 * read files with.
 *
 * Under a small limit (the validator's 256 KiB) it reads up to one byte past the limit into a buffer
 * kept between calls, rather than asking the file's size first: three system calls a file (open, read,
 * close) instead of four, which at 25,000 records was a tenth of the validator's time on a machine
 * where each call is slow. Only a file that fills the buffer is asked its size, for the message. Under
 * a large limit (the harvest's 64 MiB report) it asks the size first, so as not to keep such a buffer.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The largest limit read through the kept buffer. */
const KEPT_BUFFER_LIMIT = 1024 * 1024;

/** One byte more than the largest small limit asked for so far. */
let kept = Buffer.alloc(0);

/** The file's bytes, or its size in bytes when that is over `maxBytes` (then at most maxBytes + 1 bytes are read). */
export function readBounded(path: string, maxBytes: number): Buffer | number {
  const fd = openSync(path, 'r');
  try {
    return maxBytes <= KEPT_BUFFER_LIMIT ? readIntoKept(fd, maxBytes) : readBySize(fd, maxBytes);
  } finally {
    closeSync(fd);
  }
}

function readIntoKept(fd: number, maxBytes: number): Buffer | number {
  const want = maxBytes + 1;
  if (kept.length < want) kept = Buffer.allocUnsafe(want);
  let read = 0;
  while (read < want) {
    const count = readSync(fd, kept, read, want - read, read);
    read += count;
    // A regular file gives fewer bytes than asked only at its end (or where it ended, shrinking while
    // read): no need to ask again for the 0 that says so.
    if (count === 0 || read < want) break;
  }
  if (read > maxBytes) return Math.max(fstatSync(fd).size, read);
  // A copy: the next call reads into the same buffer.
  return Buffer.from(kept.subarray(0, read));
}

function readBySize(fd: number, maxBytes: number): Buffer | number {
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
}
