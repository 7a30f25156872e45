/** Harvest reports for the tests of the harvest's pull requests (harvest-pr and its text). */
import { organisationReportSchema, type OrganisationReport } from '../../src/lib/harvest/report.ts';

/**
 * One organisation's part of a harvest report, for a fictional council whose GitHub organisation is
 * <id>-council: what is given, and otherwise its GitHub read in full and nothing found. Checked with the
 * report's own schema, so that it is one harvest-pr could be given.
 */
export function organisationReport(
  entry: Pick<OrganisationReport, 'organisation' | 'name'> & Partial<OrganisationReport>,
): OrganisationReport {
  const owner = `${entry.organisation}-council`;
  return organisationReportSchema.parse({
    maintainers: [],
    sources: [
      { kind: 'github', label: `GitHub: ${owner}`, address: `https://github.com/${owner}/`, complete: true, requests: 2, not_modified: 1 },
    ],
    written: [],
    unchanged: [],
    gone: [],
    refused: [],
    hand_owned: [],
    uses: [],
    skipped: 0,
    seconds: 1.5,
    ...entry,
  });
}
