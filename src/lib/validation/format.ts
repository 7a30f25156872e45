/**
 * The validator's three ways of speaking: plain text for people, JSON for tools, and GitHub workflow
 * commands for annotations on a pull request (with a Markdown summary, since GitHub shows only ten
 * annotations a step).
 */
import { plural } from '../format.ts';
import type { Problem } from './problem.ts';
import type { ValidationReport } from './validate.ts';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function summaryLine(report: ValidationReport): string {
  const { errors, warnings, checked } = report;
  const files = new Set(errors.map((problem) => problem.file)).size;
  if (errors.length === 0) {
    return (
      `✓ ${plural(checked, 'record')} checked: no ` +
      `errors${warnings.length ? `, ${plural(warnings.length, 'warning')} (advice; they do not stop publishing)` : ''}.`
    );
  }
  return (
    `✗ ${plural(errors.length, 'error')} ` +
    `in ${plural(files, 'file')}${warnings.length ? ` and ${plural(warnings.length, 'warning')}` : ''} ` +
    `(${plural(checked, 'record')} checked). Fix the errors, then run npm run validate again.`
  );
}

/** Problems as lines for people, grouped by file, in the order they appear in each. */
export function problemLines(problems: readonly Problem[]): string[] {
  const lines: string[] = [];
  const sorted = problems.toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  let currentFile = '';
  for (const problem of sorted) {
    if (problem.file !== currentFile) {
      if (currentFile) lines.push('');
      currentFile = problem.file;
      lines.push(problem.file);
    }
    const where = [`line ${problem.line}, column ${problem.column}`, problem.field && `field ${problem.field}`].filter(Boolean).join(', ');
    lines.push(`  ${problem.severity === 'error' ? 'Error' : 'Warning'} (${where}): ${capitalise(problem.message)}`);
    if (problem.fix) lines.push(`    Fix: ${capitalise(problem.fix)}`);
  }
  return lines;
}

export function formatText(report: ValidationReport): string {
  const lines = problemLines([...report.errors, ...report.warnings]);
  if (lines.length) lines.push('');
  lines.push(summaryLine(report));
  return lines.join('\n');
}

export function formatJson(report: ValidationReport): string {
  return JSON.stringify({ records: report.checked, errors: report.errors, warnings: report.warnings }, null, 2);
}

function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function sentence(problem: Problem): string {
  return `${capitalise(problem.message)}${problem.fix ? ` Fix: ${capitalise(problem.fix)}` : ''}`;
}

/** One workflow command per problem: GitHub turns them into annotations on the changed lines. */
export function formatGithub(report: ValidationReport): string {
  const lines = [...report.errors, ...report.warnings].map((problem) => {
    const title = problem.field ? `${problem.field} (${problem.rule})` : problem.rule;
    const properties = `file=${escapeProperty(problem.file)},line=${problem.line},col=${problem.column},title=${escapeProperty(title)}`;
    return `::${problem.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(sentence(problem))}`;
  });
  lines.push(summaryLine(report));
  return lines.join('\n');
}

function escapeCell(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ').replaceAll('<', '&lt;');
}

/** The full list for the job summary ($GITHUB_STEP_SUMMARY), as a Markdown table. */
export function formatGithubSummary(report: ValidationReport): string {
  const lines = ['## Content validation', '', summaryLine(report), ''];
  const problems = [...report.errors, ...report.warnings];
  if (problems.length) {
    lines.push('| | File | Line | Field | Problem and fix |', '| --- | --- | --- | --- | --- |');
    for (const problem of problems) {
      lines.push(
        `| ${problem.severity === 'error' ? '❌ error' : '⚠️ warning'} | ${escapeCell(problem.file)} ` +
          `| ${problem.line}:${problem.column} | ${escapeCell(problem.field || '–')} | ${escapeCell(sentence(problem))} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
