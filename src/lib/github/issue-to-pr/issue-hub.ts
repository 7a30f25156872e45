/**
 * The content folder as the issue checks need it: the validator's hub plus every record id. Separate
 * because it is the one slow read of the disk, made once and shared by every plan.
 */
import { classifyPath, isPathProblem, listFiles } from '../../content-files/files.ts';
import { loadHub, type Hub } from '../../import/check.ts';

export interface IssueHub extends Hub {
  recordIds: Set<string>;
}

/** What the checks need from the content folder: organisations, themes, registers and every record id. */
export function loadIssueHub(contentDir: string): IssueHub {
  const hub = loadHub(contentDir);
  const recordIds = new Set<string>();
  for (const file of listFiles(contentDir)) {
    const path = classifyPath(file.relative);
    if (!isPathProblem(path) && path.kind === 'record') recordIds.add(`${path.collection}/${path.organisation}/${path.slug}`);
  }
  return { ...hub, recordIds, context: { ...hub.context, recordIds } };
}
