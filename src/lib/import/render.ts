/**
 * A planned record as the file it becomes, in the style of the records people write: fields in the
 * schema's order, a summary folded over lines, short lists on one line, and a comment at the top saying
 * where it came from, when, and what a person must still do.
 */
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { PlannedRecord } from './types.ts';

/** Where a record's file goes, relative to the content folder: datasets/fenmoor/bins.yaml. */
export function recordPath(record: PlannedRecord, organisation: string): string {
  return `${record.collection}/${organisation}/${record.slug}${record.format === 'markdown' ? '.md' : '.yaml'}`;
}

/** Wraps text into comment lines of at most about 100 characters. */
function comment(text: string, prefix = '#'): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + word.length + 1 > 100 && line !== prefix) {
      lines.push(line);
      line = '# ';
    }
    line += line === '# ' ? word : ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/** The comment lines at the top of an imported record. */
export function headerComment(record: PlannedRecord, date: string): string[] {
  return [
    ...comment(`Imported from ${record.origin} on ${date} by npm run import. Check it, then open a pull request.`),
    ...record.todo.flatMap((line) => comment(`To do: ${line}`)),
  ];
}

/** Lines of the records people write are at most about this long. */
const LINE_WIDTH = 110;

/** Long text reads best folded (>-), as contributors write summaries; short lists on one line. */
function styleFields(document: Document): void {
  if (!isMap(document.contents)) return;
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (
      isScalar(value) &&
      typeof value.value === 'string' &&
      (key.length + 2 + value.value.length > LINE_WIDTH || value.value.includes('\n'))
    ) {
      value.type = 'BLOCK_FOLDED';
    } else if (isSeq(value) && value.items.every((item) => isScalar(item))) {
      value.flow = true;
    }
  }
}

export function renderFields(fields: Record<string, unknown>): string {
  const document = new Document(fields, { version: '1.2' });
  styleFields(document);
  return document.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, flowCollectionPadding: false });
}

export function renderRecord(record: PlannedRecord, date: string): string {
  const header = headerComment(record, date).join('\n');
  const fields = renderFields(record.fields);
  if (record.format === 'markdown') {
    return `---\n${header}\n${fields}---\n${record.body ?? ''}`;
  }
  return `# yaml-language-server: $schema=../../../schemas/json/${record.collection}.schema.json\n${header}\n${fields}`;
}
