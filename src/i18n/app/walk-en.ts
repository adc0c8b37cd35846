/**
 * English strings of the clinic walkthrough fixes (issue 15, namespace `walk`): a late dose, a
 * choice below the required probability, example patients, focus and layout.
 */
const walkEn = {
  late: {
    banner: 'Overdue: the next dose was due on {{due}}, which has passed. Proposed: {{date}}, the first possible day; every option counts from there.',
    /** Beside a date on the card that lies before the first possible day (not offered as a choice). */
    passed: 'passed, not offered',
  },
  risk: {
    /** Short, in the planning list (the full sentence is its title). */
    short: '{{p}} < {{required}} required',
    /** Beside a choice below the required probability, wherever the choice appears. */
    text: 'below the required probability: {{p}}, {{required}} required',
    /** The same in the .ics SUMMARY (short) and DESCRIPTION. */
    icsPrefix: '[{{p}} < {{required}} REQUIRED]',
    ics: 'This choice is below the required probability: {{p}} chance of reaching the target, {{required}} required.',
  },
  example: {
    mark: 'example',
    title: 'An example patient shipped with the app (made-up data), not a real patient',
    card: 'Example patient: made-up data shipped with the app to show how it works. Not a real patient.',
    showOnDay: 'Show example patients',
    hiddenOnDay_one: '{{count}} example patient is not listed.',
    hiddenOnDay_other: '{{count}} example patients are not listed.',
  },
};
export default walkEn;
