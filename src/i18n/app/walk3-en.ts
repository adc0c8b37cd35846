/**
 * English strings of the third walk through the app at 1366×768 (namespace `walk3`).
 */
const walk3En = {
  axis: {
    /**
     * The ocrelizumab chart's y-axis title on the print's short chart (200 px high): the full
     * title ("CD19+ B cells (cells/µL)", Dutch "CD19+ B-cellen (cellen/µL)") is longer than the
     * axis and was cut off ("(cellen/µL"); the legend says what the points are.
     */
    countShort: 'CD19+ (cells/µL)',
  },
};
export default walk3En;
