/**
 * What the GitHub scripts (pr-report, pr-comment, codeowners, freshness, issue-to-pr) share on the
 * command line: a Usage error (exit 2, with the script's usage) and strict option parsing that turns
 * Node's parse errors into one.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** The command was used wrongly: the script prints the message and its usage, and exits 2. */
export class Usage extends Error {}

/** Parses named options strictly (no positionals); an unknown or malformed option is a Usage error. */
export function parseOptions(argv: string[], options: ParseArgsOptionsConfig): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new Usage((error as Error).message);
  }
}
