/**
 * `npm run -s tdm -- propose|predict FILE.csv ...` (shared/spec/cli.md): the same core as the app
 * over a whole CSV. JSON Lines on standard output, messages for people on standard error, each
 * patient's line written as soon as it is computed. Exit status: 0 every patient computed; 1 some
 * patient not (its line carries the error); 2 the file or the arguments cannot be used at all.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runCli } from './run';
import { runParallel, threadsFor, type ShardMessage } from './parallel';
import { terminalSafe } from './terminal';
import { cliText, tdm } from './text';

function readInput(file: string): Buffer {
  return file === '-' ? readFileSync(0) : readFileSync(file);
}

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** A worker thread of a parallel `propose` (src/cli/parallel.ts): its share of the patients. */
function runShard(data: { tdmShard: { index: number; count: number }; argv: string[] }): void {
  const post = (m: ShardMessage) => parentPort!.postMessage(m);
  let streamed = false;
  try {
    const sink = {
      out(line: string) { streamed = true; post({ kind: 'out', line }); },
      err(line: string) { streamed = true; post({ kind: 'err', line }); },
    };
    const result = runCli(data.argv, readInput, { sink, clock: () => performance.now(), shard: data.tdmShard });
    post({ kind: 'done', status: result.status, stdout: streamed ? [] : result.stdout, stderr: streamed ? [] : result.stderr });
  } catch (e) {
    post({ kind: 'err', line: tdm(cliText('internal-error', { message: terminalSafe((e as Error).message) })) });
    post({ kind: 'done', status: 2, stdout: [], stderr: [] });
  }
}

/** The plain run: one thread, each line written as soon as it is computed. */
function runHere(argv: string[]): void {
  let streamed = false;
  const sink = {
    out(line: string) { streamed = true; process.stdout.write(terminalSafe(line) + '\n'); },
    err(line: string) { streamed = true; process.stderr.write(terminalSafe(line) + '\n'); },
  };
  try {
    // The clock gives each patient a wall-clock limit on top of the core's (clock-free) work budget.
    const result = runCli(argv, readInput, { sink, clock: () => performance.now() });
    if (!streamed) {
      // Usage and whole-file errors return before any patient: nothing was streamed yet.
      if (result.stdout.length) process.stdout.write(result.stdout.map(terminalSafe).join('\n') + '\n');
      for (const m of result.stderr) process.stderr.write(terminalSafe(m) + '\n');
    }
    process.exitCode = result.status;
  } catch (e) {
    // A programmer error: say so briefly, without a stack trace for the user.
    process.stderr.write(tdm(cliText('internal-error', { message: terminalSafe((e as Error).message) })) + '\n');
    process.exitCode = 2;
  }
}

const shardData = isMainThread ? null : (workerData as { tdmShard?: { index: number; count: number }; argv: string[] } | null);
if (shardData?.tdmShard) runShard({ tdmShard: shardData.tdmShard, argv: shardData.argv });
else {
  const argv = process.argv.slice(2);
  // Several cores for a large `propose` when running as the bundle (a worker starts the same file).
  const threads = threadsFor(argv, process.env, import.meta.url.endsWith('.mjs'));
  if (threads > 1) {
    void runParallel(new URL(import.meta.url), argv, threads, {
      out: (line) => { process.stdout.write(terminalSafe(line) + '\n'); },
      err: (line) => { process.stderr.write(terminalSafe(line) + '\n'); },
    }).then((status) => { process.exitCode = status; });
  } else runHere(argv);
}
