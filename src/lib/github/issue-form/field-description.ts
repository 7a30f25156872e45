/**
 * The words under each field of an issue form: the schema's description, with how to write the answer
 * (formats, commas, one item a line) and an example. Separate because it is the part most often
 * reworded, and it only reads the schema's metadata.
 */
import type { z } from 'zod';
import type { FormField } from '../../contribute/form-model.ts';
import { fieldMeta } from '../../schema-meta.ts';
import { groupLine, variantLine } from './group-lines.ts';
import { variantsOf } from './group-parts.ts';
import { sentenceCase } from '../../labels.ts';
import { listInWords } from '../../format.ts';
import { article, sentence } from './sentences.ts';
import type { GroupPart, Variant } from './shape.ts';

function exampleOf(schema: z.core.$ZodType | undefined): unknown {
  return schema ? fieldMeta(schema).examples?.[0] : undefined;
}

export function describe(
  field: FormField,
  schema: z.core.$ZodType,
  parts: GroupPart[] | undefined,
  ownWords?: string,
): { description: string; placeholder?: string } {
  const base = sentence((ownWords ?? fieldMeta(schema).description ?? '').trim());
  const example = exampleOf(schema);
  switch (field.kind) {
    case 'month':
      return {
        description: /YYYY-MM/.test(base) ? base : `${base} Write it as YYYY-MM.`.trim(),
        placeholder: typeof example === 'string' ? example : '2026-04',
      };
    case 'date':
      return {
        description: /YYYY-MM-DD/.test(base) ? base : `${base} Write it as YYYY-MM-DD, for example 2026-04-30.`.trim(),
        placeholder: typeof example === 'string' ? example : '2026-04-30',
      };
    case 'checkboxes':
      return { description: `${base} Choose all that apply.`.trim() };
    case 'services':
    case 'themes':
    case 'organisations':
    case 'lines': {
      const shown = Array.isArray(example) && example.length > 0 ? example.join(', ') : undefined;
      return {
        description: `${base} Separate them with commas${shown ? `, for example: ${shown}` : ''}.`.trim(),
        ...(shown ? { placeholder: shown } : {}),
      };
    }
    case 'group': {
      const labels = (parts ?? []).map((part) => part.label);
      const optional = (parts ?? []).filter((part) => !part.required).map((part) => part.label);
      const sample =
        Array.isArray(example) && example[0] && typeof example[0] === 'object'
          ? groupLine(parts ?? [], example[0] as Record<string, unknown>)
          : undefined;
      const lower = (list: GroupPart[]) => listInWords(list.map((part) => part.label.toLowerCase()));
      const formats = (['YYYY-MM', 'YYYY-MM-DD'] as const)
        .map((format) => ({ format, parts: (parts ?? []).filter((part) => part.format === format) }))
        .filter((entry) => entry.parts.length > 0);
      const lists = (parts ?? []).filter((part) => part.list);
      const text = [
        base,
        `One a line, written: ${labels.join(' | ')}.`,
        optional.length > 0 ? `${sentenceCase(listInWords(optional.map((label) => label.toLowerCase())))} may be left out.` : '',
        ...formats.map((entry) => `Write ${lower(entry.parts)} as ${entry.format}.`),
        lists.length > 0 ? `Separate ${lower(lists)} with commas.` : '',
        ...(parts ?? [])
          .filter((part) => part.theme)
          .map((part) => `${part.label} is a theme id, as on the hub’s Themes page, e.g. ${part.theme}.`),
        sample ? `For example: ${sample}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return { description: text, ...(sample ? { placeholder: sample } : {}) };
    }
    case 'variants': {
      const shapes = variantsOf(field);
      const lines = shapes.map((variant) =>
        variantLine(variant, Object.fromEntries(variant.parts.map((part) => [part.key, exampleAt(field, variant, part.key)]))),
      );
      const written = shapes.map(
        (variant) => `${variant.parts.map((part) => part.label).join(' | ')} (${article(variant.label)} ${variant.label})`,
      );
      const text = [base, `One a line, written as one of: ${written.join('; ')}.`, `For example: ${lines.join(' or ')}`].join(' ');
      return { description: text, placeholder: lines.join('\n') };
    }
    default:
      return { description: base, ...(typeof example === 'string' || typeof example === 'number' ? { placeholder: String(example) } : {}) };
  }
}

/** The example value of a shape's part, from the schema. */
function exampleAt(field: FormField, variant: Variant, key: string): string {
  const shape = field.variants?.find((candidate) => candidate.label === variant.label);
  return shape?.fields?.find((part) => part.key === key)?.example ?? '';
}
