/**
 * What a Bundle held that is not the app's data (other observations, other medications, skipped
 * statuses, other resource types), counted after an import as the spec says ("312 other
 * observations ignored"): never an error, but said, so nobody wonders where a result went.
 */
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/types';
import { issueText } from '../../../i18n/sentences';

export function FhirIgnored({ issues }: { issues: readonly Issue[] }) {
  const { i18n } = useTranslation();
  const lines = issues.filter((i) => i.code === 'fhir_ignored');
  if (!lines.length) return null;
  return (
    <ul className="fhir-ignored" data-testid="fhir-ignored">
      {lines.map((i, k) => <li key={k}>{issueText(i, i18n.language)}</li>)}
    </ul>
  );
}
