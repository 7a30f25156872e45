/**
 * A harvested record as the file it becomes: the importers' fields, then harvested_from and harvested_on,
 * under a comment that says the harvest looks after it and how to take it over. Nothing in the file
 * depends on when it was rendered except harvested_on, which the planner keeps when nothing else changed,
 * so the same upstream always gives the same bytes.
 *
 * Components are always Markdown (front matter, then the text from publiccode.yml or the README, if
 * any), so that a repository gaining or losing a README or a publiccode.yml never renames its file;
 * datasets are always YAML, the only form their collection takes.
 */
import { renderFields } from '../import/render.ts';
import type { PlannedRecord } from '../import/types.ts';

/** The comment lines at the top of a harvested record. */
function header(upstream: string, todo: readonly string[]): string[] {
  return [
    `# Harvested from ${upstream} by npm run harvest, which keeps this file in step with it every week.`,
    '# To look after it by hand instead, delete harvested_from and harvested_on: the harvest then leaves it alone.',
    ...todo.map((line) => `# To do: ${line.replace(/\s+/g, ' ')}`),
  ];
}

/** The file's path in the content folder: components/<organisation>/<slug>.md or datasets/<organisation>/<slug>.yaml. */
export function harvestedPath(collection: PlannedRecord['collection'], organisation: string, slug: string): string {
  return `${collection}/${organisation}/${slug}${collection === 'components' ? '.md' : '.yaml'}`;
}

export function renderHarvested(record: PlannedRecord, upstream: string, date: string): string {
  const fields = renderFields({ ...record.fields, harvested_from: upstream, harvested_on: date });
  const comment = header(upstream, record.todo).join('\n');
  if (record.collection === 'components') {
    const body = (record.body ?? '').trim();
    return `---\n${comment}\n${fields}---\n${body ? `${body}\n` : ''}`;
  }
  return `# yaml-language-server: $schema=../../../schemas/json/${record.collection}.schema.json\n${comment}\n${fields}`;
}
