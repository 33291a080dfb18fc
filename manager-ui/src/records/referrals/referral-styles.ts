/** The look of the referral form, the managers' list and the account manager's inbox: the records' shared look, the new-referrals badge and the states' colours. */
import { css } from 'lit';
import { recordStyles } from '../record-styles.js';

export const referralStyles = [
  recordStyles,
  css`
    .badge {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 28px;
      height: 28px;
      padding: 0 8px;
      box-sizing: border-box;
      border-radius: 14px;
      background: var(--accent);
      color: #fff;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .status.referred {
      color: var(--accent);
    }
    .status.contacted {
      color: var(--warn);
    }
    .status.converted {
      color: var(--ok);
    }
    .status.declined {
      color: var(--muted);
    }
  `,
];
