/**
 * Issue 17, item 1: the natalizumab and ocrelizumab engines are read as pipelines of short named
 * stages. No function (declaration, method, arrow or function expression) in src/core/natalizumab
 * or src/core/ocrelizumab may span more than MAX_LINES lines, measured with the TypeScript
 * compiler's own parse (from the function's first token to its last, comments before it excluded).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const MAX_LINES = 80;
const ROOTS = ['src/core/natalizumab', 'src/core/ocrelizumab'];

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

describe('function length (issue 17)', () => {
  it('measures a function from its first line to its last', () => {
    const text = ['// c', 'function f() {', '  const g = () => {', '    return 1;', '  };', '  return g();', '}', 'class K { m() { return 2; } }'].join('\n');
    const got = functionLengths('x.ts', text).map((f) => [f.name, f.line, f.lines]);
    expect(got).toEqual([['f', 2, 6], ['g', 3, 3], ['m', 8, 1]]);
  });

  it(`no function in ${ROOTS.join(' or ')} spans more than ${MAX_LINES} lines`, () => {
    const files = ROOTS.flatMap(tsFiles);
    expect(files.length).toBeGreaterThan(10);
    const long = files.flatMap((f) => functionLengths(f, readFileSync(f, 'utf8'))).filter((f) => f.lines > MAX_LINES);
    expect(long.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([]);
  });
});
