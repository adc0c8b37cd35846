/** The core's short stable hash of a text, for cache keys of computed reports (one implementation: src/core/hash.ts). */
export { hashText } from '../../core/hash';
