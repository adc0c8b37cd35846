/**
 * `npm run -s tdm -- propose|predict FILE.csv ...` (shared/spec/cli.md): the same core as the app
 * over a whole CSV. JSON Lines on standard output, messages for people on standard error, each
 * patient's line written as soon as it is computed. Exit status: 0 every patient computed; 1 some
 * patient not (its line carries the error); 2 the file or the arguments cannot be used at all.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runCli } from './run';
import { terminalSafe } from './terminal';

function readInput(file: string): Buffer {
  return file === '-' ? readFileSync(0) : readFileSync(file);
}

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

let streamed = false;
const sink = {
  out(line: string) { streamed = true; process.stdout.write(terminalSafe(line) + '\n'); },
  err(line: string) { streamed = true; process.stderr.write(terminalSafe(line) + '\n'); },
};

try {
  // The clock gives each patient a wall-clock limit on top of the core's (clock-free) work budget.
  const result = runCli(process.argv.slice(2), readInput, { sink, clock: () => performance.now() });
  if (!streamed) {
    // Usage and whole-file errors return before any patient: nothing was streamed yet.
    if (result.stdout.length) process.stdout.write(result.stdout.map(terminalSafe).join('\n') + '\n');
    for (const m of result.stderr) process.stderr.write(terminalSafe(m) + '\n');
  }
  process.exitCode = result.status;
} catch (e) {
  // A programmer error: say so briefly, without a stack trace for the user.
  process.stderr.write(`tdm: internal error: ${terminalSafe((e as Error).message)}\n`);
  process.exitCode = 2;
}
