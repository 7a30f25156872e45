/**
 * Every validation rule, broken by a fixture: the validator must report it with the file, line, column
 * and field, in words that say what was found and how to fix it. The fixtures are files in
 * tests/fixtures/rules/<case>/ laid over a copy of the valid baseline in tests/fixtures/baseline/.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatText } from '../../src/lib/validation/format.ts';
import type { Problem } from '../../src/lib/validation/problem.ts';
import { RULES, type RuleId } from '../../src/lib/validation/rules.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { contentFixture, removeFixtures } from '../helpers/content.ts';

interface Case {
  /** What the case shows. */
  name: string;
  rule: RuleId;
  /** A folder in tests/fixtures/rules/, or a function that breaks the baseline copy in place. */
  fixture: string | ((content: string) => void);
  file: string;
  line: number;
  column?: number;
  field: string;
  /** Words the message must contain (what was found, what was expected). */
  message: RegExp;
  fix?: RegExp;
  /** Words what was expected must contain, where the message does not say it. */
  expected?: RegExp;
  severity?: 'error' | 'warning';
  /** How many problems of this rule the case produces (default 1). */
  count?: number;
  /** A hub configuration to check instead of the repository's (written as hub.config.yaml beside content/), or null for none. */
  config?: string | null;
}

/**
 * The repository's own configuration, with one line changed, written elsewhere: the files it names are
 * made absolute, as they are read from the configuration's folder.
 */
function configWith(from: RegExp, to: string): string {
  const text = readFileSync('hub.config.yaml', 'utf8');
  if (!from.test(text)) throw new Error(`hub.config.yaml has no line matching ${from}`);
  return text.replace(from, to).replaceAll(' data/reference/', ` ${join(process.cwd(), 'data/reference')}/`);
}
const DEFAULT_LICENCE_LINE = configLine(/^defaultLicence:/m);

/** Replaces text in a file of the baseline copy, failing when the text is not there. */
function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
}
/** The 1-based line of hub.config.yaml that matches. */
function configLine(pattern: RegExp): number {
  return (
    readFileSync('hub.config.yaml', 'utf8')
      .split('\n')
      .findIndex((line) => pattern.test(line)) + 1
  );
}

const ROADMAP = 'content/roadmap/ashdown/garden-waste-online.md';

