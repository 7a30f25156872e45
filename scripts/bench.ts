/**
 * npm run bench -- [--records N] [--runs R] [--build] [--keep]
 *
 * Writes N synthetic records (default 25,000) of realistic size over the ~400 real organisations into a
 * temporary folder, then times `npm run validate` on them end to end (a fresh Node process each run, as
 * CI runs it), reporting the median of R runs (default 3). With --build it also times the full build.
 * The goal (README): 25,000 records validate in under 3 seconds on a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticContent } from './lib/synthetic-content.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '25000' },
    runs: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const records = Number(values.records);
const runs = Number(values.runs);
if (!Number.isInteger(records) || records < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --records and --runs take whole numbers above 0, e.g. npm run bench -- --records 25000 --runs 3');
  process.exit(2);
}

const target = mkdtempSync(join(tmpdir(), 'council-commons-bench-'));
const contentDir = join(target, 'content');
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  console.log(`Machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  console.log(`Writing ${records.toLocaleString('en-GB')} synthetic records to ${contentDir} …`);
  let start = process.hrtime.bigint();
  const written = writeSyntheticContent({
    records,
    target: contentDir,
    source: join(root, 'content'),
    onProgress: (count) => process.stdout.write(`  ${count.toLocaleString('en-GB')} written\n`),
  });
  console.log(`Wrote ${written.records.toLocaleString('en-GB')} records for ${written.organisations} organisations in ${seconds(start).toFixed(1)} s.`);

  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(root, 'scripts/validate.ts'), '--content', contentDir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const elapsed = seconds(start);
    if (result.status !== 0) {
      console.error(`Run ${run}: the validator exited ${result.status}; the synthetic content should be valid.\n${result.stderr}${result.stdout.slice(0, 2000)}`);
      process.exit(1);
    }
    const report = JSON.parse(result.stdout) as { records: number };
    times.push(elapsed);
    console.log(`Run ${run} of ${runs}: validated ${report.records.toLocaleString('en-GB')} files in ${elapsed.toFixed(2)} s`);
  }
  const validateSeconds = median(times);
  console.log(`\nnpm run validate, ${written.records.toLocaleString('en-GB')} records (+ ${written.organisations} organisations): median ${validateSeconds.toFixed(2)} s over ${runs} run(s)` +
    (records === 25000 ? ` (goal: under 3 s: ${validateSeconds < 3 ? 'met' : 'NOT met'})` : ''));

  if (values.build) {
    console.log(`\nBuilding the site from ${written.records.toLocaleString('en-GB')} records …`);
    start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      env: { ...process.env, HUB_CONTENT_DIR: contentDir, HUB_OUT_DIR: join(target, 'dist') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) {
      console.error(`The build exited ${result.status}.`);
      process.exit(1);
    }
    console.log(`npm run build, ${written.records.toLocaleString('en-GB')} records: ${seconds(start).toFixed(1)} s`);
  }
} finally {
  if (values.keep) console.log(`Kept ${target}`);
  else rmSync(target, { recursive: true, force: true });
}
