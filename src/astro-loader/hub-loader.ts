/**
 * The Astro content loader for every collection. It runs the validator's own load of the content
 * folder (the same files, parser and schemas as npm run validate) once per sync, refuses to build when
 * there is any error (Astro alone would only log a broken reference and carry on), and stores each
 * record with its Markdown already rendered and sanitised.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { RECORD_COLLECTION_NAMES, type RecordCollectionName } from '../../schemas/collections.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { loadHubReference } from '../lib/hub-config.ts';
import { formatText } from '../lib/validation/format.ts';
import { validateContent, type ValidationReport } from '../lib/validation/validate.ts';
import { contentDir, contentFilePath, handedOverContentFile } from './content-source.ts';

export type HubCollection = RecordCollectionName | 'organisations' | 'themes' | 'synonyms' | 'services' | 'licences';

export const HUB_COLLECTIONS: readonly HubCollection[] = [
  ...RECORD_COLLECTION_NAMES,
  'organisations',
  'themes',
  'synonyms',
  'services',
  'licences',
];

// Every collection's loader shares one validation per sync: the first to ask starts it, and the
// last to take it clears it, so that the next sync (in astro dev) reads the files afresh.
let pending: Promise<ValidationReport> | undefined;
let taken = 0;

async function sharedReport(): Promise<ValidationReport> {
  pending ??= Promise.resolve().then(() => validateContent({ contentDir: contentDir() }));
  const report = pending;
  if (++taken === HUB_COLLECTIONS.length) {
    pending = undefined;
    taken = 0;
  }
  return report;
}

/** Sets an entry, re-rendering only when its content changed since the last build (the store persists). */
function setEntry(context: LoaderContext, entry: { id: string; data: Record<string, unknown>; body?: string; filePath?: string }) {
  const digest = context.generateDigest({ data: entry.data, body: entry.body ?? '' });
  const existing = context.store.get(entry.id);
  const rendered =
    existing?.digest === digest ? existing.rendered : entry.body !== undefined ? { html: renderMarkdown(entry.body) } : undefined;
  context.store.set({
    id: entry.id,
    data: entry.data,
    digest,
    ...(entry.body !== undefined ? { body: entry.body } : {}),
    ...(rendered ? { rendered } : {}),
    ...(entry.filePath ? { filePath: entry.filePath } : {}),
  });
}

export function hubLoader(collection: HubCollection): Loader {
  return {
    name: `council-commons-${collection}`,
    load: async (context) => {
      if (handedOverContentFile()) {
        context.store.clear();
        return;
      }
      const report = await sharedReport();
      if (report.errors.length > 0) {
        throw new Error(`The content has errors, so the hub cannot be built.\n\n${formatText({ ...report, warnings: [] })}`);
      }
      const { content } = report;
      const ids = new Set<string>();
      const add = (entry: Parameters<typeof setEntry>[1]) => {
        ids.add(entry.id);
        setEntry(context, entry);
      };
      if (collection === 'organisations') {
        for (const organisation of content.organisations)
          add({ id: organisation.id, data: organisation.data, filePath: contentFilePath(organisation.file) });
      } else if (collection === 'themes') {
        for (const { id, ...theme } of content.themes) add({ id, data: theme });
      } else if (collection === 'synonyms') {
        for (const { label, ...concept } of content.synonyms) add({ id: label, data: concept });
      } else if (collection === 'services') {
        for (const service of loadHubReference(contentDir()).services.values()) add({ id: String(service.id), data: { ...service } });
      } else if (collection === 'licences') {
        for (const licence of loadHubReference(contentDir()).licences.values()) add({ id: licence.id, data: { ...licence } });
      } else {
        for (const record of content.records) {
          if (record.collection !== collection) continue;
          add({
            id: `${record.organisation}/${record.slug}`,
            data: record.data,
            ...(record.body !== undefined ? { body: record.body } : {}),
            filePath: contentFilePath(record.file),
          });
        }
      }
      // Records whose files were removed since the last build leave the store too.
      for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
    },
  };
}