const CASES: Case[] = [
  {
    name: 'no configuration file where HUB_CONFIG points',
    rule: 'config/missing',
    fixture: () => {},
    config: null,
    file: 'hub.config.yaml',
    line: 1,
    field: '',
    message: /configuration file hub\.config\.yaml does not exist/,
    fix: /HUB_CONFIG/,
  },
  {
    name: 'a default licence the hub does not know',
    rule: 'config/licence',
    fixture: () => {},
    config: configWith(/^defaultLicence: .*$/m, 'defaultLicence: OGL-UK-9.0'),
    file: 'hub.config.yaml',
    line: DEFAULT_LICENCE_LINE,
    column: 17,
    field: 'defaultLicence',
    message: /`OGL-UK-9\.0` is not in the licence list, \/.*data\/reference\/licences\.csv/,
    fix: /OGL-UK-3\.0/,
  },
  {
    name: 'a default licence that is not open',
    rule: 'config/licence',
    fixture: () => {},
    config: configWith(/^defaultLicence: .*$/m, 'defaultLicence: CC-BY-NC-4.0'),
    file: 'hub.config.yaml',
    line: DEFAULT_LICENCE_LINE,
    field: 'defaultLicence',
    message: /is not an open licence/,
    fix: /open licence/,
  },
  {
    name: 'a licence list that is not there',
    rule: 'config/file',
    fixture: () => {},
    config: configWith(/^licences: .*$/m, 'licences: data/reference/no-such-licences.csv'),
    file: 'hub.config.yaml',
    line: configLine(/^licences:/),
    field: 'licences',
    message: /the licence list file \/.*no-such-licences\.csv does not exist/,
    fix: /read from the folder this configuration file is in/,
  },
  {
    name: 'a service list whose ids are not numbers',
    rule: 'config/file',
    fixture: (content) => writeFileSync(join(dirname(content), 'our-services.csv'), 'lgsl_id,label\n524,Bins\nfive,Parks\n'),
    config: configWith(/^ {2}file: .*$/m, '  file: our-services.csv'),
    file: 'hub.config.yaml',
    line: configLine(/^ {2}file:/),
    field: 'services.file',
    message: /row 3 of \/.*our-services\.csv: the id “five” is not a whole number above 0/,
    fix: /correct the path .* or the file/,
  },
  {
    name: 'an organisation type the hub’s configuration does not list',
    rule: 'schema/enum',
    fixture: (content) => replaceIn(join(content, 'organisations/ashdown.yaml'), 'type: county', 'type: countie'),
    file: 'content/organisations/ashdown.yaml',
    line: 3,
    column: 7,
    field: 'type',
    message: /`type` is "countie"; expected one of: county, district, unitary/,
    fix: /did you mean `county`\?/,
  },
  {
    name: 'a nation the hub’s configuration does not list',
    rule: 'schema/enum',
    fixture: (content) => replaceIn(join(content, 'organisations/ashdown.yaml'), 'nation: england', 'nation: englund'),
    file: 'content/organisations/ashdown.yaml',
    line: 5,
    column: 9,
    field: 'nation',
    message: /`nation` is "englund"; expected one of: england, scotland, wales, northern-ireland/,
    fix: /did you mean `england`\?/,
  },
  {
    name: 'an official code that does not match the configured pattern',
    rule: 'schema/format',
    fixture: (content) => replaceIn(join(content, 'organisations/ashdown.yaml'), 'gss_code: E99999911', 'gss_code: E9999991'),
    file: 'content/organisations/ashdown.yaml',
    line: 4,
    column: 11,
    field: 'gss_code',
    message: /`gss_code` is "E9999991"; expected a GSS code: a capital E, K, N, S or W and eight digits, e\.g\. E06000001/,
    fix: /local-authorities\.csv/,
  },
  {
    name: 'an organisation type listed twice in the configuration',
    rule: 'config/duplicate',
    fixture: () => {},
    config: configWith(/^ {4}- \{ id: district,.*$/m, '    - { id: county, label: County council again, kind: council }'),
    file: 'hub.config.yaml',
    line: configLine(/^ {4}- \{ id: district,/),
    field: 'organisations.types[1].id',
    message: /the type `county` is listed twice under organisations\.types/,
    fix: /remove one of them/,
  },
  {
    name: 'a UI text file with a placeholder the hub cannot fill in',
    rule: 'config/ui-text',
    fixture: (content) => {
      mkdirSync(join(dirname(content), 'translations'), { recursive: true });
      writeFileSync(join(dirname(content), 'translations', 'cy.yaml'), 'header.search: Chwilio\nfooter.about: Ynglŷn â {enw}\n');
    },
    config: configWith(/^languages:$/m, 'translations: translations\nlanguages:'),
    file: 'translations/cy.yaml',
    line: 2,
    field: 'footer.about',
    message: /`\{enw\}` is not something the hub can fill in/,
    fix: /use \{name\} or \{licence\}/,
  },
  {
    name: 'a language listed twice in the configuration',
    rule: 'config/duplicate',
    fixture: () => {},
    config: configWith(/^ {2}- \{ code: cy,.*$/m, '  - { code: en-gb, name: English again }'),
    file: 'hub.config.yaml',
    line: configLine(/^ {2}- \{ code: cy,/),
    field: 'languages[1].code',
    message: /the language `en-gb` is listed twice under languages/,
    fix: /remove one of them/,
  },
  {
    name: 'an official-code pattern that is not a regular expression',
    rule: 'config/pattern',
    fixture: () => {},
    // No $ in the replacement, where String.replace would read it as a pattern of its own.
    config: configWith(/^ {4}pattern: .*$/m, "    pattern: '^[EKNSW\\d{8}'"),
    file: 'hub.config.yaml',
    line: configLine(/^ {4}pattern:/),
    field: 'organisations.code.pattern',
    message: /the code pattern `\^\[EKNSW\\d\{8\}` is not a regular expression/,
    fix: /JavaScript regular expression/,
  },
  {
    name: 'registered organisation types without an official code',
    rule: 'config/code',
    fixture: () => {},
    config: configWith(/^ {2}code:\n(?: {4}.*\n)+/m, ''),
    file: 'hub.config.yaml',
    line: configLine(/^ {4}- \{ id: county,/),
    field: 'organisations.types[0].registered',
    message: /the type `county` is registered, but organisations\.code does not say/,
    fix: /add organisations\.code/,
  },
  {
    name: 'records that name services, in a hub without a service list',
    rule: 'reference/service',
    fixture: () => {},
    config: configWith(/^services:\n(?: {2}.*\n)+/m, ''),
    file: ROADMAP,
    line: 5,
    field: 'services',
    message: /`services` lists services, but this hub has no service list/,
    fix: /remove `services`, and say what the work is about with themes/,
    // The roadmap item, the lesson and the dataset of the baseline each name services.
    count: 3,
  },
  {
    name: 'a configuration without the hub’s name',
    rule: 'schema/required',
    fixture: () => {},
    config: configWith(/^name: .*\n/m, ''),
    file: 'hub.config.yaml',
    // A missing field is shown where the fields start: here the first line after the comments.
    line: configLine(/^name:/),
    field: 'name',
    message: /name/,
  },
  {
    name: 'a configuration whose repository is a web address',
    rule: 'schema/format',
    fixture: () => {},
    config: configWith(/^ {2}github: .*$/m, '  github: https://github.com/council-commons/council-commons'),
    file: 'hub.config.yaml',
    line: configLine(/^ {2}github:/),
    column: 11,
    field: 'repository.github',
    message: /owner\/name/,
  },
  {
    name: 'a file outside the known folders',
    rule: 'path/unknown-location',
    fixture: 'unknown-location',
    file: 'content/stuff/notes.txt',
    line: 1,
    field: '',
    message: /does not read this file/,
    fix: /move it/,
  },
  {
    name: 'a record file with the wrong extension',
    rule: 'path/extension',
    fixture: 'extension',
    file: 'content/roadmap/ashdown/idea.txt',
    line: 1,
    field: '',
    message: /roadmap items are Markdown \(\.md\) files, not \.txt/,
    fix: /idea\.md/,
  },
  {
    name: 'a file name that is not a slug',
    rule: 'path/slug',
    fixture: 'slug',
    file: 'content/roadmap/ashdown/Garden_Waste.md',
    line: 1,
    field: '',
    message: /`Garden_Waste` is not a valid slug/,
    fix: /`garden-waste`/,
  },
  {
    name: 'an organisation id the site needs for its addresses',
    rule: 'path/reserved-id',
    fixture: 'reserved-id',
    file: 'content/organisations/status.yaml',
    line: 1,
    field: '',
    message: /`status` cannot be an organisation id/,
    fix: /status-group\.yaml/,
  },
  {
    name: 'a symbolic link',
    rule: 'path/symlink',
    fixture: (content) => symlinkSync('../../principles/ashdown/start-with-user-needs.md', join(content, 'roadmap/ashdown/linked.md')),
    file: 'content/roadmap/ashdown/linked.md',
    line: 1,
    field: '',
    message: /symbolic link/,
    fix: /replace the link/,
  },
  {
    name: 'a file over 256 KiB',
    rule: 'path/too-large',
    fixture: (content) =>
      writeFileSync(join(content, 'lessons/brackwater/huge.md'), `---\ntitle: Huge\nsummary: Huge.\n---\n${'x'.repeat(300 * 1024)}`),
    file: 'content/lessons/brackwater/huge.md',
    line: 1,
    field: '',
    message: /301 KiB; the limit is 256 KiB/,
    fix: /shorten it/,
  },
  {
    name: 'two files with one id',
    rule: 'path/duplicate-id',
    fixture: 'duplicate-id',
    file: 'content/components/ashdown-civic-tech/bin-day-finder.yaml',
    line: 1,
    field: '',
    message: /both give the id components\/ashdown-civic-tech\/bin-day-finder/,
    fix: /keep one/,
  },
  {
    name: 'an empty file',
    rule: 'file/empty',
    fixture: (content) => writeFileSync(join(content, 'lessons/brackwater/empty.md'), ''),
    file: 'content/lessons/brackwater/empty.md',
    line: 1,
    field: '',
    message: /empty/,
    fix: /npm run new/,
  },
  {
    name: 'a file that is not UTF-8',
    rule: 'file/encoding',
    fixture: (content) => writeFileSync(join(content, 'lessons/brackwater/latin1.md'), Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1')),
    file: 'content/lessons/brackwater/latin1.md',
    line: 1,
    field: '',
    message: /not valid UTF-8/,
    fix: /UTF-8/,
  },
  {
    name: 'Markdown without front matter',
    rule: 'markdown/front-matter',
    fixture: 'front-matter',
    file: 'content/lessons/brackwater/no-front-matter.md',
    line: 1,
    field: '',
    message: /does not start with front matter/,
    fix: /npm run new/,
  },
  {
    name: 'YAML that cannot be read',
    rule: 'yaml/syntax',
    fixture: 'yaml-syntax',
    file: 'content/datasets/ashdown/broken.yaml',
    line: 4,
    field: '',
    message: /closing quote or bracket is missing/,
    fix: /quotes/,
  },
  {
    name: 'a field written twice',
    rule: 'yaml/duplicate-key',
    fixture: 'yaml-duplicate-key',
    file: ROADMAP,
    line: 6,
    column: 1,
    field: 'status',
    message: /`status` appears twice/,
    fix: /keep one/,
    count: 2,
  },
  {
    name: 'a YAML alias bomb',
    rule: 'yaml/aliases',
    fixture: 'yaml-aliases',
    file: 'content/datasets/ashdown/laughs.yaml',
    line: 2,
    field: '',
    message: /aliases \(\*name\) expand to far more data than a record holds/,
    fix: /write the values out/,
  },
  {
    name: 'YAML that is a list, not fields',
    rule: 'yaml/not-fields',
    fixture: 'yaml-not-fields',
    file: 'content/datasets/ashdown/a-list.yaml',
    line: 1,
    field: '',
    message: /holds a list of 2 items, not fields/,
  },
  {
    name: 'a required field missing',
    rule: 'schema/required',
    fixture: 'required',
    file: ROADMAP,
    line: 2,
    field: 'summary',
    message: /`summary` is required but missing/,
    fix: /add a line such as `summary: /,
  },
  {
    name: 'a misspelt field',
    rule: 'schema/unknown-field',
    fixture: 'unknown-field',
    file: ROADMAP,
    line: 3,
    column: 1,
    field: 'sumary',
    message: /`sumary` is not a field of a roadmap item, and the required field `summary` is missing/,
    fix: /did you mean `summary`\?/,
  },
  {
    name: 'a value of the wrong kind',
    rule: 'schema/type',
    fixture: 'type',
    file: ROADMAP,
    line: 5,
    column: 11,
    field: 'services',
    message: /`services` is 524; expected a list/,
    fix: /\[524\]/,
  },
  {
    name: 'a word not in the list',
    rule: 'schema/enum',
    fixture: 'enum',
    file: ROADMAP,
    line: 4,
    column: 9,
    field: 'status',
    message: /`status` is "Beta"; expected one of: idea, discovery/,
    fix: /did you mean `beta`\?/,
  },
  {
    name: 'a month in the wrong format',
    rule: 'schema/format',
    fixture: 'format',
    file: ROADMAP,
    line: 7,
    column: 8,
    field: 'start',
    message: /"January 2026"; expected a month written as YYYY-MM/,
    fix: /write 2026-01/,
  },
  {
    name: 'a contract end in words',
    rule: 'schema/format',
    fixture: 'system-contract-format',
    file: 'content/organisations/brackwater.yaml',
    line: 15,
    column: 19,
    field: 'systems[0].contract_end',
    message: /"March 2027"; expected a month written as YYYY-MM/,
    fix: /write 2027-03/,
  },
  {
    name: 'a record id in the wrong form',
    rule: 'schema/format',
    fixture: 'record-id-format',
    file: ROADMAP,
    line: 11,
    column: 10,
    field: 'reuses[0]',
    message: /expected a component id, written components\/<organisation>\/<slug>/,
    fix: /did you mean `components\/ashdown-civic-tech\/bin-day-finder`\?/,
  },
  {
    name: 'a title that is too long',
    rule: 'schema/length',
    fixture: 'length',
    file: ROADMAP,
    line: 2,
    column: 8,
    field: 'title',
    message: /at most 150 characters \(this has 194\)/,
    fix: /shorten it by 44 characters/,
  },
  {
    name: 'a partner that does not exist',
    rule: 'reference/organisation',
    fixture: 'reference-organisation',
    file: ROADMAP,
    line: 9,
    column: 12,
    field: 'partners[0]',
    message: /no content\/organisations\/brackwatre\.yaml/,
    fix: /did you mean `brackwater`\?/,
  },
  {
    name: 'a record in a folder of no organisation',
    rule: 'reference/organisation',
    fixture: (content) => {
      mkdirSync(join(content, 'lessons/brackwatr'));
      renameSync(join(content, 'lessons/brackwater/chatbot-pilot.md'), join(content, 'lessons/brackwatr/chatbot-pilot.md'));
    },
    file: 'content/lessons/brackwatr/chatbot-pilot.md',
    line: 2,
    field: '',
    message: /the folder `brackwatr` should be the id of the organisation/,
    fix: /did you mean `brackwater`\? Move the file to content\/lessons\/brackwater\//,
  },
  {
    name: 'a service id not in the LGSL',
    rule: 'reference/service',
    fixture: 'reference-service',
    file: ROADMAP,
    line: 5,
    column: 12,
    field: 'services[0]',
    message: /999999, which is not in the Local Government Service List/,
    fix: /look the service up by name in data\/reference\/services\.csv/,
  },
  {
    name: 'a translation in a language the hub does not have',
    rule: 'reference/language',
    fixture: (content) =>
      replaceIn(
        join(content, 'roadmap/ashdown/garden-waste-online.md'),
        'status:',
        'translations:\n  cy: { title: Gwastraff gardd }\n  ga: { title: Dramhaíl ghairdín }\nstatus:',
      ),
    file: ROADMAP,
    line: 6,
    field: 'translations.ga',
    message: /`ga` is not one of this hub's other languages \(cy, Welsh\)/,
    fix: /use `cy`, or ask the hub's maintainers to add the language/,
  },
  {
    name: 'a translation in the hub’s main language',
    rule: 'reference/language',
    fixture: (content) =>
      replaceIn(
        join(content, 'roadmap/ashdown/garden-waste-online.md'),
        'status:',
        'translations:\n  en: { title: Garden waste }\nstatus:',
      ),
    file: ROADMAP,
    line: 5,
    field: 'translations.en',
    message: /`en` is the hub's main language \(English\): its words go in the fields themselves/,
    fix: /move them up into title and summary/,
  },
  {
    name: 'a Welsh field of version 1 of the content model',
    rule: 'schema/unknown-field',
    fixture: (content) =>
      replaceIn(join(content, 'roadmap/ashdown/garden-waste-online.md'), 'status:', 'title_cy: Gwastraff gardd\nstatus:'),
    file: ROADMAP,
    line: 4,
    field: 'title_cy',
    message: /`title_cy` is a field of version 1 of the content model: since 2\.0\.0 it is written as `translations\.cy\.title`/,
    fix: /npm run migrate -- --from 1/,
  },
  {
    name: 'a theme not in the vocabulary',
    rule: 'reference/theme',
    fixture: 'reference-theme',
    file: ROADMAP,
    line: 6,
    column: 10,
    field: 'themes[0]',
    message: /`wastes-and-recycling`, which is not a theme/,
    fix: /did you mean `waste-and-recycling`\?/,
  },
  {
    name: 'a system whose service area is not in the vocabulary',
    rule: 'reference/theme',
    fixture: 'system-service-area',
    file: 'content/organisations/brackwater.yaml',
    line: 12,
    column: 19,
    field: 'systems[0].service_area',
    message: /`systems\[0\]\.service_area` is `wastes-and-recycling`, which is not a theme/,
    fix: /did you mean `waste-and-recycling`\?/,
  },
  {
    name: 'a system with a service id not in the LGSL',
    rule: 'reference/service',
    fixture: 'system-service',
    file: 'content/organisations/brackwater.yaml',
    line: 13,
    column: 21,
    field: 'systems[0].services[1]',
    message: /`systems\[0\]\.services` lists 999999, which is not in the Local Government Service List/,
    fix: /services\.csv/,
  },
  {
    name: 'a licence id in the wrong case',
    rule: 'reference/licence',
    fixture: 'reference-licence',
    file: 'content/datasets/ashdown/bin-collection-days.yaml',
    line: 3,
    column: 10,
    field: 'licence',
    message: /`ogl-uk-3\.0`, which is not a licence id the hub knows/,
    fix: /write `OGL-UK-3\.0`/,
    expected: /an SPDX licence id from data\/reference\/licences\.csv$/,
  },
  {
    name: 'a licence id that is not in the licence list the configuration names',
    rule: 'reference/licence',
    fixture: 'reference-licence',
    config: configWith(/^licences: .*$/m, 'licences: data/reference/./licences.csv'),
    file: 'content/datasets/ashdown/bin-collection-days.yaml',
    line: 3,
    column: 10,
    field: 'licence',
    message: /`ogl-uk-3\.0`, which is not a licence id the hub knows/,
    expected: /an SPDX licence id from \/.*\/data\/reference\/\.\/licences\.csv$/,
  },
  {
    name: 'a component that does not exist',
    rule: 'reference/record',
    fixture: 'reference-record',
    file: ROADMAP,
    line: 11,
    column: 10,
    field: 'reuses[0]',
    message: /`components\/ashdown-civic-tech\/bin-day-findr`, but there is no such component/,
    fix: /did you mean `components\/ashdown-civic-tech\/bin-day-finder`\?/,
  },
  {
    name: 'a record related to itself',
    rule: 'reference/self',
    fixture: 'reference-self',
    file: 'content/lessons/brackwater/chatbot-pilot.md',
    line: 8,
    column: 48,
    field: 'related[1]',
    message: /refers to this record itself/,
    fix: /remove it/,
  },
  {
    name: 'a dataset under a non-open licence',
    rule: 'licence/not-open',
    fixture: 'licence-not-open',
    file: 'content/datasets/ashdown/bin-collection-days.yaml',
    line: 3,
    column: 10,
    field: 'licence',
    message: /CC-BY-NC-4\.0.*not an open licence/,
    fix: /OGL-UK-3\.0/,
  },
  {
    name: 'code under a licence the OSI has not approved',
    rule: 'licence/not-osi',
    fixture: 'licence-not-osi',
    file: 'content/components/ashdown-civic-tech/bin-day-finder.yaml',
    line: 4,
    column: 10,
    field: 'licence',
    message: /not approved by the Open Source Initiative/,
    fix: /MIT/,
  },
  {
    name: 'a council without a GSS code',
    rule: 'organisation/gss-required',
    fixture: 'gss-required',
    file: 'content/organisations/cinderford.yaml',
    line: 2,
    field: 'type',
    message: /a unitary needs its GSS code/,
    fix: /local-authorities\.csv/,
  },
  {
    name: 'two bodies with one GSS code',
    rule: 'organisation/gss-duplicate',
    fixture: 'gss-duplicate',
    file: 'content/organisations/cinderford.yaml',
    line: 3,
    column: 11,
    field: 'gss_code',
    message: /E99999911 is also the code of content\/organisations\/ashdown\.yaml/,
    fix: /keep one/,
    count: 2,
  },
  {
    name: 'a GSS code from another nation',
    rule: 'organisation/gss-nation',
    fixture: 'gss-nation',
    file: 'content/organisations/cinderford.yaml',
    line: 3,
    column: 11,
    field: 'gss_code',
    message: /starts with E, the letter for england, but `nation` is wales/,
    fix: /W in Wales/,
  },
  {
    name: 'a demonstration record naming a real council',
    rule: 'demonstration/mixed',
    fixture: 'demonstration-mixed',
    file: ROADMAP,
    line: 9,
    column: 24,
    field: 'partners[1]',
    message: /demonstration record names `realton`, which belongs to a real organisation/,
    fix: /only to demonstration organisations/,
  },
  {
    name: 'a harvested record with half its provenance',
    rule: 'harvest/provenance',
    fixture: 'harvest-provenance',
    file: 'content/datasets/ashdown/bin-collection-days.yaml',
    line: 11,
    column: 17,
    field: 'harvested_from',
    message: /`harvested_from` is here without `harvested_on`: the harvest sets the two together/,
    fix: /delete `harvested_from` too; otherwise put back `harvested_on`/,
  },
  {
    name: 'an end before the start',
    rule: 'dates/end-before-start',
    fixture: 'end-before-start',
    file: ROADMAP,
    line: 8,
    column: 6,
    field: 'end',
    message: /`end` \(2025-12\) is before `start` \(2026-01\)/,
    fix: /mistyped/,
  },
  {
    name: 'a contract that ends before it starts',
    rule: 'dates/end-before-start',
    fixture: 'system-contract-dates',
    file: 'content/organisations/brackwater.yaml',
    line: 15,
    column: 19,
    field: 'systems[0].contract_end',
    message: /`systems\[0\]\.contract_end` \(2026-03\) is before `contract_start` \(2027-04\)/,
    fix: /contracts register/,
  },
  {
    name: 'no themes vocabulary',
    rule: 'vocabulary/missing',
    fixture: (content) => rmSync(join(content, 'vocabularies/themes.yaml')),
    file: 'content/vocabularies/themes.yaml',
    line: 1,
    field: '',
    message: /is missing/,
    fix: /restore it/,
  },
  {
    name: 'a theme defined twice',
    rule: 'vocabulary/duplicate',
    fixture: 'vocabulary-duplicate',
    file: 'content/vocabularies/themes.yaml',
    line: 11,
    column: 9,
    field: 'themes[3].id',
    message: /`housing` is defined twice/,
    fix: /remove one/,
  },
  {
    name: 'a synonym concept defined twice',
    rule: 'vocabulary/duplicate',
    fixture: (content) =>
      writeFileSync(
        join(content, 'vocabularies/synonyms.yaml'),
        'synonyms:\n  - label: garden waste\n    phrases: [brown bin]\n  - label: Garden Waste\n    phrases: [green bin]\n',
      ),
    file: 'content/vocabularies/synonyms.yaml',
    line: 4,
    column: 12,
    field: 'synonyms[1].label',
    message: /`Garden Waste` is defined twice/,
    fix: /put all its phrases under one of them/,
  },
  {
    name: 'a synonym phrase of common words only',
    rule: 'vocabulary/phrase',
    fixture: (content) =>
      writeFileSync(
        join(content, 'vocabularies/synonyms.yaml'),
        'synonyms:\n  - label: garden waste\n    phrases:\n      - brown bin\n      - the\n',
      ),
    file: 'content/vocabularies/synonyms.yaml',
    line: 5,
    column: 9,
    field: 'synonyms[0].phrases[1]',
    message: /`the` is made only of common words/,
    fix: /words that name the thing/,
  },
  {
    name: 'a roadmap item past its review date',
    rule: 'freshness/review-due',
    severity: 'warning',
    fixture: 'review-due',
    file: ROADMAP,
    line: 13,
    column: 12,
    field: 'review_by',
    message: /due for review on 2020-01-31/,
    fix: /set review_by to a later date/,
  },
  {
    name: 'a script in Markdown',
    rule: 'content/unsafe-html',
    severity: 'warning',
    fixture: 'unsafe-html',
    file: ROADMAP,
    line: 23,
    column: 1,
    field: '',
    message: /<script> element, which is removed/,
    fix: /plain Markdown/,
  },
  {
    name: 'a list in HTML never closed',
    rule: 'content/broken-html',
    severity: 'warning',
    fixture: 'broken-html',
    file: ROADMAP,
    line: 23,
    column: 1,
    field: '',
    message: /`<ul>` opened on line 23 is never closed/,
    fix: /close the `<ul>` opened on line 23 with `<\/ul>`.*or write the list in Markdown/,
  },
  {
    name: 'an HTML table used for layout',
    rule: 'content/layout-table',
    severity: 'warning',
    fixture: 'layout-table',
    file: ROADMAP,
    line: 23,
    column: 1,
    field: '',
    message: /table opened on line 23 has no header cells/,
    fix: /Markdown table/,
  },
  {
    name: 'placeholder text left in',
    rule: 'content/placeholder',
    severity: 'warning',
    fixture: 'placeholder',
    file: ROADMAP,
    line: 2,
    column: 8,
    field: 'title',
    message: /still holds the placeholder “REPLACE THIS”/,
    fix: /your own text/,
  },
];

afterAll(removeFixtures);

function run(testCase: Case): { problems: Problem[]; text: string } {
  const content = contentFixture(typeof testCase.fixture === 'string' ? testCase.fixture : undefined);
  if (typeof testCase.fixture === 'function') testCase.fixture(content);
  const configFile = join(dirname(content), 'hub.config.yaml');
  if (typeof testCase.config === 'string') writeFileSync(configFile, testCase.config);
  const report = validateContent({
    contentDir: content,
    today: '2026-11-26',
    ...(testCase.config !== undefined ? { configFile } : {}),
  });
  return { problems: [...report.errors, ...report.warnings], text: formatText(report) };
}

describe('the baseline fixture', () => {
  it('is valid, so that each case below shows one broken rule', () => {
    const { problems } = run({ ...CASES[0], fixture: () => {}, config: undefined });
    expect(problems).toEqual([]);
  });
});

describe.each(CASES)('$rule: $name', (testCase) => {
  const { problems, text } = run(testCase);

  it(`is reported, and nothing else is`, () => {
    expect(problems.map((problem) => problem.rule)).toEqual(Array(testCase.count ?? 1).fill(testCase.rule));
  });

  it('names the file, line, column and field, and says what was wrong and how to fix it', () => {
    const problem = problems.find((candidate) => candidate.file === testCase.file);
    expect(problem, `no problem reported in ${testCase.file}: ${JSON.stringify(problems)}`).toBeDefined();
    expect(problem!.severity).toBe(testCase.severity ?? 'error');
    expect(problem!.line).toBe(testCase.line);
    if (testCase.column !== undefined) expect(problem!.column).toBe(testCase.column);
    expect(problem!.field).toBe(testCase.field);
    expect(problem!.message).toMatch(testCase.message);
    if (testCase.fix) expect(problem!.fix).toMatch(testCase.fix);
    if (testCase.expected) expect(problem!.expected).toMatch(testCase.expected);
  });

  it('prints the file, the line and the field in the text report', () => {
    const problem = problems.find((candidate) => candidate.file === testCase.file)!;
    expect(text).toContain(`${testCase.file}\n`);
    expect(text).toContain(`line ${problem.line}, column ${problem.column}${testCase.field ? `, field ${testCase.field}` : ''}`);
    expect(text).toMatch(testCase.severity === 'warning' ? /✓ .* no errors, 1 warning/ : /✗ \d+ errors? in \d+ files?/);
  });
});

describe('the rule list', () => {
  it('has a fixture case for every rule the validator can report', () => {
    const covered = new Set(CASES.map((testCase) => testCase.rule));
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule as RuleId))).toEqual([]);
  });
});
