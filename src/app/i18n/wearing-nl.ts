/** Wearing-off-meldingen en resultaten van de kliniek (issue 19): Nederlands. */
export default {
  kind: 'wearing-off',
};
