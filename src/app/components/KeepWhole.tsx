/**
 * A sentence with its dates and its values with units kept whole: beside KeepDates (a date never
 * broken at its hyphens), a value and its unit are never broken at the unit's slash or between the
 * number and the unit ("drempel 10 cellen/" / "µL" read on the ocrelizumab card at 1366×768, once
 * the threshold was given its unit). The text itself is unchanged.
 */
import type { ReactNode } from 'react';
import { KeepDates } from './KeepDates';

const UNIT = /((?:\d[\d.,]*\s)?(?:cells\/µL|cellen\/µL|µg\/mL|cells\/uL|ug\/mL))/;

export function KeepWhole({ text }: { text: string }): ReactNode {
  const parts = text.split(UNIT);
  if (parts.length === 1) return <KeepDates text={text} />;
  return parts.map((p, i) => (i % 2 === 1
    ? <span key={i} className="keep-unit" style={{ whiteSpace: 'nowrap' }}>{p}</span>
    : <KeepDates key={i} text={p} />));
}
