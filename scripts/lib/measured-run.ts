/**
 * Runs a command and measures it: wall time in total and per step (a step starts at the output line
 * that names it), and peak memory as the largest resident set of any one process in its tree.
 *
 * Peak memory comes from two sources. /usr/bin/time (GNU time, where present) reports the exact
 * largest peak of the command and every descendant it waited for. /proc is sampled as well, to tell
 * which step and which process it was: each sample takes every process's current resident set and,
 * for processes the command started, their high-water mark so far (VmHWM), which the kernel keeps, so
 * that a spike between two samples is not missed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeMemory, type ProcessMemory } from './process-memory.ts';

export interface StepRule {
  name: string;
  /** The output line that starts this step. */
  starts: RegExp;
}

export interface StepMeasure {
  name: string;
  seconds: number;
  /** Largest resident set of one process during the step, in KiB (0 if never sampled). */
  peakKb: number;
  /** Which process that was. */
  peakProcess: string;
}

export interface MeasuredRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** Largest resident set of any one process, in KiB. */
  peakKb: number;
  /** 'time' when GNU time measured it exactly, 'proc' when only sampled. */
  peakSource: 'time' | 'proc';
  peakProcess: string;
  /**
   * The most memory the whole process tree held at once (the sum of every process's resident set at one
   * sample), in KiB: what a machine needs when several processes build side by side. Sampled.
   */
  treePeakKb: number;
  steps: StepMeasure[];
  /** The last lines of output, for reporting a failure. */
  tail: string[];
}

export interface Progress {
  step: string;
  stepSeconds: number;
  seconds: number;
  /** Largest resident set of one process right now, in KiB. */
  rssKb: number;
  lines: number;
}

export interface MeasuredRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  steps: StepRule[];
  /** Every line of output, as it comes. */
  onLine?: (line: string) => void;
  /** Called every progressEveryMs while the command runs. */
  onProgress?: (progress: Progress) => void;
  progressEveryMs?: number;
  sampleEveryMs?: number;
}

const GNU_TIME = '/usr/bin/time';

/** A short name for a process: its program and, for node, the script it runs. */
export function describeProcess(memory: ProcessMemory): string {
  const parts = memory.command.split(' ');
  const program = parts[0] ? parts[0].split('/').at(-1)! : memory.name;
  if (program !== 'node') return program;
  const script = parts.slice(1).find((part) => !part.startsWith('-') && /[/.]/.test(part));
  return script ? `node ${script.split('/').slice(-2).join('/')}` : program;
}

export function runMeasured(command: string, args: string[], options: MeasuredRunOptions): Promise<MeasuredRun> {
  const useTime = existsSync(GNU_TIME);
  const timeDir = useTime ? mkdtempSync(join(tmpdir(), 'measured-run-')) : undefined;
  const timeFile = timeDir ? join(timeDir, 'peak') : undefined;
  const child = useTime
    ? spawn(GNU_TIME, ['-f', '%M', '-o', timeFile!, command, ...args], {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });

  const start = process.hrtime.bigint();
  const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
  const steps: (StepMeasure & { started: bigint })[] = [];
  const tail: string[] = [];
  let lines = 0;
  let currentRss = 0;
  let overall = { kb: 0, process: '' };
  let treePeakKb = 0;

  const current = () => steps.at(-1);
  const note = (kb: number, memory: ProcessMemory, step: (typeof steps)[number] | undefined) => {
    if (kb > overall.kb) overall = { kb, process: describeProcess(memory) };
    if (step && kb > step.peakKb) {
      step.peakKb = kb;
      step.peakProcess = describeProcess(memory);
    }
  };
  let rootPid: number | undefined;
  const sample = () => {
    if (child.pid === undefined) return;
    // Under GNU time, the command is time's only child.
    rootPid ??= useTime
      ? treeMemory(child.pid).find((memory) => memory.pid !== child.pid && memory.command.startsWith(command))?.pid
      : child.pid;
    currentRss = 0;
    let together = 0;
    for (const memory of treeMemory(child.pid)) {
      currentRss = Math.max(currentRss, memory.rssKb);
      // GNU time itself is tiny; the command (npm, node) and everything it started count.
      if (memory.pid !== child.pid || !useTime) together += memory.rssKb;
      // A process's high-water mark so far counts for the step now running, unless the process is the
      // command itself (or GNU time around it), which runs through every step: only its samples count.
      note(memory.pid === rootPid || memory.pid === child.pid ? memory.rssKb : Math.max(memory.rssKb, memory.peakKb), memory, current());
    }
    treePeakKb = Math.max(treePeakKb, together);
  };

  const onLine = (line: string) => {
    lines++;
    tail.push(line);
    if (tail.length > 200) tail.shift();
    const rule = options.steps.find((candidate) => candidate.starts.test(line));
    if (rule) {
      const previous = current();
      if (previous) previous.seconds = elapsed(previous.started);
      sample();
      steps.push({ name: rule.name, seconds: 0, peakKb: 0, peakProcess: '', started: process.hrtime.bigint() });
    }
    options.onLine?.(line);
  };
  const split = (stream: NodeJS.ReadableStream) => {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      parts.forEach(onLine);
    });
    stream.on('end', () => {
      if (buffer) onLine(buffer);
    });
  };
  split(child.stdout!);
  split(child.stderr!);

  const sampler = setInterval(sample, options.sampleEveryMs ?? 200);
  const progress = options.onProgress
    ? setInterval(() => {
        const step = current();
        options.onProgress!({
          step: step?.name ?? 'starting',
          stepSeconds: step ? elapsed(step.started) : 0,
          seconds: elapsed(start),
          rssKb: currentRss,
          lines,
        });
      }, options.progressEveryMs ?? 10_000)
    : undefined;

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearInterval(sampler);
      if (progress) clearInterval(progress);
      const seconds = elapsed(start);
      const last = current();
      if (last) last.seconds = elapsed(last.started);
      let peakKb = overall.kb;
      let peakSource: MeasuredRun['peakSource'] = 'proc';
      if (timeFile && existsSync(timeFile)) {
        // GNU time writes "Command exited with non-zero status N" before the figure when it fails.
        const figure = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
        if (Number.isFinite(figure) && figure > 0) {
          peakKb = Math.max(peakKb, figure);
          peakSource = 'time';
        }
      }
      if (timeDir) rmSync(timeDir, { recursive: true, force: true });
      resolve({
        status,
        signal,
        seconds,
        peakKb,
        peakSource,
        peakProcess: overall.process,
        treePeakKb,
        steps: steps.map(({ started: _started, ...step }) => step),
        tail,
      });
    });
  });
}
