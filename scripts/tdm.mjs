/**
 * `npm run -s tdm -- ...`: start the command line (src/cli/main.ts) fast. Loading ~60 TypeScript
 * modules through tsx's loader costs about a second of CPU at every start; instead the CLI is
 * bundled once with esbuild (tsx's own compiler) into the system's temporary folder, keyed by a
 * hash of every source file it can import, and that single file is run by plain Node. When the
 * sources change, the hash changes and the next start bundles again (~0.2 s). Without esbuild it
 * falls back to tsx. Nothing is written into the project tree.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'main.ts');

/** Every file under the folders the CLI imports from, in a stable order. */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mts|js|mjs|json)$/.test(e.name)) out.push(p);
    }
  };
  for (const d of ['src/cli', 'src/core', 'src/i18n', 'models']) walk(join(root, d));
  out.push(join(root, 'package-lock.json'));
  return out;
}

async function bundled() {
  const h = createHash('sha256');
  for (const f of sources()) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  const out = join(tmpdir(), `ms-interval-tdm-${h.digest('hex').slice(0, 20)}.mjs`);
  if (existsSync(out)) return out;
  const { build } = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    outfile: tmp, logLevel: 'silent', legalComments: 'none',
  });
  renameSync(tmp, out); // atomic: a parallel start sees the whole file or none
  return out;
}

let file = null;
try {
  file = await bundled();
} catch {
  file = null;
}
if (file) await import(pathToFileURL(file).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
