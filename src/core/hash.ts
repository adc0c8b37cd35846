/**
 * A short stable hash of a text (FNV-1a style, 2 × 32 bits, base 36): fingerprints for cache keys
 * (the app's stored reports, the track record's per-trough memos). Not cryptographic. Pure.
 */
export function hashText(text: string): string {
  let a = 0x811c9dc5, b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a ^= c; a = Math.imul(a, 0x01000193);
    b ^= c; b = Math.imul(b, 0x5bd1e995); b ^= b >>> 15;
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}
