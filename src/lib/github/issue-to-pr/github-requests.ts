/**
 * How each request to GitHub fails: as an IssueToPrError that says what was being done, or, when a 404
 * is an answer, as undefined. Separate because the issue's side (comment, labels) and the repository's
 * side (branch, file, pull request) both make their requests through these two.
 */
import { explainError, statusOf } from '../client.ts';
import { IssueToPrError } from './error.ts';

/** Runs one request; a failure becomes an IssueToPrError that says what was being done. */
export const callGitHub = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
  try {
    return await request();
  } catch (error) {
    if (error instanceof IssueToPrError) throw error;
    throw new IssueToPrError(explainError(error, what));
  }
};

/** Like callGitHub, but a 404 is an answer (undefined), not a failure. */
export const findOnGitHub = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await request();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw new IssueToPrError(explainError(error, what));
  }
};
