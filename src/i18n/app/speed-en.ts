/** Texts of the chart computed when a patient is opened (issue 17, item 6; i18next namespace `speed`): English. */
const speedEn = {
  chart: {
    computing: 'Computing the chart (the proposal above is complete; the chart adds its curves)…',
  },
};

export default speedEn;
