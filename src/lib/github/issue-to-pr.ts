/**
 * Turns an issue made from one of the hub's issue forms into a pull request that adds the record (or,
 * from the organisation form, changes an organisation's details), or says in one comment on the issue
 * what to change first. Runs in the issue-to-pr workflow, a trusted
 * job on the default branch with a token that can write contents, pull requests and issues; everything
 * it reads from the issue is untrusted text, typed by anyone who can open an issue.
 *
 * What it does, in order:
 *  1. Reads the event GitHub gave the job (never text from a command line or a shell): which issue, and
 *     whether it carries the `new-record` label. Anything else is skipped without calling GitHub.
 *  2. Reads the issue itself from the API, so that a run that waited in the queue uses the newest text.
 *  3. Works out which form it came from (its collection label, or its headings), reads the answers
 *     (issue-form.ts), writes the record file as the web form does (contribute/record-file.ts), and
 *     checks it with the validator's own per-file checks against the content folder on disk
 *     (import/check.ts): organisation, services, themes, licences, records referred to, dates, and that
 *     no record already has that file name. Unsafe HTML in the text, only a warning for files, is refused.
 *     From the organisation form: the organisation's file on disk with only the answered fields changed
 *     (contribute/organisation-file.ts; an empty answer keeps a field, `(remove)` takes it out), checked
 *     as the validator checks organisation files.
 *  4. With problems: one comment on the issue (found again by a hidden marker and updated), each problem
 *     by its form label in plain English, and the `needs-changes` label. Without: a branch
 *     `contribution/issue-<n>` from the default branch, the file committed through the contents API, a
 *     pull request that closes the issue and credits its author, a comment linking it, and the
 *     `pull-request-opened` label. When the issue is edited later, the file on that branch is updated (or
 *     moved, if the file name changed) and the same pull request is kept: never a second one.
 *
 * A pull request opened or updated with the workflow's GITHUB_TOKEN does not start the check and ci workflows by
 * itself (GitHub's rule against workflows triggering workflows). On github.com its runs wait for a
 * maintainer's "Approve workflows to run"; elsewhere a maintainer closes and reopens the pull request.
 * The pull request and the comment say so (PULL_REQUEST_CHECKS_NOTE).
 *
 * This file is the public entry point; each job lives in its own module under issue-to-pr/:
 *   error.ts                     the error the script stops on
 *   issue-markers.ts             the comment marker, labels and branch it finds its own work by
 *   issue-event.ts               the event and the issue in it, and whether to act (step 1)
 *   issue-hub.ts                 the content folder as the checks need it
 *   message-text.ts              the small text helpers for messages
 *   issue-problem.ts             a validator problem said for the form
 *   contribution-plan.ts         the plan, and the steps both kinds of plan share
 *   record-plan.ts               the plan for a new record (step 3)
 *   organisation-plan.ts         the plan for an organisation's details (step 3)
 *   issue-comments.ts            the comment on the issue (step 4)
 *   pull-request-text.ts         the pull request's title, body and commit message (step 4)
 *   github-requests.ts           how a request to GitHub fails
 *   branch-and-pull-request.ts   the branch, the file and the pull request (step 4)
 *   sync-issue.ts                the run: the issue, its comment and labels (steps 2 and 4)
 */
export { IssueToPrError } from './issue-to-pr/error.ts';
export {
  branchFor,
  isOurIssueComment,
  ISSUE_COMMENT_MARKER,
  NEEDS_CHANGES_LABEL,
  PULL_REQUEST_LABEL,
} from './issue-to-pr/issue-markers.ts';
export {
  issueSnapshot,
  MAX_EVENT_BYTES,
  parseIssueEvent,
  skipReason,
  type IssueEvent,
  type IssueSnapshot,
} from './issue-to-pr/issue-event.ts';
export { loadIssueHub, type IssueHub } from './issue-to-pr/issue-hub.ts';
export { issueProblem, type IssueProblem } from './issue-to-pr/issue-problem.ts';
export type { ContributionPlan } from './issue-to-pr/contribution-plan.ts';
export { planContribution } from './issue-to-pr/record-plan.ts';
export { checkOrganisationText, organisationPath, planOrganisationChange } from './issue-to-pr/organisation-plan.ts';
export { closedPullRequestComment, openedComment, problemsComment, unreadableComment } from './issue-to-pr/issue-comments.ts';
export { PULL_REQUEST_CHECKS_NOTE, pullRequestText, type PullRequestText } from './issue-to-pr/pull-request-text.ts';
export { splitRepository, syncIssue, type SyncAction, type SyncOptions, type SyncResult } from './issue-to-pr/sync-issue.ts';
