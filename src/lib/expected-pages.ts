/**
 * The pages a build must contain: one per record and one per organisation, and each sort order of the numbers
 * per organisation. The build checks its output against this list, so that a valid record can never silently
 * go missing from the published site, nor a column's header lead nowhere.
 */
import type { HubContent } from './content-files/types.ts';
import { NUMBERS_COLUMNS, orderPath } from './organisation-numbers.ts';

/** Paths of the expected pages' files, relative to the output folder. */
export function expectedPages(content: HubContent): string[] {
  return [
    ...content.organisations.map((organisation) => `organisations/${organisation.id}/index.html`),
    ...content.records.map((record) => `${record.id}/index.html`),
    ...NUMBERS_COLUMNS.map((column) => `${orderPath(column)}index.html`),
  ];
}
