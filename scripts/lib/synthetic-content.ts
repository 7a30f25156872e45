/**
 * Synthetic content for the benchmark: N records of realistic size spread over the real organisations,
 * in the proportions a mature hub might have, with references between them. Seeded, so every run writes
 * the same files. Every record it writes is valid (a test checks this), so the benchmark times the
 * validator's full path, references included.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const THEMES = ['waste-and-recycling', 'housing', 'adult-social-care', 'payments', 'customer-service', 'data-and-insight', 'accessibility', 'forms-and-case-management'];
const STATUSES = ['idea', 'discovery', 'alpha', 'beta', 'live', 'paused', 'stopped', 'retired'];
const KINDS = ['code', 'design-component', 'service-pattern', 'process', 'content', 'api', 'tool', 'template', 'standard'];

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
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items)))];
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(8 + Math.floor(random() * 10))).join(' ');
  const month = () => `${2024 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
  const serviceIds = [...loadServices().keys()].slice(0, 400);

  // The register's bodies only: demonstration organisations refer to demonstration records not copied here.
  cpSync(join(options.source, 'organisations'), join(options.target, 'organisations'), {
    recursive: true,
    filter: (path) => !path.endsWith('.yaml') || !/^demonstration:\s*true/m.test(readFileSync(path, 'utf8')),
  });
  cpSync(join(options.source, 'vocabularies'), join(options.target, 'vocabularies'), { recursive: true });
  const organisations = readdirSync(join(options.target, 'organisations')).map((name) => name.replace(/\.yaml$/, ''));

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
  const components = plan.filter((record) => record.collection === 'components').map((record) => `components/${record.organisation}/${record.slug}`);
  const principles = plan.filter((record) => record.collection === 'principles').map((record) => `principles/${record.organisation}/${record.slug}`);
  const roadmap = plan.filter((record) => record.collection === 'roadmap').map((record) => `roadmap/${record.organisation}/${record.slug}`);

  const createdFolders = new Set<string>();
  plan.forEach((record, index) => {
    const folder = join(options.target, record.collection, record.organisation);
    if (!createdFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      createdFolders.add(folder);
    }
    const id = `${record.collection}/${record.organisation}/${record.slug}`;
    const title = sentence(4 + Math.floor(random() * 5)).slice(0, -1);
    const summary = sentence(20 + Math.floor(random() * 15));
    const services = `[${some(serviceIds, 3).join(', ')}]`;
    const themes = `[${some(THEMES, 2).join(', ')}]`;
    const body = [
      `## What we did\n\n${paragraph()}`,
      `## What we learned\n\n${paragraph()}\n\n- ${sentence(6)}\n- ${sentence(7)}\n- ${sentence(5)}`,
      `## Next\n\n${paragraph()} Read more on [our blog](https://www.example.gov.uk/blog/${record.slug}).`,
    ].join('\n\n');
    let text: string;
    switch (record.collection) {
      case 'roadmap': {
        const start = month();
        const reuses = components.length && random() < 0.3 ? `\nreuses: [${pick(components)}]` : '';
        const partner = random() < 0.2 ? `\npartners: [${organisations[(index * 7 + 3) % organisations.length] === record.organisation ? organisations[(index + 1) % organisations.length] : organisations[(index * 7 + 3) % organisations.length]}]` : '';
        text = `---\ntitle: ${title}\nsummary: ${summary}\nstatus: ${pick(STATUSES)}\nservices: ${services}\nthemes: ${themes}\nstart: ${start}\nend: ${String(Number(start.slice(0, 4)) + 1)}${start.slice(4)}\nlooking_for: [partners]${reuses}${partner}\ncontact: digital@example.gov.uk\nreview_by: 2099-03-31\n---\n\n${body}\n`;
        break;
      }
      case 'principles': {
        const adopted = principles.length > 1 && random() < 0.3 ? pick(principles) : undefined;
        text = `---\ntitle: ${title}\nsummary: ${summary}${adopted && adopted !== id ? `\nadopted_from: ${adopted}` : ''}\nthemes: ${themes}\n---\n\n${body}\n`;
        break;
      }
      case 'lessons': {
        const related = roadmap.length && random() < 0.5 ? `\nrelated: [${pick(roadmap)}]` : '';
        text = `---\ntitle: ${title}\nsummary: ${summary}\ndate: ${month()}-15\noutcome: ${pick(['worked', 'mixed', 'did-not-work', 'abandoned'])}\nservices: ${services}\nthemes: ${themes}${related}\n---\n\n${body}\n`;
        break;
      }
      case 'datasets':
        text = `title: ${title}\nsummary: ${summary}\nlicence: OGL-UK-3.0\nlanding_url: https://data.example.gov.uk/dataset/${record.slug}\ndistributions:\n  - url: https://data.example.gov.uk/${record.slug}.csv\n    format: CSV\n    media_type: text/csv\nupdate_frequency: monthly\nservices: ${services}\nthemes: ${themes}\nstandards: [Open Referral UK]\n`;
        break;
      default: {
        const kind = pick(KINDS);
        text = `title: ${title}\nsummary: ${summary}\nkind: ${kind}\nlicence: ${kind === 'code' ? 'MIT' : 'OGL-UK-3.0'}\nrepository_url: https://github.com/example/${record.slug}\ndevelopment_status: ${pick(['concept', 'development', 'beta', 'stable'])}\nmaintenance: ${pick(['internal', 'contract', 'community'])}\nservices: ${services}\nthemes: ${themes}\n`;
      }
    }
    writeFileSync(join(folder, `${record.slug}.${record.collection === 'datasets' || record.collection === 'components' ? 'yaml' : 'md'}`), text);
    if (options.onProgress && (index + 1) % 5000 === 0) options.onProgress(index + 1);
  });
  return { organisations: organisations.length, records: plan.length };
}
