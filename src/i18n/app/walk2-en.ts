/**
 * English strings of the second walk through the app at 1366×768 (namespace `walk2`): a refused
 * row said once on a card that has no proposal, and the import's message kept short.
 */
const walk2En = {
  refused: {
    /**
     * On the no-proposal card, in place of the refused rows (the engine's sentence "N row(s) could
     * not be used: {{rows}}" gets this as its rows): they are listed once, above the card, with
     * what to do about them.
     */
    above_one: 'see the row listed above, with what to do',
    above_other: 'see the {{count}} rows listed above, with what to do',
  },
  failed: {
    /** A file that cannot be used, with more messages than are listed open: the disclosure that lists them. */
    messages_one: '{{count}} message of the file',
    messages_other: '{{count}} messages of the file',
  },
};
export default walk2En;
