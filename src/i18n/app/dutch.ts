/**
 * The compiler's check that a Dutch strings file says everything its English twin says: a Dutch
 * file is declared `const xNl: Dutch<typeof xEn> = { … }`, so a key the English file has and the
 * Dutch one lacks is an error (missing property), and a key only the Dutch one has is an error too
 * (an object literal's excess property), at every depth. test/i18n/app-catalog.test.ts checks that
 * every Dutch file of this folder is declared this way and compares the keys again at run time.
 */
export type Dutch<T> = { [K in keyof T]: T[K] extends string ? string : Dutch<T[K]> };
