/**
 * Reading what an importer is given, safely: a file or standard input, never more than a set size,
 * UTF-8 only; YAML through the content loader's safe parser (core schema, no tags, bounded aliases);
 * JSON with the line and column of any error.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeUtf8, LineIndex } from '../content-files/text.ts';
import { parseYaml } from '../content-files/yaml.ts';
import { ImportInputError } from './types.ts';

/** publiccode.yml files are small; the content files they become may be 256 KiB at most. */
export const PUBLICCODE_MAX_BYTES = 256 * 1024;
/** A whole portal's data.json can be large; 5 MB holds a few thousand datasets. */
export const DCAT_MAX_BYTES = 5 * 1024 * 1024;

export interface Input {
  /** How the input is named in messages: the path as given, or "standard input". */
  name: string;
  text: string;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Reads from a file descriptor until the end, or until it has more than `max` bytes (returns undefined). */
function readAllBounded(fd: number, max: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let count: number;
    try {
      count = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: wait a moment and try again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (count === 0) break;
    total += count;
    if (total > max) return undefined;
    chunks.push(Buffer.from(chunk.subarray(0, count)));
  }
  return Buffer.concat(chunks);
}

/**
 * The text of `path` (or of standard input, for `-`), refusing anything over `maxBytes`, anything that
 * is not a regular file, and anything that is not UTF-8 text. Messages name it `shownAs`.
 */
export function readInput(path: string, maxBytes: number, advice: string, shownAs = path): Input {
  const name = path === '-' ? 'standard input' : shownAs;
  let bytes: Buffer | undefined;
  if (path === '-') {
    bytes = readAllBounded(0, maxBytes);
    if (!bytes) throw new ImportInputError(`${name} holds more than ${size(maxBytes)}, the most the importer reads. ${advice}`);
  } else {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ImportInputError(
        code === 'ENOENT' ? `there is no file ${name}.` : `${name} cannot be read (${code ?? (error as Error).message}).`,
      );
    }
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new ImportInputError(`${name} is a folder: give the file itself.`);
      if (!stat.isFile()) throw new ImportInputError(`${name} is not a regular file.`);
      if (stat.size > maxBytes)
        throw new ImportInputError(`${name} is ${size(stat.size)}; the importer reads files of at most ${size(maxBytes)}. ${advice}`);
      bytes = readAllBounded(fd, maxBytes);
      if (!bytes)
        throw new ImportInputError(
          `${name} is larger than ${size(maxBytes)}; the importer reads files of at most ${size(maxBytes)}. ${advice}`,
        );
    } finally {
      closeSync(fd);
    }
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new ImportInputError(`${name} cannot be read: ${decoded.reason}.`);
  if (decoded.text.trim() === '') throw new ImportInputError(`${name} is empty.`);
  return { name, text: decoded.text };
}

/** YAML, parsed as content files are (YAML 1.2 core schema, no tags, bounded aliases, no duplicate keys). */
export function parseYamlInput(input: Input): unknown {
  const parsed = parseYaml(input.text);
  if (parsed.issues.length > 0) {
    const lines = new LineIndex(input.text);
    const described = parsed.issues.slice(0, 3).map((issue) => {
      const { line, column } = lines.position(issue.offset);
      return `line ${line}, column ${column}: ${issue.message}`;
    });
    throw new ImportInputError(`${input.name} is not valid YAML (${described.join('; ')}). Fix: ${parsed.issues[0].fix}.`);
  }
  return parsed.value;
}

/** JSON, with the line and column of an error, as JSON.parse reports its position. */
export function parseJsonInput(input: Input): unknown {
  try {
    return JSON.parse(input.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = /\(line (\d+) column (\d+)\)/.exec(message);
    let place = '';
    if (where) place = `line ${where[1]}, column ${where[2]}: `;
    else if (position) {
      const { line, column } = new LineIndex(input.text).position(Number(position[1]));
      place = `line ${line}, column ${column}: `;
    } else if (/end of JSON input/i.test(message)) {
      const { line } = new LineIndex(input.text).position(input.text.length);
      place = `line ${line}, at the end: `;
    }
    const plain = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    throw new ImportInputError(
      `${input.name} is not valid JSON (${place}${plain}). Check that it is the whole file, as the portal’s API gave it.`,
    );
  }
}
