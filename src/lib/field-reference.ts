/**
 * The field reference in CONTRIBUTING.md, written from the schemas' own titles, descriptions and
 * examples (and the validator's rule list), so the documentation cannot drift from what is checked.
 */
import { z } from 'zod';
import { ORGANISATIONS, RECORD_COLLECTIONS, type CollectionDefinition } from '../../schemas/collections.ts';
import { fieldMeta, isOptional } from './schema-meta.ts';
import { RULES } from './validation/rules.ts';

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function example(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return `\`[${value.join(', ')}]\``;
  if (typeof value === 'object') return '(see the example file)';
  return `\`${String(value)}\``;
}

function table(collection: CollectionDefinition): string {
  const rows = Object.entries(collection.schema.shape as Record<string, z.ZodType>).map(([key, field]) => {
    const meta = fieldMeta(field);
    const required = isOptional(field) ? 'optional' : '**required**';
    return `| \`${key}\` | ${required} | ${cell(meta.description ?? '')} | ${example(meta.examples?.[0])} |`;
  });
  return ['| Field | | What it holds | Example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function fieldReference(): string {
  const sections = [ORGANISATIONS, ...RECORD_COLLECTIONS].map((collection) => {
    const description = fieldMeta(collection.schema).description ?? '';
    return `### ${collection.label}\n\n${description}\n\n${table(collection)}`;
  });
  return sections.join('\n\n');
}

export function ruleReference(): string {
  return [
    '| Rule | What it catches |',
    '| --- | --- |',
    ...Object.entries(RULES).map(([rule, text]) => `| \`${rule}\` | ${cell(text)} |`),
  ].join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a document. */
export function replaceBetweenMarkers(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`the markers ${start} and ${end} are missing`);
  return (
    `${document.slice(0, from + start.length)}\n<!-- Written by npm run schemas from schemas/ and ` +
    `src/lib/validation/rules.ts: edit those, not this. -->\n\n${content}\n\n${document.slice(to)}`
  );
}
