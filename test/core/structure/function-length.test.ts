/**
 * Issue 17, item 1 and issue 18, item 4: rooms a newcomer can read. No function (declaration,
 * method, arrow or function expression) anywhere in src/core may span more than MAX_LINES lines,
 * and no component, hook or other function in src/app more than MAX_APP_LINES, measured with the
 * TypeScript compiler's own parse (from the function's first token to its last, comments before it
 * excluded). A function's length includes the functions written inside it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const MAX_LINES = 80;
export const MAX_APP_LINES = 120;
const ROOTS = ['src/core'];
const APP_ROOTS = ['src/app'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

export interface FunctionLength { file: string; name: string; line: number; lines: number }

/** Every function-like node of a source text with its length in lines. */
export function functionLengths(file: string, text: string): FunctionLength[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = node.name && ts.isIdentifier(node.name) ? node.name.text
        : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : '(anonymous)';
      out.push({ file, name: named, line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('function length (issues 17 and 18)', () => {
  it('measures a function from its first line to its last', () => {
    const text = ['// c', 'function f() {', '  const g = () => {', '    return 1;', '  };', '  return g();', '}', 'class K { m() { return 2; } }'].join('\n');
    const got = functionLengths('x.ts', text).map((f) => [f.name, f.line, f.lines]);
    expect(got).toEqual([['f', 2, 6], ['g', 3, 3], ['m', 8, 1]]);
  });

  it('counts a function written inside another in the outer one too, and a .tsx component', () => {
    const text = ['export function Card() {', '  const go = useCallback(() => {', '    setOpen(true);', '  }, []);', '  return <div onClick={go}>x</div>;', '}'].join('\n');
    const got = functionLengths('x.tsx', text).map((f) => [f.name, f.line, f.lines]);
    expect(got).toEqual([['Card', 1, 6], ['(anonymous)', 2, 3]]);
  });

  it(`no function in ${ROOTS.join(' or ')} spans more than ${MAX_LINES} lines`, () => {
    const files = ROOTS.flatMap(tsFiles);
    expect(files.length).toBeGreaterThan(60);
    const long = files.flatMap((f) => functionLengths(f, readFileSync(f, 'utf8'))).filter((f) => f.lines > MAX_LINES);
    expect(long.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([]);
  });

  it(`no component or function in ${APP_ROOTS.join(' or ')} spans more than ${MAX_APP_LINES} lines`, () => {
    const files = APP_ROOTS.flatMap(tsFiles);
    expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(40);
    const long = files.flatMap((f) => functionLengths(f, readFileSync(f, 'utf8'))).filter((f) => f.lines > MAX_APP_LINES);
    expect(long.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([]);
  });
});
