/** Rows of the reference registers in data/reference/, as the hub uses them. */
import { z } from 'zod';

export const serviceSchema = z.strictObject({
  id: z.int().positive().meta({ description: 'The service’s id in the hub’s service list.' }),
  label: z.string().meta({ description: 'The service’s name in the list.' }),
  description: z.string().meta({ description: 'What the service is (the list’s scope note, or GOV.UK’s description).' }),
  uri: z.string().meta({ description: 'The service’s identifier on the LGA’s standards site.' }),
  formerNames: z.array(z.string()).optional().meta({
    description: 'Names the service had in earlier versions of the list (from its history notes), which people may still search for.',
  }),
  govukDescription: z
    .string()
    .optional()
    .meta({ description: 'How GOV.UK describes finding the service, e.g. "Find out about free school meals".' }),
});

export const licenceSchema = z.strictObject({
  id: z.string().meta({ description: 'The SPDX id.' }),
  name: z.string().meta({ description: 'The licence’s full name.' }),
  url: z.string().meta({ description: 'Where the licence text is.' }),
  open: z.boolean().meta({ description: 'Whether it meets the Open Definition (data, content) or the OSI definition (code).' }),
  osiApproved: z.boolean().meta({ description: 'Whether the Open Source Initiative approves it.' }),
});

export type Service = z.infer<typeof serviceSchema>;
export type Licence = z.infer<typeof licenceSchema>;
