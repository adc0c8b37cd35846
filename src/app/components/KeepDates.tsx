/**
 * A sentence with its dates kept whole: a date inside a long message (a warning, a refused row)
 * otherwise breaks at its hyphens in a narrow column ("2026-12-" / "07"), which reads as two
 * numbers. Each date (ISO 2026-12-07, with a time 2026-12-07T09:00 or 2026-12-07 09:00, or the
 * Dutch 07-12-2026) is set in a span that does not wrap; the text itself is unchanged.
 */
import type { ReactNode } from 'react';

const DATE = /(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?|\d{2}-\d{2}-\d{4})/;

/** The text split into plain parts and dates (odd indices: dates). */
export function splitDates(text: string): string[] {
  return text.split(DATE);
}

export function KeepDates({ text }: { text: string }): ReactNode {
  const parts = splitDates(text);
  if (parts.length === 1) return text;
  return parts.map((p, i) => (i % 2 === 1 ? <span key={i} className="keep-date">{p}</span> : p));
}
