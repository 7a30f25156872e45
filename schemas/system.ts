/**
 * A system an organisation runs, with when its contract ends: the product, its supplier, the kind of
 * service it supports and the contract's dates. Councils whose contracts for the same kind of service end
 * at around the same time can then find each other and buy together (src/lib/procurement.ts). The
 * validator checks `service_area` against the themes vocabulary, `services` against the Local Government
 * Service List and that the contract does not end before it starts (src/lib/validation/record-checks.ts).
 */
import { z } from 'zod';
import { plainText, services, singleLine, themeId, yearMonth } from './fields.ts';

export const systemSchema = z
  .strictObject({
    product: singleLine(150).meta({
      title: 'Product',
      description: 'The name of the product, as the supplier sells it and your contracts register names it.',
      examples: ['Tallowmere Revenues and Benefits'],
    }),
    supplier: singleLine(150).meta({
      title: 'Supplier',
      description: 'Who the contract is with: the company or public body that supplies the product.',
      examples: ['Pellwick Data'],
    }),
    service_area: themeId.meta({
      title: 'Service area',
      description:
        'The kind of service the system supports, as a theme id from content/vocabularies/themes.yaml, ' +
        'e.g. council-tax-and-benefits, housing or waste-and-recycling.',
      examples: ['council-tax-and-benefits'],
    }),
    services: services.optional().meta({
      title: 'Services',
      description:
        'The ids of the services the system supports, from the hub’s service list (the file hub.config.yaml names under ' +
        'services), if you want to be more precise than the service area.',
      examples: [[58, 59, 69]],
    }),
    contract_start: yearMonth.optional().meta({
      title: 'Contract start',
      description: 'When the current contract started, as YYYY-MM. Not after contract_end.',
      examples: ['2020-04'],
    }),
    contract_end: yearMonth.meta({
      title: 'Contract end',
      description: 'When the current contract ends, as YYYY-MM, counting extensions already agreed but not ones that are only possible.',
      examples: ['2027-03'],
    }),
    notes: plainText(300)
      .optional()
      .meta({
        title: 'Notes',
        description:
          'Anything that helps another council judge whether to buy together, in a sentence or two: ' +
          'an option to extend, a procurement already under way. At most 300 characters; no Markdown.',
        examples: ['Two one-year extensions available. We expect to go to market in spring 2026.'],
      }),
  })
  .meta({
    title: 'System',
    description: 'A system the body runs and when its contract ends, from its published contracts register.',
  });

export type System = z.infer<typeof systemSchema>;
