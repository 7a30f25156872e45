/** An organisation's `github` field, which is one name or a list, as a list. */
import type { Organisation } from '../../schemas/organisation.ts';

export function githubOwners(github: Organisation['github']): string[] {
  if (github === undefined) return [];
  return typeof github === 'string' ? [github] : [...github];
}
