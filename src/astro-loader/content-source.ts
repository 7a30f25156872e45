/**
 * Where the hub's content comes from, for Astro's side of the build: the content folder, a content
 * file's path as the pages show it, and the content that npm run build hands over once it has validated
 * it (HUB_VALIDATED_CONTENT), so that nothing is read, checked or stored twice. The loaders
 * (hub-loader.ts) and src/hub/hub-entries.ts both read from here; scripts/build.ts writes the hand-over.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { relative, resolve } from 'node:path';
import type { Licence, Service } from '../../schemas/reference.ts';
import type { HubContent } from '../lib/content-files/types.ts';
import type { ReferenceData } from '../lib/reference-data.ts';

export function contentDir(): string {
  return resolve(process.env.HUB_CONTENT_DIR || 'content');
}

/** A content file's path relative to the project, from the validator's (relative to the content folder's parent). */
export function contentFilePath(file: string): string {
  return relative(process.cwd(), resolve(contentDir(), '..', file))
    .split('\\')
    .join('/');
}

/**
 * The file in which npm run build hands over the content it has just validated, if it did: then
 * src/hub/hub-entries.ts reads the content from it, and the loaders leave Astro's store empty.
 */
export function handedOverContentFile(): string | undefined {
  return process.env.HUB_VALIDATED_CONTENT || undefined;
}

/**
 * What npm run build hands over: the validated content and the reference data it was checked against
 * (the registers the hub's configuration names, read by the validator rather than in Astro's bundled
 * pages, which run from another folder).
 */
export interface HandedOverContent {
  content: HubContent;
  /** Each record's body as sanitised HTML ('' for none), in the order of content.records: rendered once, for the pages and search. */
  bodies: string[];
  services: Service[];
  licences: Licence[];
}

/**
 * Writes the file that HUB_VALIDATED_CONTENT names, whole or not at all: Astro is already running, and
 * reads it as soon as it appears (readHandedOverContent). In V8's own format, which the same Node writes
 * and reads: at 25,000 records, 1.1 s to write and 1.0 s to read, against 3.7 s and 1.9 s as JSON, and
 * Astro waits for it.
 */
export function handOverContent(file: string, content: HubContent, bodies: string[], reference: ReferenceData): void {
  const handedOver: HandedOverContent = {
    content,
    bodies,
    services: [...reference.services.values()],
    licences: [...reference.licences.values()],
  };
  writeFileSync(`${file}.partial`, serialize(handedOver));
  renameSync(`${file}.partial`, file);
}

/** How long Astro waits for the hand-over: validating 50,000 records takes about 6 s. */
export const HAND_OVER_WAIT_MS = 5 * 60_000;

/**
 * The content npm run build hands over. npm run build starts Astro while it validates the content, since
 * Astro's first seconds (its configuration, bundling the pages) need none; so the file may not be there
 * yet, and Astro waits for it. If the content has errors, npm run build stops Astro instead.
 */
export async function readHandedOverContent(file: string, waitMs = HAND_OVER_WAIT_MS): Promise<HandedOverContent> {
  const started = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - started > waitMs)
      throw new Error(
        `The validated content (${file}, named by HUB_VALIDATED_CONTENT) did not appear within ${waitMs / 1000} s. ` +
          'Build with npm run build, which validates the content and writes that file, ' +
          'rather than with astro build and HUB_VALIDATED_CONTENT set.',
      );
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  return deserialize(readFileSync(file)) as HandedOverContent;
}
