/**
 * The pages a build must contain: one per record and one per organisation. The build checks its output
 * against this list, so that a valid record can never silently go missing from the published site.
 */
import type { HubContent } from './content-files/types.ts';

/** Paths of the expected pages' files, relative to the output folder. */
export function expectedPages(content: HubContent): string[] {
  return [
    ...content.organisations.map((organisation) => `organisations/${organisation.id}/index.html`),
    ...content.records.map((record) => `${record.id}/index.html`),
  ];
}
