import { describe, expect, it } from 'vitest';
import { issueFailureText } from '../../../kiosk-ui/src/logic/issue-failure.js';
import { ErrorCodes } from '../../../protocol/errors.js';

describe('what the customer reads when no ticket was issued', () => {
  it('a network failure or a timeout is said in plain words, never as NETWORK or "Failed to fetch"', () => {
    for (const code of ['NETWORK', 'TIMEOUT']) {
      const text = issueFailureText(code);
      expect(text.title).toBe('Sorry, this machine cannot reach our system right now.');
      expect(`${text.title} ${text.advice}`).not.toMatch(/NETWORK|fetch|server|unreachable/i);
    }
  });

  it('a closed service or a used quota says so, not "cannot be issued"', () => {
    expect(issueFailureText('SERVICE_CLOSED').title).toBe('Sorry, this service is closed now.');
    expect(issueFailureText('SERVICE_QUOTA_REACHED').title).toBe("Sorry, today's tickets for this service are all taken.");
  });

  it('has customer words for every error code, with no code in them', () => {
    for (const code of [...Object.keys(ErrorCodes), 'NETWORK', 'TIMEOUT']) {
      const { title, advice } = issueFailureText(code);
      expect(title.length, code).toBeGreaterThan(5);
      expect(advice.length, code).toBeGreaterThan(5);
      expect(`${title} ${advice}`, code).not.toMatch(/[A-Z]{3,}_|\b(?:NETWORK|TIMEOUT|INTERNAL)\b/);
    }
  });
});
