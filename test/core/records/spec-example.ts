/** The example of shared/spec/tdm-csv.md, verbatim: both the reader's and the writer's tests start from it. */
export const SPEC_EXAMPLE = `patient_id,drug,kind,time,value,unit,route,duration_min,note
NAT-001,natalizumab,weight,2024-01-08,71,kg,,,
NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,
NAT-001,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,trough before infusion
NAT-001,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,
OCR-001,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,
OCR-001,ocrelizumab,bcell,2023-12-11,<1,cells/uL,,,
OCR-001,ocrelizumab,bcell,2024-01-08,3,cells/uL,,,
`;
