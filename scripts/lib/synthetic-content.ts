/**
 * Synthetic content for the benchmark: N records of realistic size spread over the real organisations,
 * in the proportions a mature hub might have, with references between them. Seeded, so every run writes
 * the same files. Every record it writes is valid (a test checks this), so the benchmark times the
 * validator's full path, references included.
 *
 * The text is made of the demonstration records' own sentences and title words, so that words are as
 * common as in real records: each record draws 92% of its sentences and title words from one
 * demonstration record (its topic) and the rest from all of them, and its themes from the whole
 * vocabulary. Words are then in about as many records as in the demonstration content (a word with the
 * stem "hous" in about a fifth, "council" in about two thirds), which matters to the size of the
 * search index a search downloads. (Drawn from a list of 72 words, as before, every word was in 86% of
 * records.)
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { loadServices } from '../../src/lib/reference-data.ts';

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHARE = [
  ['roadmap', 0.35],
  ['lessons', 0.2],
  ['components', 0.2],
  ['datasets', 0.15],
  ['principles', 0.1],
] as const;

const WORDS = (
  'residents council service online form data team users research digital housing waste repairs payments account ' +
  'booking report request support care school transport planning licence library parking benefits tax discovery ' +
  'alpha beta prototype testing accessibility content design platform integration supplier contract procurement ' +
  'case management workflow notification email text message appointment assessment eligibility evidence outcome'
).split(' ');

const STATUSES = ['idea', 'discovery', 'alpha', 'beta', 'live', 'paused', 'stopped', 'retired'];
const KINDS = ['code', 'design-component', 'service-pattern', 'process', 'content', 'api', 'tool', 'template', 'standard'];

/** One demonstration record's text. */
interface DemonstrationRecord {
  /** Its summary and body, as plain sentences. */
  sentences: string[];
  titleWords: string[];
  summary: string;
}

