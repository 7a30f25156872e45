/**
 * What the workflow leaves on GitHub to find its own work again on the next run: the hidden comment
 * marker, the labels and the branch name. Separate so the comments, the sync and the tests agree on them.
 */

export const ISSUE_COMMENT_MARKER = '<!-- council-commons:issue-to-pr -->';
export const NEEDS_CHANGES_LABEL = 'needs-changes';
export const PULL_REQUEST_LABEL = 'pull-request-opened';

export function branchFor(issue: number): string {
  return `contribution/issue-${issue}`;
}

export interface Comment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

export function isOurIssueComment(comment: Comment, botLogin?: string): boolean {
  if (!comment.body?.startsWith(ISSUE_COMMENT_MARKER)) return false;
  return comment.user?.type === 'Bot' || (botLogin !== undefined && comment.user?.login?.toLowerCase() === botLogin.toLowerCase());
}
