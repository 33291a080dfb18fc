import { describe, expect, it } from 'vitest';
import { addressWithoutToken } from '../../protocol/device-address.js';

describe('the device token in the address', () => {
  it('is taken out once stored, keeping the other parameters and the hash', () => {
    expect(addressWithoutToken('http://lobby:3000/display-ui/?branch=demo&token=t1&counter=3&lang=en#x', 't1')).toBe('/display-ui/?branch=demo&counter=3&lang=en#x');
    expect(addressWithoutToken('https://lobby/kiosk-ui/?token=t1', 't1')).toBe('/kiosk-ui/');
  });

  it('stays when it is not the stored one: a bare reload would lose it', () => {
    expect(addressWithoutToken('http://lobby/kiosk-ui/?branch=demo&token=t2', 't1')).toBeNull();
    expect(addressWithoutToken('http://lobby/kiosk-ui/?branch=demo&token=t2', null)).toBeNull();
  });

  it('leaves an address without a token alone', () => {
    expect(addressWithoutToken('http://lobby/kiosk-ui/?branch=demo', 't1')).toBeNull();
    expect(addressWithoutToken('http://lobby/kiosk-ui/?branch=demo&token=', '')).toBeNull();
  });
});
