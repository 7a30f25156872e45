/**
 * The template of each record collection offered on its form page for people without JavaScript: the
 * skeleton `npm run new` writes (src/lib/scaffold.ts), with placeholders where the organisation and
 * short name go in its path. Served as /contribute/templates/<collection><extension>.
 */
import { recordCollection } from '../../../schemas/collections.ts';
import { skeleton } from '../scaffold.ts';

export const TEMPLATE_ORGANISATION = 'your-organisation-id';
export const TEMPLATE_SLUG = 'short-name';

export interface TemplateFile {
  /** The file's name under /contribute/templates/, e.g. roadmap.md. */
  file: string;
  /** The name a download is saved as, e.g. roadmap-template.md. */
  download: string;
  extension: string;
  text: string;
}

/** `serviceList`: the hub's (hub.config.yaml), named in the services field's note. */
export function templateFile(collectionName: string, serviceList?: { name: string; file: string }): TemplateFile {
  const collection = recordCollection(collectionName);
  if (!collection) throw new Error(`unknown collection ${collectionName}`);
  const extension = collection.extensions[0];
  return {
    file: `${collection.name}${extension}`,
    download: `${collection.name}-template${extension}`,
    extension,
    text: skeleton(collection.name, TEMPLATE_ORGANISATION, TEMPLATE_SLUG, serviceList).text,
  };
}
