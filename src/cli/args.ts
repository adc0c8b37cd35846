/**
 * The command line's option errors from the one catalog (namespace `cli`, `args.option-*`): the
 * checks Node's strict `parseArgs` makes, token by token in the order given (an unknown option, a
 * value missing or given where none is taken, a value that looks like an option), so their text is
 * the catalog's in English (word for word what Node 20 writes) and in Dutch.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cliText } from './text';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The first option error of `args` (as strict `parseArgs` with positionals would find it), or null. */
export function optionProblem(args: string[], options: Options): string | null {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const o = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (!o) return cliText('args.option-unknown', { option: t.rawName, quoted: JSON.stringify(t.rawName) });
    const name = `${o.short ? `-${o.short}, ` : ''}--${t.name}`;
    if (o.type === 'string' && typeof t.value !== 'string') return cliText('args.option-value-missing', { name });
    if (o.type === 'boolean' && t.value != null) return cliText('args.option-no-value', { name });
    if (!t.inlineValue && typeof t.value === 'string' && t.value.length > 1 && t.value.startsWith('-')) return cliText('args.option-ambiguous', { option: t.rawName });
  }
  return null;
}
