/**
 * What the GitHub scripts (pr-report, pr-comment, codeowners, freshness, issue-to-pr, harvest-pr) share
 * on the command line: a Usage error (exit 2, with the script's usage), strict option parsing that turns
 * Node's parse errors into one, and the way a script's main is run, each kind of error with its own exit
 * code and message.
 */
import { listInWords } from '../../src/lib/format.ts';
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

/** The values of options the script cannot do without; a Usage error naming every one missing. */
export function requireOptions<Name extends string>(
  values: Record<string, string | boolean | undefined>,
  names: readonly Name[],
): Record<Name, string> {
  const missing = names.filter((name) => typeof values[name] !== 'string' || values[name] === '').map((name) => `--${name}`);
  if (missing.length > 0) throw new Usage(`give ${listInWords(missing)}.`);
  return Object.fromEntries(names.map((name) => [name, values[name]])) as Record<Name, string>;
}

/**
 * Runs a library's check of an option's value (which throws the library's own error, a failure) so
 * that what it throws is a Usage error instead: a wrong option is the caller's to put right.
 */
export function checkOption<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new Usage((error as Error).message);
  }
}

/** An error class, whatever its constructor takes. */
type ErrorClass = abstract new (...args: never[]) => Error;

export interface Script {
  /** How the script is named at the start of each message, e.g. "pr-comment". */
  name: string;
  usage: string;
  main: () => number | Promise<number>;
  /** Errors that are wrong usage besides Usage (a library's own, say): the message and the usage, exit 2. */
  usageErrors?: readonly ErrorClass[];
  /** Errors that are failures the script explains (GitHub failed, a file was refused): the message alone, exit 1. */
  failures: readonly ErrorClass[];
}

/**
 * Runs a script's main and sets the exit code: its own on success; 2 with the usage for wrong usage; 1
 * for a failure it explains; and 1 with the stack for anything else, which is a bug to report.
 */
export async function runScript(script: Script): Promise<void> {
  const say = (text: string) => process.stderr.write(`${script.name}: ${text}\n`);
  try {
    process.exitCode = await script.main();
  } catch (error) {
    if (error instanceof Usage || script.usageErrors?.some((kind) => error instanceof kind)) {
      say(`${(error as Error).message}\n\n${script.usage}`);
      process.exitCode = 2;
    } else if (script.failures.some((kind) => error instanceof kind)) {
      say((error as Error).message);
      process.exitCode = 1;
    } else {
      say(`an internal error stopped the script. Please report it with this message:\n${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    }
  }
}
