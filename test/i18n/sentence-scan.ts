/**
 * The scan shared by the no-English-sentence tests of src/core and src/cli: string and template
 * literals that read as an English sentence (three or more words of two letters or more in a row).
 * Errors thrown for a programming mistake (`throw new Error`) are not said to a user and are left out.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export function sentenceLiterals(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const words = /\b[A-Za-z][a-z]+[,;:)]*(?:\s+[("']?(?:a|[A-Za-z][a-z]+)\b[,;:)]*){2,}/;
  const visit = (n: ts.Node, thrown: boolean): void => {
    const inThrow = thrown || ts.isThrowStatement(n);
    let text: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' {} ');
    if (text !== null && !inThrow && !ts.isImportDeclaration(n.parent) && !ts.isExportDeclaration(n.parent) && !ts.isLiteralTypeNode(n.parent) && words.test(text)) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${text}`);
    }
    ts.forEachChild(n, (c) => visit(c, inThrow));
  };
  visit(sf, false);
  return out;
}
