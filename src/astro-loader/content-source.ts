/**
 * Where the hub's content comes from, for Astro's side of the build: the content folder, a content
 * file's path as the pages show it, and the content that npm run build hands over once it has validated
 * it (HUB_VALIDATED_CONTENT), so that nothing is read, checked or stored twice. The loaders
 * (hub-loader.ts) and src/hub/hub-entries.ts both read from here; scripts/build.ts writes the hand-over.
 */
import { writeFileSync } from 'node:fs';
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
  services: Service[];
  licences: Licence[];
}

/** Writes the file that HUB_VALIDATED_CONTENT will name. */
export function handOverContent(file: string, content: HubContent, reference: ReferenceData): void {
  const handedOver: HandedOverContent = { content, services: [...reference.services.values()], licences: [...reference.licences.values()] };
  writeFileSync(file, JSON.stringify(handedOver));
}
