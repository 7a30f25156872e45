/**
 * /api/v1/organisations-numbers.csv: the table of /numbers/organisations/ as CSV, one row for each body that
 * has shared something (demonstration bodies too, marked in `demonstration`), sorted by id. Written with the
 * same writer as the collections' CSV (csv.ts: RFC 4180, lists joined with `;`, formulas neutralised).
 *
 * Columns: `id`, `name`, `url` (its page), `type`, `demonstration`, a count for each kind of record, `records`
 * (all kinds), `roadmap_within_review_date` (roadmap items not past their review date) and
 * `roadmap_within_review_date_share` (0 to 1, two decimals; empty without roadmap items),
 * `used_by_others` (how many other bodies use its components) and `used_by` (their ids),
 * `uses_from_others` (how many components of others it uses) and `uses_from_others_components` (their ids),
 * and `last_change` (when its records last changed in git, ISO 8601; empty when not known).
 */
import { compareById } from '../collation.ts';
import { COUNTED_COLLECTIONS, hasShared, withinReviewShare, type OrganisationNumbers } from '../organisation-numbers.ts';
import type { OpenDataContext } from './context.ts';
import { csvRow } from './csv.ts';

/** The header row's column names, in order. */
export function organisationNumbersColumns(): string[] {
  return [
    'id',
    'name',
    'url',
    'type',
    'demonstration',
    ...COUNTED_COLLECTIONS,
    'records',
    'roadmap_within_review_date',
    'roadmap_within_review_date_share',
    'used_by_others',
    'used_by',
    'uses_from_others',
    'uses_from_others_components',
    'last_change',
  ];
}

export function organisationNumbersCsv(bodies: Iterable<OrganisationNumbers>, context: Pick<OpenDataContext, 'pageUrl'>): string {
  const columns = organisationNumbersColumns();
  const rows = [csvRow(columns)];
  for (const body of [...bodies].filter(hasShared).sort(compareById)) {
    const share = withinReviewShare(body);
    const cells: Record<string, unknown> = {
      ...body.counts,
      id: body.id,
      name: body.name,
      url: context.pageUrl(`organisations/${body.id}`),
      type: body.type,
      demonstration: body.demonstration,
      records: body.total,
      roadmap_within_review_date: body.counts.roadmap === 0 ? undefined : body.withinReview,
      roadmap_within_review_date_share: share === undefined ? undefined : share.toFixed(2),
      used_by_others: body.usedBy.length,
      used_by: body.usedBy,
      uses_from_others: body.usesFromOthers.length,
      uses_from_others_components: body.usesFromOthers,
      last_change: body.lastChange,
    };
    rows.push(csvRow(columns.map((column) => cells[column])));
  }
  return rows.join('');
}
