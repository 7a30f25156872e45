/**
 * Every check the validator makes, with what it means. CONTRIBUTING.md lists them, and a test makes sure
 * each one has a fixture that breaks it.
 */
export const RULES = {
  'config/missing': 'The hub’s configuration file (hub.config.yaml, or the file HUB_CONFIG names) does not exist.',
  'config/licence': 'The configuration’s default licence is not in its licence list, or is not open.',
  'config/file': 'A file the configuration names (its licence list or service list) is missing or cannot be read.',
  'config/duplicate':
    'An organisation type, nation or language listed twice in the configuration (organisations.types, organisations.nations, languages).',
  'config/pattern': 'The configuration’s official-code pattern is not a regular expression, or its own example does not match it.',
  'config/ui-text': 'A UI text file (translations/<code>.yaml) puts in braces something the hub cannot fill in.',
  'config/code': 'The configuration has registered organisation types but does not say what code they carry (organisations.code).',
  'path/unknown-location': 'The file is in a folder the hub does not read, or at the wrong depth.',
  'path/extension': 'The file type is not one the collection takes (.md or .yaml).',
  'path/slug': 'A file or folder name is not a valid slug: lowercase a-z, 0-9 and single hyphens, at most 80 characters.',
  'path/reserved-id': 'An organisation id that is a word the site uses in its addresses, such as page or status.',
  'path/symlink': 'The file is a symbolic link; content must be real files inside content/.',
  'path/too-large': 'The file is bigger than 256 KiB.',
  'path/duplicate-id': 'Two files give the same record id, e.g. x.md and x.yaml in one folder.',
  'file/empty': 'The file is empty.',
  'file/encoding': 'The file is not UTF-8 text.',
  'markdown/front-matter': 'A Markdown record does not start with front matter between --- lines.',
  'yaml/syntax': 'The YAML cannot be read.',
  'yaml/duplicate-key': 'A field appears twice.',
  'yaml/aliases': 'The YAML expands aliases too many times.',
  'yaml/not-fields': 'The YAML is not a set of "field: value" lines.',
  'schema/required': 'A required field is missing.',
  'schema/unknown-field': 'A field the record type does not have (often a misspelling).',
  'schema/type': 'A value of the wrong kind, e.g. text where a list is expected.',
  'schema/enum': 'A value that is not one of the allowed words (an organisation’s type and nation: those hub.config.yaml lists).',
  'schema/format': 'A value in the wrong format: dates, months, web addresses, ids, codes (a gss_code: the pattern hub.config.yaml gives).',
  'schema/length': 'Text or a list that is too long or empty.',
  'reference/organisation': 'An organisation id (the folder, partners, county, combined authority) with no file in content/organisations.',
  'reference/service': 'A service id (in services, or in an organisation’s systems) that is not in the Local Government Service List.',
  'reference/theme': 'A theme, or a system’s service_area, that is not in content/vocabularies/themes.yaml.',
  'reference/licence':
    'A licence id that is not in the hub’s licence list (data/reference/licences.csv unless hub.config.yaml names another).',
  'reference/language': 'A translation under a language code that is not one of the hub’s other languages (languages in hub.config.yaml).',
  'reference/record': 'A record id (uses, reuses, related, adopted_from) that matches no record.',
  'reference/self': 'A record that refers to itself.',
  'licence/not-open': 'A licence that is not open, on a record, dataset or non-code component.',
  'licence/not-osi': 'A code component whose licence is not approved by the Open Source Initiative.',
  'organisation/gss-required': 'A body of a registered type (a council or combined authority) without its official code (a GSS code).',
  'organisation/gss-duplicate': 'Two organisations with the same official code (gss_code).',
  'organisation/gss-nation': 'An official code (gss_code) whose first letter does not match the nation, as hub.config.yaml pairs them.',
  'demonstration/mixed': 'Demonstration (fictional) content and real content referring to each other.',
  'dates/end-before-start': 'A roadmap item whose end is before its start, or a system whose contract_end is before its contract_start.',
  'harvest/provenance': 'A record with harvested_from but no harvested_on, or the other way round: the harvest sets both.',
  'vocabulary/missing': 'content/vocabularies/themes.yaml is missing.',
  'vocabulary/duplicate': 'A theme id, or a concept of content/vocabularies/synonyms.yaml, defined twice.',
  'vocabulary/phrase': 'A synonym phrase made only of common words or numbers ("the", "online"), which would match nearly every record.',
  'freshness/review-due': 'Warning: a roadmap item is past its review_by date.',
  'content/unsafe-html': 'Warning: Markdown holds a script, iframe, event handler or javascript: link, which the build removes.',
  'content/broken-html':
    'Warning: HTML in the Markdown left unclosed, closed in the wrong order or outside its list (a list, table, block or text style).',
  'content/layout-table':
    'Warning: an HTML table used for layout: it has no header cells (`<th>`), holds another table, or says role="presentation".',
  'content/placeholder': 'Warning: the record still has placeholder text from npm run new.',
} as const;

export type RuleId = keyof typeof RULES;
