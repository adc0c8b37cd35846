/**
 * Where things landed on the pages of a PDF printed by Chromium (`page.pdf`), read from its content
 * streams, for tests of printed layout: each page's size, where each run of text starts, and the
 * horizontal extent of each thin filled rectangle (a table cell's border line spans its cell).
 * A minimal reader of what Skia writes (Flate streams; q/Q, cm, re, f, BT, Tm, Td, Tj/TJ), not a
 * general PDF parser. Coordinates are PDF points from the page's left edge.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage { width: number; height: number; texts: number[]; lines: { x0: number; x1: number }[] }

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const ID: M = [1, 0, 0, 1, 0, 0];

/** Text starts and thin rectangles of one content stream. */
function layout(content: string): { texts: number[]; lines: { x0: number; x1: number }[] } {
  const tokens = content.match(/<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|\/[^\s/[\]<>()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g) ?? [];
  let ctm: M = ID;
  const stack: M[] = [];
  let tlm: M = ID;
  let tm: M = ID;
  let nums: number[] = [];
  let last: { x0: number; x1: number; thin: boolean } | null = null;
  const texts: number[] = [];
  const lines: { x0: number; x1: number }[] = [];
  for (const t of tokens) {
    if (/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(t)) { nums.push(Number(t)); continue; }
    if (t[0] === '<' || t[0] === '(' || t === '[' || t === ']' || t[0] === '/') continue;
    switch (t) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? ctm; break;
      case 'cm': ctm = mul(nums.slice(-6) as M, ctm); break;
      case 're': {
        const [x, y, w, h] = nums.slice(-4);
        const a = apply(ctm, x, y), b = apply(ctm, x + w, y + h);
        last = { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), thin: Math.abs(a[1] - b[1]) <= 2 };
        break;
      }
      case 'f': case 'F': case 'f*': if (last?.thin) lines.push({ x0: last.x0, x1: last.x1 }); last = null; break;
      case 'BT': tlm = tm = ID; break;
      case 'Tm': tlm = tm = nums.slice(-6) as M; break;
      case 'Td': case 'TD': { const [tx, ty] = nums.slice(-2); tlm = tm = mul([1, 0, 0, 1, tx, ty], tlm); break; }
      case 'Tj': case 'TJ': texts.push(apply(mul(tm, ctm), 0, 0)[0]); break;
      default: break;
    }
    nums = [];
  }
  return { texts, lines };
}

/** The pages of a PDF as Chromium prints it: size (MediaBox) and the layout of its content streams, in page order. */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const s = pdf.toString('latin1');
  const sizes = [...s.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const contents: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    re.lastIndex = end;
    let text: string;
    try { text = inflateSync(pdf.subarray(start, end)).toString('latin1'); } catch { continue; }
    if (/\bBT\b[\s\S]*\bET\b/.test(text) && /\bcm\b/.test(text)) contents.push(text);
  }
  return contents.map((c, i) => ({ width: sizes[i]?.[0] ?? sizes[0][0], height: sizes[i]?.[1] ?? sizes[0][1], ...layout(c) }));
}
