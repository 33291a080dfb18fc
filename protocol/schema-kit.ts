/**
 * The building blocks every protocol schema file uses, defined once: ids, nullable fields and
 * timestamps look the same in tickets, admin records, reports and forecasts.
 */
import { Type, type TSchema } from '@sinclair/typebox';

/** An id: a UUIDv7, or a readable one such as `demo-counter-3`. */
export const Id = Type.String({ minLength: 1, maxLength: 64 });

/** A field that may be null (a column without a value), never absent. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** UTC timestamp as an ISO 8601 string, e.g. 2026-11-22T06:30:00.000Z. */
export const Timestamp = Type.String({ format: 'date-time' });
