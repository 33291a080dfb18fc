/**
 * The hall's notice board and interest-rate board (利率牌): what `GET/PUT
 * /api/branches/:branchId/notices` carry, what the wall display scrolls, and what the admin page edits.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Limits shared by the server's schema and the admin page's checks. */
export const NOTICE_LIMITS = {
  noticeLength: 300,
  rateLabelLength: 60,
  rateValueLength: 16,
  maxNotices: 20,
  maxRates: 20,
} as const;

const L = NOTICE_LIMITS;
const strict = { additionalProperties: false } as const;
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const LocalizedText = (maxLength: number) => Type.Object({ en: Text(maxLength), zhHant: Text(maxLength), zhHans: Text(maxLength) }, strict);

/** One line of the interest-rate board: the product in three languages and the rate as shown. */
export const RateLine = Type.Object(
  { label: LocalizedText(L.rateLabelLength), value: Type.String({ minLength: 1, maxLength: L.rateValueLength, description: 'As shown, e.g. "1.25%"' }) },
  strict,
);
export type RateLine = Static<typeof RateLine>;

/** Both boards, in the order they are shown. A PUT replaces the whole of both. */
export const NoticeBoard = Type.Object(
  {
    notices: Type.Array(LocalizedText(L.noticeLength), { maxItems: L.maxNotices }),
    rates: Type.Array(RateLine, { maxItems: L.maxRates }),
  },
  strict,
);
export type NoticeBoard = Static<typeof NoticeBoard>;

/** The boards' route, with `:branchId` as Fastify writes it (fill it with `fillPath`). */
export const NOTICE_ROUTE = '/api/branches/:branchId/notices';
