import { describe, expect, it } from 'vitest';
import { redactToken } from '../../server/src/lib/logger.js';

describe('redactToken', () => {
  it.each([
    ['/api/branches/demo/live?token=demo-display', '/api/branches/demo/live?token=***'],
    ['/api/branches/demo/live?lang=en&token=abc&x=1', '/api/branches/demo/live?lang=en&token=***&x=1'],
    ['/api/health', '/api/health'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactToken(url)).toBe(logged);
  });
});
