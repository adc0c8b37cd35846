/**
 * A natalizumab patient with wearing-off reports over three intervals (one "none", then scores 2
 * and 1) and two troughs, shared by the wearing-off unit tests and the browser tests that need a
 * patient with reports: one record, so they test the same patient.
 */
export const TDM_HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';

export const NAT_HIGH_ROWS: readonly string[] = [
  'NAT-HIGH,natalizumab,weight,2024-07-22,68,kg,,,',
  ...['2024-07-22', '2024-08-19', '2024-09-16'].map((d) => `NAT-HIGH,natalizumab,dose,${d}T09:00,300,mg,iv,60,`),
  'NAT-HIGH,natalizumab,wearing_off,2024-09-16T09:00,0,score,,,none this interval',
  'NAT-HIGH,natalizumab,wearing_off,2024-10-10,2,score,,,',
  'NAT-HIGH,natalizumab,level,2024-10-14T08:45,31.2,ug/mL,,,',
  'NAT-HIGH,natalizumab,dose,2024-10-14T09:00,300,mg,iv,60,',
  'NAT-HIGH,natalizumab,wearing_off,2024-11-07T20:00,1,score,,,',
  'NAT-HIGH,natalizumab,level,2024-11-11T08:45,29.4,ug/mL,,,',
  'NAT-HIGH,natalizumab,dose,2024-11-11T09:00,300,mg,iv,60,',
];
