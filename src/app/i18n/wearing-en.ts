/** Wearing-off reports and clinic outcomes (issue 19): English. */
export default {
  kind: 'wearing-off',
};
