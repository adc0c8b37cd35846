/**
 * `propose` over a large file on several cores: the patients are independent, so the bundled
 * command line (scripts/tdm.mjs) starts worker threads that each compute every k-th patient
 * (CliOptions.shard) and the main thread writes their lines back in the file's order, each as soon
 * as the lines before it are written. The output is the same as one thread's, line for line; only
 * the wall clock differs. Not for `--calibrate` (every patient's options come from the whole
 * file's track record), standard input (read once) or small files (starting a thread costs more
 * than it saves). `TDM_WORKERS=1` switches it off; `TDM_WORKERS=N` sets the number of threads.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cliText, tdm } from './text';

/** Files smaller than this are computed in one thread (about 60 patients of a typical TDM CSV). */
export const PARALLEL_MIN_BYTES = 48 * 1024;
export const MAX_WORKERS = 8;

/** How many threads `argv` should run on (1: the plain way). */
export function threadsFor(argv: string[], env: Record<string, string | undefined>, bundled: boolean, cores = availableParallelism()): number {
  const [command, file] = argv;
  if (!bundled || command !== 'propose' || !file || file === '-' || file.startsWith('-')) return 1;
  if (argv.some((a) => a === '--calibrate' || a === '--help' || a === '-h')) return 1;
  const asked = env.TDM_WORKERS === undefined ? NaN : Number(env.TDM_WORKERS);
  const n = Number.isInteger(asked) && asked >= 1 ? asked : Math.min(cores, MAX_WORKERS);
  if (n <= 1) return 1;
  try {
    if (statSync(file).size < PARALLEL_MIN_BYTES) return 1;
  } catch {
    return 1; // the one-thread run says why the file cannot be read
  }
  return n;
}

/** A message from a worker: a line for standard output or error, or its end. */
export type ShardMessage =
  | { kind: 'out' | 'err'; line: string }
  | { kind: 'done'; status: number; stdout: string[]; stderr: string[] };

/**
 * Run `argv` on `count` worker threads of `script` (this bundle), writing standard output in the
 * file's order (one line per patient: `propose`). Resolves to the exit status (the worst shard's).
 */
export function runParallel(script: URL, argv: string[], count: number, write: { out(line: string): void; err(line: string): void }): Promise<number> {
  const queues: string[][] = Array.from({ length: count }, () => []);
  let next = 0; // position of the next line to write (shard next % count)
  let status = 0;
  let unstreamed: { stdout: string[]; stderr: string[] } | null = null;
  const flush = () => {
    for (;;) {
      const q = queues[next % count];
      if (q.length === 0) break;
      write.out(q.shift()!);
      next++;
    }
  };
  return new Promise((resolve) => {
    let open = count;
    for (let index = 0; index < count; index++) {
      const w = new Worker(script, { workerData: { tdmShard: { index, count }, argv } });
      w.on('message', (m: ShardMessage) => {
        if (m.kind === 'out') { queues[index].push(m.line); flush(); }
        else if (m.kind === 'err') write.err(m.line);
        else if (m.kind === 'done') {
          status = Math.max(status, m.status);
          // Usage and whole-file errors come before any patient, alike in every shard: shard 0's.
          if (index === 0 && (m.stdout.length || m.stderr.length)) unstreamed = { stdout: m.stdout, stderr: m.stderr };
        }
      });
      w.on('error', (e) => { write.err(tdm(cliText('internal-error', { message: e.message }))); status = 2; });
      w.on('exit', () => {
        if (--open > 0) return;
        flush();
        // Any lines left (a shard that stopped early): in shard order, so none is lost.
        for (const q of queues) while (q.length) write.out(q.shift()!);
        if (unstreamed) {
          const u: { stdout: string[]; stderr: string[] } = unstreamed;
          for (const l of u.stdout) write.out(l);
          for (const l of u.stderr) write.err(l);
        }
        resolve(status);
      });
    }
  });
}