/** Markdown to plain sentences: no headings, tables, code or markup; links keep their text. */
export function plainSentences(markdown: string): string[] {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\r?\n/)
    .filter((line) => !/^\s*(#|\||```|<)/.test(line))
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').replace(/^\s*>\s?/, ''))
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`<>\\|]/g, '')
    .replace(/\s+/g, ' ');
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z“"‘'(])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 30 && sentence.length <= 300 && /[.!?]$/.test(sentence));
}

/** The demonstration records' text: their titles' words, their summaries and their bodies' sentences. */
export function demonstrationText(source: string): DemonstrationRecord[] {
  const records: DemonstrationRecord[] = [];
  for (const [collection] of SHARE) {
    let organisations: string[];
    try {
      organisations = readdirSync(join(source, collection));
    } catch {
      continue;
    }
    for (const organisation of organisations.sort()) {
      for (const file of readdirSync(join(source, collection, organisation)).sort()) {
        const raw = readFileSync(join(source, collection, organisation, file), 'utf8');
        const front = file.endsWith('.md') ? /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw) : null;
        const data = loadYaml(front ? front[1] : raw) as { title?: unknown; summary?: unknown } | null;
        if (typeof data?.title !== 'string' || typeof data.summary !== 'string') continue;
        const summary = data.summary.replace(/\s+/g, ' ').trim();
        records.push({
          sentences: plainSentences(`${summary}\n\n${front ? front[2] : ''}`),
          titleWords: data.title
            .split(/\s+/)
            .map((word) => word.replace(/[^\p{L}\p{N}'’-]/gu, ''))
            .filter((word) => /\p{L}/u.test(word)),
          summary: summary.length <= 450 ? summary : `${summary.slice(0, summary.lastIndexOf(' ', 440))}.`,
        });
      }
    }
  }
  return records;
}

export interface SyntheticOptions {
  records: number;
  /** Folder to write into; it gets organisations/, vocabularies/ and the record folders. */
  target: string;
  /** The real content folder, whose organisations and themes are copied. */
  source: string;
  seed?: number;
  onProgress?: (written: number) => void;
}

export function writeSyntheticContent(options: SyntheticOptions): { organisations: number; records: number } {
  const random = seededRandom(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items))),
  ];
  // A record's words come mostly from its topic (a demonstration record with a body), like a real record
  // that keeps to its subject, and a few from any demonstration record.
  const demonstration = demonstrationText(options.source);
  const topicRecords = demonstration.filter((record) => record.sentences.length >= 8);
  if (topicRecords.length < 2) throw new Error(`writeSyntheticContent: ${options.source} has too little demonstration text to draw from`);
  const allSentences = demonstration.flatMap((record) => record.sentences);
  let topic: DemonstrationRecord = topicRecords[0];
  const sentence = () => (random() < 0.92 ? pick(topic.sentences) : pick(allSentences));
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
  const shortSentence = () => {
    const text = sentence();
    return text.length <= 140 ? text : `${text.slice(0, text.lastIndexOf(' ', 130))}.`;
  };
  const titleText = () => {
    const words = Array.from({ length: 4 + Math.floor(random() * 4) }, () =>
      pick(random() < 0.92 ? topic.titleWords : pick(demonstration).titleWords),
    );
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}`.slice(0, 140);
  };
  const month = () => `${2024 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
  const serviceIds = [...loadServices().keys()].slice(0, 400);

  // The register's bodies only: demonstration organisations refer to demonstration records not copied here.
  cpSync(join(options.source, 'organisations'), join(options.target, 'organisations'), {
    recursive: true,
    filter: (path) => !path.endsWith('.yaml') || !/^demonstration:\s*true/m.test(readFileSync(path, 'utf8')),
  });
  cpSync(join(options.source, 'vocabularies'), join(options.target, 'vocabularies'), { recursive: true });
  const organisations = readdirSync(join(options.target, 'organisations')).map((name) => name.replace(/\.yaml$/, ''));
  // Every theme in the vocabulary, as a real hub's records would use them.
  const themeIds = (
    loadYaml(readFileSync(join(options.target, 'vocabularies/themes.yaml'), 'utf8')) as { themes: { id: string }[] }
  ).themes.map((theme) => theme.id);

  // Decide every record's id first, so that references can point at records that exist.
  const plan: { collection: string; organisation: string; slug: string }[] = [];
  for (let i = 0; i < options.records; i++) {
    let roll = random();
    let collection: string = SHARE[0][0];
    for (const [name, share] of SHARE) {
      if (roll < share) {
        collection = name;
        break;
      }
      roll -= share;
    }
    plan.push({ collection, organisation: organisations[i % organisations.length], slug: `${pick(WORDS)}-${pick(WORDS)}-${i}` });
  }
  const components = plan
    .filter((record) => record.collection === 'components')
    .map((record) => `components/${record.organisation}/${record.slug}`);
  const principles = plan
    .filter((record) => record.collection === 'principles')
    .map((record) => `principles/${record.organisation}/${record.slug}`);
  const roadmap = plan.filter((record) => record.collection === 'roadmap').map((record) => `roadmap/${record.organisation}/${record.slug}`);

  const createdFolders = new Set<string>();
  plan.forEach((record, index) => {
    const folder = join(options.target, record.collection, record.organisation);
    if (!createdFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      createdFolders.add(folder);
    }
    const id = `${record.collection}/${record.organisation}/${record.slug}`;
    topic = pick(topicRecords);
    const title = JSON.stringify(titleText());
    const summary = JSON.stringify(random() < 0.5 ? topic.summary : `${shortSentence()} ${shortSentence()}`);
    const services = `[${some(serviceIds, 3).join(', ')}]`;
    const themes = `[${some(themeIds, 2).join(', ')}]`;
    const body = [
      `## What we did\n\n${paragraph()}`,
      `## What we learned\n\n${paragraph()}\n\n- ${shortSentence()}\n- ${shortSentence()}\n- ${shortSentence()}`,
      `## Next\n\n${paragraph()} Read more on [our blog](https://www.example.gov.uk/blog/${record.slug}).`,
    ].join('\n\n');
    let text: string;
    switch (record.collection) {
      case 'roadmap': {
        const start = month();
        const reuses = components.length && random() < 0.3 ? `\nreuses: [${pick(components)}]` : '';
        const otherOrganisation = organisations[(index * 7 + 3) % organisations.length];
        const partnerOrganisation =
          otherOrganisation === record.organisation ? organisations[(index + 1) % organisations.length] : otherOrganisation;
        const partner = random() < 0.2 ? `\npartners: [${partnerOrganisation}]` : '';
        text =
          `---\ntitle: ${title}\nsummary: ${summary}\nstatus: ${pick(STATUSES)}\nservices: ${services}\nthemes: ${themes}\n` +
          `start: ${start}\nend: ${String(Number(start.slice(0, 4)) + 1)}${start.slice(4)}\n` +
          `looking_for: [partners]${reuses}${partner}\ncontact: digital@example.gov.uk\nreview_by: 2099-03-31\n---\n\n${body}\n`;
        break;
      }
      case 'principles': {
        const adopted = principles.length > 1 && random() < 0.3 ? pick(principles) : undefined;
        text =
          `---\ntitle: ${title}\nsummary: ${summary}${adopted && adopted !== id ? `\nadopted_from: ${adopted}` : ''}\n` +
          `themes: ${themes}\n---\n\n${body}\n`;
        break;
      }
      case 'lessons': {
        const related = roadmap.length && random() < 0.5 ? `\nrelated: [${pick(roadmap)}]` : '';
        text =
          `---\ntitle: ${title}\nsummary: ${summary}\ndate: ${month()}-15\n` +
          `outcome: ${pick(['worked', 'mixed', 'did-not-work', 'abandoned'])}\nservices: ${services}\n` +
          `themes: ${themes}${related}\n---\n\n${body}\n`;
        break;
      }
      case 'datasets':
        text =
          `title: ${title}\nsummary: ${summary}\nlicence: OGL-UK-3.0\n` +
          `landing_url: https://data.example.gov.uk/dataset/${record.slug}\ndistributions:\n` +
          `  - url: https://data.example.gov.uk/${record.slug}.csv\n    format: CSV\n    media_type: text/csv\n` +
          `update_frequency: monthly\nservices: ${services}\nthemes: ${themes}\nstandards: [Open Referral UK]\n`;
        break;
      default: {
        const kind = pick(KINDS);
        text =
          `title: ${title}\nsummary: ${summary}\nkind: ${kind}\nlicence: ${kind === 'code' ? 'MIT' : 'OGL-UK-3.0'}\n` +
          `repository_url: https://github.com/example/${record.slug}\n` +
          `development_status: ${pick(['concept', 'development', 'beta', 'stable'])}\n` +
          `maintenance: ${pick(['internal', 'contract', 'community'])}\nservices: ${services}\nthemes: ${themes}\n`;
      }
    }
    writeFileSync(
      join(folder, `${record.slug}.${record.collection === 'datasets' || record.collection === 'components' ? 'yaml' : 'md'}`),
      text,
    );
    if (options.onProgress && (index + 1) % 5000 === 0) options.onProgress(index + 1);
  });
  return { organisations: organisations.length, records: plan.length };
}
