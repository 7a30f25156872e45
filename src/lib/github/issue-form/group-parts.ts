/**
 * The parts of a line of a groups or variants field, from the web form's model: their order as people
 * say them, and the shapes a variants line may take. Separate because the field's description, the
 * field itself and (through the definition) the reader all rely on the same parts.
 */
import type { FormField } from '../../contribute/form-model.ts';
import type { GroupPart, Variant } from './shape.ts';

export function groupParts(field: FormField): GroupPart[] {
  const fields = field.fields ?? [];
  const urls = new Set(fields.filter((part) => part.inputType === 'url').map((part) => part.key));
  const parts: GroupPart[] = fields.map((part, position) => ({
    key: part.key,
    label: part.label,
    required: part.required,
    position,
    ...(part.kind === 'list' ? { list: part.numbers ? ('numbers' as const) : ('text' as const) } : {}),
    ...(part.kind === 'month' ? { format: 'YYYY-MM' as const } : part.kind === 'date' ? { format: 'YYYY-MM-DD' as const } : {}),
    ...(part.kind === 'theme' ? { theme: part.example ?? 'housing' } : {}),
  }));
  // As people say them: the required text first, then the web address, then the optional parts
  // ("Discovery report | https://…", "CSV | https://… | text/csv").
  return [...parts].sort((a, b) => Number(!a.required) - Number(!b.required) || Number(urls.has(a.key)) - Number(urls.has(b.key)));
}

/**
 * The shapes of a `variants` field's lines. They are told apart by their number of parts, so no two may
 * have the same number: a schema change that breaks this stops the forms from being generated.
 */
export function variantsOf(field: FormField): Variant[] {
  // In the schema's order: an address, then what it needs (https://data.gov.uk | example-council).
  const variants = (field.variants ?? []).map((variant) => ({
    label: variant.label,
    parts: groupParts(variant).sort((a, b) => a.position - b.position),
  }));
  const counts = variants.map((variant) => variant.parts.length);
  if (new Set(counts).size !== counts.length)
    throw new Error(
      `The shapes of ${field.key} have the same number of parts (${counts.join(', ')}), ` +
        `so a line of the issue form could not tell them apart.`,
    );
  return variants;
}
