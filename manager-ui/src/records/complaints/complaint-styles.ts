/** The look of the complaint form, the complaint log and its detail panel: the records' shared look and the states' colours. */
import { css } from 'lit';
import { recordStyles } from '../record-styles.js';

export const complaintStyles = [
  recordStyles,
  css`
    .status.open,
    .status.reopened {
      color: var(--accent);
    }
    .status.replied {
      color: var(--ok);
    }
    .status.closed {
      color: var(--muted);
    }
    .overdue {
      color: var(--alarm);
      font-weight: 700;
    }
  `,
];
