/**
 * The UI text a hub's pages use (schemas/ui-text.ts): the file of its main language (the first of
 * hub.config.yaml's `languages`) from its translations folder, over the English file that comes with the
 * hub, which has every key. A language is looked for by its whole code, then by its language alone (en-IE
 * finds en.yaml), so a hub in Ireland may share a file with one in Britain. Every file of a configured
 * language is checked, used or not, so that a mistake in cy.yaml shows before a hub switches to Welsh.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubConfig } from '../../schemas/hub-config.ts';
import { uiTextSchema, type UiText, type UiTextFile, type UiTextKey } from '../../schemas/ui-text.ts';
import { readContentFile } from './content-files/read-file.ts';
import { escapeHtml } from './display-html.ts';
import type { Problem } from './validation/problem.ts';

/** The language every file falls back to. */
export const FALLBACK_LANGUAGE = 'en-GB';

/**
 * The folder of UI text that comes with the hub. Astro's bundled pages run from another folder, where the
 * address beside this module leads nowhere: there the project is the working folder (as for hub.config.yaml).
 */
export const BUILT_IN_TRANSLATIONS = (() => {
  const beside = fileURLToPath(new URL('../../translations/', import.meta.url));
  return existsSync(join(beside, `${FALLBACK_LANGUAGE}.yaml`)) ? beside : resolve('translations');
})();

/** What a UI text may put in braces: the hub's name and its default licence. */
const PLACEHOLDERS = new Set(['name', 'licence']);

export interface UiTextRead {
  text: UiText;
  /** The file the main language's text came from, when it has one of its own. */
  file?: string;
  problems: Problem[];
}

/** A language's file in a folder: by its whole code, then by its language alone. */
function fileFor(folder: string, code: string): string | undefined {
  const candidates = [code, code.split('-')[0]].map((name) => join(folder, `${name}.yaml`));
  return candidates.find((candidate) => existsSync(candidate));
}

function readUiTextFile(absolute: string, shown: (absolute: string) => string, problems: Problem[]): UiTextFile | undefined {
  if (!existsSync(absolute)) {
    // Only the English file that comes with the hub is looked for without being found first: a fork that removed it.
    problems.push({
      severity: 'error',
      rule: 'config/file',
      file: shown(absolute),
      line: 1,
      column: 1,
      field: '',
      message: `the UI text file ${shown(absolute)}, which every language falls back to, does not exist.`,
      fix: `restore translations/${FALLBACK_LANGUAGE}.yaml from the hub's repository`,
    });
    return undefined;
  }
  const read = readContentFile({ absolute, file: shown(absolute), format: 'yaml', schema: uiTextSchema, singular: 'UI text file' });
  const data = read.data as UiTextFile | undefined;
  for (const [key, value] of Object.entries(data ?? {})) {
    for (const [, placeholder] of String(value).matchAll(/\{([^{}]*)\}/g)) {
      if (PLACEHOLDERS.has(placeholder)) continue;
      read.report({
        rule: 'config/ui-text',
        path: [key],
        message: `\`{${placeholder}}\` is not something the hub can fill in.`,
        found: `{${placeholder}}`,
        fix: `use ${[...PLACEHOLDERS].map((name) => `{${name}}`).join(' or ')}, or write the words themselves`,
      });
    }
  }
  problems.push(...read.problems);
  return read.problems.some((problem) => problem.severity === 'error') ? undefined : data;
}

/**
 * The UI text for a configuration read from `configFile`, with any problem in its files, each named as the
 * configuration's own path (`shownConfig`) names it: beside it, translations/cy.yaml.
 */
export function readUiText(config: HubConfig, configFile: string, shownConfig: string, builtIn = BUILT_IN_TRANSLATIONS): UiTextRead {
  const problems: Problem[] = [];
  const shown = (absolute: string) =>
    join(dirname(shownConfig), relative(dirname(configFile), absolute))
      .split('\\')
      .join('/');
  const fallback = readUiTextFile(join(builtIn, `${FALLBACK_LANGUAGE}.yaml`), shown, problems);
  const folder = config.translations ? resolve(dirname(configFile), config.translations) : builtIn;
  const files = new Map<string, UiTextFile | undefined>();
  for (const language of config.languages) {
    const file = fileFor(folder, language.code) ?? (folder === builtIn ? undefined : fileFor(builtIn, language.code));
    if (file && !files.has(file)) files.set(file, readUiTextFile(file, shown, problems));
  }
  const primary = config.languages[0].code;
  const primaryFile = fileFor(folder, primary) ?? (folder === builtIn ? undefined : fileFor(builtIn, primary));
  const own = primaryFile ? files.get(primaryFile) : undefined;
  return {
    text: { ...(fallback as UiText), ...own },
    ...(primaryFile && own ? { file: primaryFile } : {}),
    problems,
  };
}

/** A UI text with its placeholders filled in, as plain text. */
export function uiText(text: UiText, key: UiTextKey, values: Partial<Record<'name' | 'licence', string>> = {}): string {
  return text[key].replace(/\{(name|licence)\}/g, (whole, placeholder: 'name' | 'licence') => values[placeholder] ?? whole);
}

/** A UI text as HTML: its words escaped, its placeholders filled with the HTML given (escape what is text). */
export function uiHtml(text: UiText, key: UiTextKey, html: Partial<Record<'name' | 'licence', string>> = {}): string {
  return escapeHtml(text[key]).replace(/\{(name|licence)\}/g, (whole, placeholder: 'name' | 'licence') => html[placeholder] ?? whole);
}
