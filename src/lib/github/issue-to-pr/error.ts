/**
 * The one error issue-to-pr stops on. In its own module because the event reader, the GitHub steps and
 * the script all throw or catch it, and none of them should need the others to do so.
 */

/** A failure to explain and stop on (exit code 1). */
export class IssueToPrError extends Error {}
