/**
 * Issue 18's new sentences of the app (namespace `plain`): what a form says when a field is empty
 * or a schedule runs past today, said on the field that is wrong.
 */
const plainEn = {
  planning: {
    columns: 'patient_id,drug,last_dose,planned_dose,planned_by,option,reason,chosen_on_older_data,model_next_dose,next_lab,status,warnings,choice_probability_percent,required_probability_percent',
    model: 'model',
    clinician: 'clinician',
    yes: 'yes',
    no: 'no',
  },
  clinicDay: {
    columns: 'date,patient_id,drug,what,planned_by,reason,model_next_dose,chosen_on_older_data,status,warnings,choice_probability_percent,required_probability_percent',
    infusion: 'infusion',
    lab: 'lab',
  },
  schedule: {
    firstEmpty: 'Give the date of the first dose: YYYY-MM-DD or dd-mm-yyyy.',
    countFutureOne: 'Dose {{count}} of this schedule would fall on {{date}}, after today ({{today}}): the record holds what was given. Enter {{max}} dose(s) up to today; a planned dose belongs in the proposal.',
    countFutureMany: 'Doses {{from}} to {{count}} of this schedule would fall after today ({{today}}), the last on {{date}}: the record holds what was given. Enter {{max}} dose(s) up to today; a planned dose belongs in the proposal.',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type PlainStrings = Shape<typeof plainEn>;
export default plainEn;
