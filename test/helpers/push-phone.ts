/**
 * A phone's side of Web Push, for tests: a subscription's keys (a P-256 key pair and a 16-byte
 * auth secret, as a browser makes them), decryption of an aes128gcm message (RFC 8291, RFC 8188)
 * and the check of the VAPID Authorization header's signed JWT (RFC 8292), so a test can read
 * exactly what the phone would show and know the server signed it.
 */
import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';

export interface TestPhone {
  /** PushSubscription.toJSON() for `endpoint`. */
  subscription(endpoint: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  /** The plaintext of a message sent to this phone. */
  decrypt(body: Buffer): string;
}

export function testPhone(): TestPhone {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const publicKey = ecdh.getPublicKey();
  const auth = randomBytes(16);
  return {
    subscription: (endpoint) => ({ endpoint, keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') } }),
    decrypt(body) {
      const salt = body.subarray(0, 16);
      const idLength = body[20]!;
      const serverKey = body.subarray(21, 21 + idLength);
      const cipherText = body.subarray(21 + idLength);
      const shared = ecdh.computeSecret(serverKey);
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), publicKey, serverKey]);
      const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
      const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(cipherText.subarray(cipherText.length - 16));
      const padded = Buffer.concat([decipher.update(cipherText.subarray(0, cipherText.length - 16)), decipher.final()]);
      // The last record ends with the delimiter 0x02, then zero padding.
      return padded.subarray(0, padded.lastIndexOf(2)).toString('utf8');
    },
  };
}

/**
 * Checks `Authorization: vapid t=<jwt>, k=<key>`: k is `publicKey`, the JWT is ES256-signed by it,
 * names the endpoint's origin as audience, a contact as subject, and expires within 24 h.
 */
export function verifyVapid(authorization: string | undefined, publicKey: string, endpoint: string): { aud: string; sub: string; exp: number } {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`not a VAPID Authorization header: ${authorization}`);
  const [, jwt, key] = match;
  if (key !== publicKey) throw new Error('the header names another public key');
  const [header, claims, signature] = jwt!.split('.');
  const raw = Buffer.from(publicKey, 'base64url');
  const jwk = { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') };
  const ok = verify('sha256', Buffer.from(`${header}.${claims}`), { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'));
  if (!ok) throw new Error('the VAPID JWT signature does not verify');
  const body = JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { aud: string; sub: string; exp: number };
  if (body.aud !== new URL(endpoint).origin) throw new Error(`audience ${body.aud} is not ${new URL(endpoint).origin}`);
  if (body.exp * 1000 > Date.now() + 24 * 3600_000) throw new Error('the JWT expires more than 24 h ahead');
  return body;
}
