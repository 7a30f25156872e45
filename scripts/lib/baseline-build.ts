/**
 * The bare baseline the hub's build is compared with (bench/baseline/): Astro 7 with a glob loader, one zod
 * schema, one page per record and one per organisation, then Pagefind's CLI over its HTML. Built from the
 * same content folder, in the same benchmark run, so that the ratio of the two holds on a machine whose
 * absolute speed varies from hour to hour.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured, type MeasuredRun } from './measured-run.ts';

export interface BaselineBuild {
  astroSeconds: number;
  pagefindSeconds: number;
  seconds: number;
  peakKb: number;
  pages: number;
  status: number | null;
  tail: string[];
}

function measured(run: MeasuredRun, pages: number): Omit<BaselineBuild, 'astroSeconds' | 'pagefindSeconds'> {
  return { seconds: run.seconds, peakKb: run.peakKb, pages, status: run.status, tail: run.tail };
}

/** Builds the baseline from `contentDir` into `outDir` (cold: its content-layer cache is cleared first) and indexes it. */
export async function buildBaseline(
  root: string,
  contentDir: string,
  outDir: string,
  onProgress: (line: string) => void = () => {},
): Promise<BaselineBuild> {
  const site = join(root, 'bench/baseline');
  rmSync(join(site, 'node_modules/.astro'), { recursive: true, force: true });
  rmSync(join(site, '.astro'), { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  // The same Astro and Pagefind the hub builds with (scripts/build.ts starts Astro the same way).
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const pagefind = join(root, 'node_modules/pagefind/lib/runner/bin.cjs');
  let pages = 0;
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASELINE_CONTENT_DIR: contentDir, BASELINE_OUT_DIR: outDir };
  const astroRun = await runMeasured(process.execPath, [astro, 'build'], {
    cwd: site,
    env,
    steps: [],
    onLine: (line) => {
      if (/[├└]─ \//.test(line)) pages++;
      else if (/\[build\] .*page\(s\) built in/.test(line)) onProgress(`    baseline: ${line.replace(/^\d\d:\d\d:\d\d /, '')}`);
    },
  });
  if (astroRun.status !== 0) return { ...measured(astroRun, pages), astroSeconds: astroRun.seconds, pagefindSeconds: 0 };
  const pagefindRun = await runMeasured(process.execPath, [pagefind, '--site', outDir], { cwd: site, env, steps: [] });
  return {
    astroSeconds: astroRun.seconds,
    pagefindSeconds: pagefindRun.seconds,
    seconds: astroRun.seconds + pagefindRun.seconds,
    peakKb: Math.max(astroRun.peakKb, pagefindRun.peakKb),
    pages,
    status: pagefindRun.status,
    tail: pagefindRun.status === 0 ? [] : pagefindRun.tail,
  };
}
