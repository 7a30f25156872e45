/**
 * What records and organisations give under `translations` (schemas/fields.ts), read in the order of the
 * hub's languages (hub.config.yaml), so that every page, export and search index lists them alike.
 */
import type { LanguageConfig } from '../../schemas/hub-config.ts';

/** A record's or an organisation's `translations`, as any of them holds it. */
export type Translations = Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;

export interface TranslatedText {
  /** The language's code, for lang attributes and language-tagged exports. */
  code: string;
  text: string;
}

/**
 * One field in each of the hub's other languages that has it, in the configuration's order. `fields` are
 * tried in turn (an organisation's official name, else its name). Codes the hub does not have are left out:
 * the validator refuses them, and a page must not guess their language.
 */
export function translatedTexts(
  translations: Translations | undefined,
  fields: readonly string[],
  languages: Iterable<LanguageConfig>,
): TranslatedText[] {
  if (!translations) return [];
  const found: TranslatedText[] = [];
  for (const { code } of languages) {
    const entry = translations[code];
    const text = entry && fields.map((field) => entry[field]).find((value) => value !== undefined);
    if (text) found.push({ code, text });
  }
  return found;
}

/** Every text of every language under `translations`, for search and overlap words (order kept, codes unchecked). */
export function allTranslatedTexts(translations: Translations | undefined): string[] {
  return translations ? Object.values(translations).flatMap((entry) => Object.values(entry).filter((text) => text !== undefined)) : [];
}
