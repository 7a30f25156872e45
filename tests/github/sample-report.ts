/** A valid report.json for the comment tests, about the GitHub fixture's organisations. */
import { REPORT_VERSION, type PrReport } from '../../src/lib/github/report.ts';

export const HEAD = 'a'.repeat(40);
export const BASE = 'b'.repeat(40);

export function sampleReport(overrides: Partial<PrReport> = {}): PrReport {
  return {
    version: REPORT_VERSION,
    pr: 42,
    base: BASE,
    head: HEAD,
    author: 'westmere-lead',
    generated: '2026-11-27T09:00:00.000Z',
    validation: {
      errors: 1,
      warnings: 1,
      errorsInChangedFiles: 1,
      warningsInChangedFiles: 0,
      records: 15,
      problems: [
        {
          severity: 'error',
          rule: 'schema/enum',
          file: 'content/roadmap/westmere-digital/garden-waste-renewals.md',
          line: 4,
          column: 9,
          field: 'status',
          message: '`status` is "Beta"; expected one of: idea, discovery, alpha, beta, live, paused, stopped, retired.',
          fix: 'did you mean `beta`?',
          inChangedFile: true,
        },
        {
          severity: 'warning',
          rule: 'freshness/review-due',
          file: 'content/roadmap/harbourside-civic-tech/garden-waste-online.md',
          line: 9,
          column: 12,
          field: 'review_by',
          message: 'this roadmap item was due for review on 2026-06-30, so the hub shows it as out of date.',
          inChangedFile: false,
        },
      ],
    },
    records: {
      added: [
        {
          collection: 'roadmap',
          id: 'roadmap/westmere-digital/garden-waste-renewals',
          title: 'Garden waste renewals online',
          organisation: { id: 'westmere-digital', name: 'Westmere Digital' },
          file: 'content/roadmap/westmere-digital/garden-waste-renewals.md',
          page: '/roadmap/westmere-digital/garden-waste-renewals/',
          demonstration: false,
        },
      ],
      changed: [],
      removed: [
        {
          collection: 'lessons',
          id: 'lessons/harbourside-civic-tech/paper-forms-first',
          title: 'Start from the paper form',
          organisation: { id: 'harbourside-civic-tech', name: 'Harbourside Civic Tech' },
          file: 'content/lessons/harbourside-civic-tech/paper-forms-first.md',
          page: '/lessons/harbourside-civic-tech/paper-forms-first/',
          demonstration: false,
        },
      ],
      leftOut: { added: 0, changed: 0, removed: 0 },
    },
    files: [
      { status: 'added', file: 'content/roadmap/westmere-digital/garden-waste-renewals.md' },
      { status: 'deleted', file: 'content/lessons/harbourside-civic-tech/paper-forms-first.md' },
    ],
    filesLeftOut: 0,
    ownership: [
      {
        organisation: { id: 'harbourside-civic-tech', name: 'Harbourside Civic Tech' },
        demonstration: false,
        maintainers: ['@harbourside/digital', '@kay-dev'],
        records: ['lessons/harbourside-civic-tech/paper-forms-first'],
        recordsLeftOut: 0,
        flags: [
          {
            kind: 'maybe-in-team',
            message:
              '@westmere-lead is not listed by name among Harbourside Civic Tech’s maintainers; ' +
              'if they are in team @harbourside/digital, ignore this.',
          },
        ],
      },
      {
        organisation: { id: 'westmere-digital', name: 'Westmere Digital' },
        demonstration: false,
        maintainers: ['@westmere-lead'],
        records: ['roadmap/westmere-digital/garden-waste-renewals'],
        recordsLeftOut: 0,
        flags: [],
      },
    ],
    similar: [
      {
        id: 'roadmap/westmere-digital/garden-waste-renewals',
        title: 'Garden waste renewals online',
        matches: [
          {
            id: 'roadmap/harbourside-civic-tech/garden-waste-online',
            title: 'Garden waste subscriptions online',
            organisation: { id: 'harbourside-civic-tech', name: 'Harbourside Civic Tech' },
            score: 0.94,
            reasons: 'Both on LGSL 530 Household garden waste; both ran in 2026.',
            maintainers: ['@harbourside/digital', '@kay-dev'],
            demonstration: false,
          },
        ],
      },
    ],
    ...overrides,
  };
}
