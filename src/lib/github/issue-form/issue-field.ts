/**
 * One field of the web form's model as a field of the issue form: which control GitHub shows for it and
 * how its answer is read back (the table in issue-form.ts). Separate from the definitions so that the
 * record forms and the organisation form map their fields the same way.
 */
import type { z } from 'zod';
import type { FormField } from '../../contribute/form-model.ts';
import { describe } from './field-description.ts';
import { groupParts, variantsOf } from './group-parts.ts';
import type { IssueField } from './shape.ts';

export function issueField(field: FormField, schema: z.core.$ZodType, ownWords?: string): IssueField {
  const parts = field.kind === 'group' ? groupParts(field) : undefined;
  const { description, placeholder } = describe(field, schema, parts, ownWords);
  const common = {
    // GitHub takes letters, digits, - and _ in an id: a translation's key (translations.cy.title) is kept apart.
    id: field.key.replace(/\./g, '_'),
    ...(field.key.includes('.') ? { key: field.key } : {}),
    label: field.label,
    description,
    required: field.required,
    schemaField: true,
    ...(placeholder ? { placeholder } : {}),
  };
  switch (field.kind) {
    case 'radios':
      return { ...common, type: 'dropdown', kind: 'choice', options: field.options ?? [] };
    case 'checkboxes':
      return { ...common, type: 'dropdown', kind: 'choices', options: field.options ?? [] };
    case 'services':
      return { ...common, type: 'input', kind: 'numbers' };
    case 'themes':
    case 'organisations':
      return { ...common, type: 'input', kind: 'ids' };
    case 'lines':
      return { ...common, type: 'input', kind: 'list' };
    case 'group':
      return {
        ...common,
        type: 'textarea',
        kind: 'groups',
        parts: parts ?? [],
        ...(field.itemLabel ? { itemLabel: field.itemLabel } : {}),
      };
    case 'variants':
      return { ...common, type: 'textarea', kind: 'variants', variants: variantsOf(field) };
    case 'textarea':
      return { ...common, type: 'textarea', kind: 'text' };
    default:
      return { ...common, type: 'input', kind: 'text' };
  }
}
