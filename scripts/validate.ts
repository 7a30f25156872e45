/**
 * npm run validate -- [--content DIR] [--format text|json|github] [--today YYYY-MM-DD]
 *
 * Checks every file in the content folder and reports every problem in one run.
 * Exit codes: 0 no errors (warnings allowed), 1 the content has errors, 2 usage or internal error.
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FORMATS, formatGithub, formatGithubSummary, formatJson, formatText, type Format } from '../src/lib/validation/format.ts';
import { UsageError, validateContent } from '../src/lib/validation/validate.ts';

const USAGE = `Usage: npm run validate -- [--content DIR] [--format text|json|github] [--today YYYY-MM-DD]

  --content DIR   the content folder to check (default: content, or $HUB_CONTENT_DIR)
  --format F      text (default) for people, json for tools, github for pull-request annotations
  --today DATE    the date to check review_by against (default: today)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

export function main(argv: string[]): number {
  let values: { content?: string; format?: string; today?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: 'string' },
        format: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`validate: ${(error as Error).message}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) fail(`validate: --format must be one of ${FORMATS.join(', ')}, not "${values.format}".`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    fail(`validate: --today must be a date written YYYY-MM-DD, not "${values.today}".`);

  const contentDir = values.content ?? process.env.HUB_CONTENT_DIR ?? 'content';
  const showProgress = format === 'text' && process.stderr.isTTY;
  const report = validateContent({
    contentDir,
    ...(values.today ? { today: values.today } : {}),
    ...(showProgress
      ? {
          onProgress: (done: number, total: number) =>
            process.stderr.write(
              `\rChecked ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} files${done === total ? '\n' : ''}`,
            ),
        }
      : {}),
  });

  if (format === 'json') process.stdout.write(`${formatJson(report)}\n`);
  else if (format === 'github') {
    process.stdout.write(`${formatGithub(report)}\n`);
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, formatGithubSummary(report));
  } else process.stdout.write(`${formatText(report)}\n`);
  return report.errors.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) fail(`validate: ${error.message}`);
  process.stderr.write(
    `validate: an internal error stopped the check. Please report it with this message:\n${(error as Error).stack ?? String(error)}\n`,
  );
  process.exitCode = 2;
}
