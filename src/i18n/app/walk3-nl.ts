/** Nederlandse teksten van de derde ronde door de app (namespace `walk3`). */
import type walk3En from './walk3-en';
import type { Dutch } from './dutch';

const walk3Nl: Dutch<typeof walk3En> = {
  axis: {
    countShort: 'CD19+ (cellen/µL)',
  },
};
export default walk3Nl;
