/**
 * Skeleton records for `npm run new`, written from the schemas themselves: every field appears with its
 * description as a comment, required fields with a placeholder that passes the schema (so the skeleton
 * validates, with a warning until the placeholders are replaced), optional fields commented out with an
 * example. Nothing here restates the schemas, so a new field shows up in skeletons on its own.
 */
import { namingServiceList } from './services.ts';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { ORGANISATIONS, recordCollection, type CollectionDefinition } from '../../schemas/collections.ts';
import { fieldMeta, isOptional } from './schema-meta.ts';
import { PLACEHOLDER } from './validation/record-checks.ts';

/** Values for required fields that have no sensible placeholder text: the first enum value would mislead. */
const REQUIRED_DEFAULTS: Record<string, Record<string, unknown>> = {
  organisations: { type: 'community-group' },
  roadmap: { status: 'idea' },
  components: { kind: 'code', licence: 'MIT' },
  datasets: { licence: 'OGL-UK-3.0', landing_url: 'https://www.example.gov.uk/REPLACE-THIS-with-the-dataset-page' },
};

const BODIES: Record<string, string> = {
  roadmap:
    `## What we are doing\n\n${PLACEHOLDER}: what the work is, for whom, and where it has got to.\n\n## Why\n\nThe ` +
    'problem it solves and the evidence for it.\n\n## What we would welcome\n\nWho should get in touch, and about what.\n',
  principles: `${PLACEHOLDER}: what the principle means in practice, with an example of a decision it changed.\n`,
  lessons:
    `## What we tried\n\n${PLACEHOLDER}: what you did and why.\n\n## What happened\n\nWhat worked, what did ` +
    'not, and the evidence.\n\n## What we would do differently\n\nAdvice for the next council to try this.\n',
  components: `${PLACEHOLDER}: what it does, who it is for, how to start using it, and what it needs to run.\n`,
};

/** Wraps a description into comment lines of at most about 100 characters. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > 100 && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

function yamlLines(value: Record<string, unknown>): string[] {
  const [[key, item]] = Object.entries(value);
  // A short list reads best on one line, as people write it: services: [524, 530]
  if (Array.isArray(item) && item.every((entry) => typeof entry !== 'object')) {
    return [`${key}: [${item.map((entry) => stringify(entry).trim()).join(', ')}]`];
  }
  return stringify(value, { lineWidth: 0 }).trimEnd().split('\n');
}

/** The fields of a skeleton: comments, required fields with placeholders, optional ones commented out. */
export function skeletonFields(collection: CollectionDefinition, serviceList?: ServiceListNamed): string {
  const lines: string[] = [];
  const defaults = REQUIRED_DEFAULTS[collection.name] ?? {};
  for (const [key, field] of Object.entries(collection.schema.shape as Record<string, z.ZodType>)) {
    const meta = fieldMeta(field);
    const optional = isOptional(field);
    const description = namingServiceList(meta.description ?? '', serviceList);
    lines.push(...comment(`${meta.title ?? key} (${optional ? 'optional' : 'required'}): ${description}`));
    if (optional) {
      if (key === 'demonstration') continue;
      const example = meta.examples?.[0];
      const shown = example === undefined ? [`${key}:`] : yamlLines({ [key]: example });
      lines.push(...shown.map((line) => `# ${line}`));
    } else {
      const value = key in defaults ? defaults[key] : `${PLACEHOLDER} with ${(meta.title ?? key).toLowerCase()}`;
      lines.push(...yamlLines({ [key]: value }));
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}

export interface Skeleton {
  /** Path relative to the content folder. */
  path: string;
  text: string;
}

/** What the hub calls its service list and where it is (hub.config.yaml), named in the services field's note. */
type ServiceListNamed = { name: string; file: string } | undefined;

/** The skeleton of one record (or organisation, with `organisation` as its id and no slug). */
export function skeleton(collectionName: string, organisation: string, slug?: string, serviceList?: ServiceListNamed): Skeleton {
  if (collectionName === ORGANISATIONS.name) {
    return {
      path: `organisations/${organisation}.yaml`,
      text: `# yaml-language-server: $schema=../../schemas/json/organisations.schema.json\n${skeletonFields(ORGANISATIONS, serviceList)}`,
    };
  }
  const collection = recordCollection(collectionName);
  if (!collection) throw new Error(`unknown collection ${collectionName}`);
  if (!slug) throw new Error('a record needs a slug');
  const extension = collection.extensions[0];
  const fields = skeletonFields(collection, serviceList);
  if (extension === '.md') {
    return {
      path: `${collection.name}/${organisation}/${slug}.md`,
      text: `---\n${fields}---\n\n${BODIES[collection.name] ?? `${PLACEHOLDER}\n`}`,
    };
  }
  return {
    path: `${collection.name}/${organisation}/${slug}${extension}`,
    text: `# yaml-language-server: $schema=../../../schemas/json/${collection.name}.schema.json\n${fields}`,
  };
}
