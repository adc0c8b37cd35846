/** FHIR R4 exchange (spec/fhir.md): resources → records (read.ts), records and proposals → a Bundle (write.ts). */
export { fhirToRecords, readFhirText, looksLikeJson, isFhirJson, ignoredLines } from './read';
export type { FhirReadOptions, FhirReadResult, FhirIgnored } from './read';
export { recordsToBundle, proposalResources, patientResource, seededIds, base64Utf8 } from './write';
export type { FhirBundle, FhirResource, FhirWriteOptions, ProposalResources } from './write';
export { proposalText, percentText, DISCLAIMER } from './text';
export type { FhirChoice } from './text';
export { CODES, SYSTEM, LOCAL_CODE_ROLES, codeFor, codeToken, parseCodeToken, checkLocalCodes, roleOf, UCUM_UNITS, CSV_TO_UCUM } from './codes';
export type { Coding, KnownCode, CodeRole, LocalCodes, LocalCodeRole } from './codes';
export { toFhirDateTime, fromFhirDateTime, instantToFhir, isTimeZone, offsetMinutes } from './zone';
