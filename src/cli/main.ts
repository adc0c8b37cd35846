/**
 * `npm run -s tdm -- propose|predict FILE.csv ...` (shared/spec/cli.md): the same core as the app
 * over a whole CSV. JSON Lines on standard output, messages for people on standard error.
 * Exit status: 0 every patient computed; 1 some patient not (its line carries the error);
 * 2 the file or the arguments cannot be used at all.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run';

function readInput(file: string): Buffer {
  return file === '-' ? readFileSync(0) : readFileSync(file);
}

try {
  const result = runCli(process.argv.slice(2), readInput);
  if (result.stdout.length) process.stdout.write(result.stdout.join('\n') + '\n');
  for (const m of result.stderr) process.stderr.write(m + '\n');
  process.exitCode = result.status;
} catch (e) {
  // A programmer error: say so briefly, without a stack trace for the user.
  process.stderr.write(`tdm: internal error: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
