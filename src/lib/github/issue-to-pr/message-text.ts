/**
 * The small text helpers the issue's problems and comments are written with. Separate because the
 * problems, the plans and the comments all quote values the same way.
 */
import { clean } from '../markdown.ts';

export const sentence = (value: string) => (/[.!?]$/.test(value) ? value : `${value}.`);
/** A value to quote in a message: one clean line, short, with no backtick to break its code span. */
export const quoted = (value: unknown) => `\`${clean(value, 120).replace(/`/g, "'") || ' '}\``;
