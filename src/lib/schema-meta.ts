/**
 * Reading the titles, descriptions and examples the schemas carry (zod's .meta()), for messages,
 * skeletons, pages and documentation. A field's meta may sit on its optional wrapper or on the field
 * itself; the nearer wins.
 */
import { z } from 'zod';

export interface FieldMeta {
  title?: string;
  description?: string;
  examples?: unknown[];
}

export function fieldMeta(schema: z.core.$ZodType): FieldMeta {
  const own = (z.globalRegistry.get(schema as z.ZodType) ?? {}) as FieldMeta;
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType };
  if (def.type !== 'optional' || !def.innerType) return own;
  const inner = fieldMeta(def.innerType);
  return { title: own.title ?? inner.title, description: own.description ?? inner.description, examples: own.examples ?? inner.examples };
}

export function isOptional(schema: z.core.$ZodType): boolean {
  return (schema._zod.def as { type: string }).type === 'optional';
}
