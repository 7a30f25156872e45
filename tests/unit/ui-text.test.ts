/**
 * The UI text (src/lib/ui-text.ts, translations/<code>.yaml): the main language's file over the English one,
 * found by its whole code or its language alone, every file of a configured language checked, and the
 * placeholders filled in as text or as HTML.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { HubConfig } from '../../schemas/hub-config.ts';
import { uiTextSchema } from '../../schemas/ui-text.ts';
import { BUILT_IN_TRANSLATIONS, readUiText, uiHtml, uiText } from '../../src/lib/ui-text.ts';
import { ROOT } from '../helpers/content.ts';

const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'council-commons-ui-text-'));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const configFor = (codes: string[], translations?: string) =>
  ({ languages: codes.map((code) => ({ code, name: code })), ...(translations ? { translations } : {}) }) as unknown as HubConfig;

const english = parse(readFileSync(join(BUILT_IN_TRANSLATIONS, 'en-GB.yaml'), 'utf8')) as Record<string, string>;

describe('the UI text files that come with the hub', () => {
  it('English has every key the schema has, and Welsh only keys it has', () => {
    const keys = Object.keys(uiTextSchema.shape).sort();
    expect(Object.keys(english).sort()).toEqual(keys);
    const welsh = parse(readFileSync(join(ROOT, 'translations/cy.yaml'), 'utf8')) as Record<string, string>;
    expect(Object.keys(welsh).every((key) => keys.includes(key))).toBe(true);
    expect(Object.keys(welsh).length).toBe(keys.length);
  });
});

describe('readUiText', () => {
  const configFile = join(ROOT, 'hub.config.yaml');

  it('uses the English for a hub in English, and the Welsh for a hub whose main language is Welsh', () => {
    expect(readUiText(configFor(['en-GB', 'cy']), configFile, 'hub.config.yaml')).toMatchObject({ text: english, problems: [] });
    const welsh = readUiText(configFor(['cy', 'en-GB']), configFile, 'hub.config.yaml');
    expect(welsh.problems).toEqual([]);
    expect(welsh.text['skipLink.label']).toBe('Neidio i’r prif gynnwys');
    expect(welsh.file).toBe(join(BUILT_IN_TRANSLATIONS, 'cy.yaml'));
  });

  it('finds a language by its whole code, then by its language alone, and fills what a file leaves out from the English', () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'translations'));
    writeFileSync(join(folder, 'translations', 'ga.yaml'), 'header.search: Cuardach\n');
    const irish = readUiText(configFor(['ga-IE'], 'translations'), join(folder, 'hub.config.yaml'), 'hub.config.yaml');
    expect(irish.problems).toEqual([]);
    expect(irish.text['header.search']).toBe('Cuardach');
    expect(irish.text['skipLink.label']).toBe(english['skipLink.label']);
    // A hub in English of Ireland, with no file of its own: the English that comes with the hub.
    expect(readUiText(configFor(['en-IE']), join(folder, 'hub.config.yaml'), 'hub.config.yaml').text).toEqual(english);
  });

  it('checks every configured language’s file, used or not, and names it, its line and its field', () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'strings'));
    writeFileSync(join(folder, 'strings', 'cy.yaml'), 'header.search: Chwilio\nheader.serch: Chwilio\n');
    const read = readUiText(configFor(['en-GB', 'cy'], 'strings'), join(folder, 'hub.config.yaml'), 'hub.config.yaml');
    expect(read.text).toEqual(english);
    expect(read.problems).toMatchObject([{ rule: 'schema/unknown-field', file: 'strings/cy.yaml', line: 2, field: 'header.serch' }]);
  });
});

describe('uiText and uiHtml', () => {
  const text = { ...english, 'footer.licence': 'Popeth ar {name}: {licence}.' } as Parameters<typeof uiText>[0];

  it('fills in the hub’s name and licence, as text or as HTML with the words escaped', () => {
    expect(uiText(text, 'footer.about', { name: 'A & B' })).toBe('About A & B');
    expect(uiHtml(text, 'footer.licence', { name: 'A &amp; B', licence: '<a href="x">L</a>' })).toBe(
      'Popeth ar A &amp; B: <a href="x">L</a>.',
    );
    const hostile = { ...text, 'footer.licence': '<script>{name}</script>' } as typeof text;
    expect(uiHtml(hostile, 'footer.licence', { name: 'N' })).toBe('&lt;script&gt;N&lt;/script&gt;');
  });
});
