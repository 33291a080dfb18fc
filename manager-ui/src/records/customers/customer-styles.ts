/** The look of the customer sheet, its forms and the import: the records' shared look and the tiers' colours. */
import { css } from 'lit';
import { recordStyles } from '../record-styles.js';

export const customerStyles = [
  recordStyles,
  css`
    .tier.vip {
      color: #7a4b00;
      background: #fff4d6;
    }
    .tier.valued {
      color: var(--accent);
    }
    .tier.potential {
      color: var(--muted);
    }
    .number {
      font-family: var(--digits);
    }
    .actions .spacer {
      flex: 1;
    }
  `,
];
