/**
 * Adds components to an organisation file's `uses`, as evidence of reuse the harvest found (its forks of
 * them), keeping everything else in the file as it is: comments, order, the other fields.
 */
import { isSeq, parseDocument, YAMLSeq } from 'yaml';

/** The file with `components` added to `uses` (sorted after the ones already there), or the same text when all are there. */
export function addUses(text: string, components: readonly string[]): string {
  const document = parseDocument(text, { version: '1.2' });
  if (document.errors.length > 0) throw new Error(`the organisation file cannot be read as YAML (${document.errors[0]!.message})`);
  const current = document.get('uses');
  const existing = isSeq(current) ? current.items.map((item) => String((item as { value?: unknown }).value ?? item)) : [];
  const added = [...new Set(components)].filter((component) => !existing.includes(component)).sort();
  if (added.length === 0) return text;
  if (isSeq(current)) {
    for (const component of added) current.add(document.createNode(component));
  } else {
    const list = new YAMLSeq();
    for (const component of added) list.add(document.createNode(component));
    document.set('uses', list);
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
