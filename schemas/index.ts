/** The one set of schemas for Council Commons content. Types come from here via z.infer. */
export * from './fields.ts';
export * from './organisation.ts';
export * from './system.ts';
export * from './roadmap.ts';
export * from './principle.ts';
export * from './lesson.ts';
export * from './dataset.ts';
export * from './component.ts';
export * from './vocabulary.ts';
export * from './collections.ts';
export * from './reference.ts';
