/**
 * Numbers per organisation from the loaded hub (src/lib/organisation-numbers.ts), worked out once per build:
 * the table's twelve pages, its CSV and some 400 organisation pages all read them.
 */
import { today } from '../lib/freshness.ts';
import { organisationNumbers, type OrganisationNumbers } from '../lib/organisation-numbers.ts';
import { loadHub } from './hub.ts';

let numbers: Promise<Map<string, OrganisationNumbers>> | undefined;

/** Every body's figures, by id. */
export function loadOrganisationNumbers(): Promise<Map<string, OrganisationNumbers>> {
  numbers ??= loadHub().then((hub) =>
    organisationNumbers({
      organisations: hub.organisations.values(),
      records: hub.records.map((record) => ({
        collection: record.collection,
        organisation: record.organisation,
        filePath: record.filePath,
        ...(record.collection === 'roadmap' ? { reviewBy: record.data.review_by } : {}),
      })),
      reuse: hub.reuse,
      lastUpdated: hub.lastUpdated,
      today: today(),
    }),
  );
  return numbers;
}
