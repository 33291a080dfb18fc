/** Maps every error to `{statusCode, code, error, message}`; 5xx details never reach the client. */
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorBody, ErrorCode } from '../../../protocol/errors.js';
import { AppError } from '../errors.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  return 'VALIDATION_FAILED';
}

/** The reply body for any error, shared by HTTP and the live socket. */
export function errorBody(error: FastifyError | Error): ErrorBody {
  if (error instanceof AppError) {
    return { statusCode: error.statusCode, code: error.code, error: REASONS[error.statusCode] ?? 'Error', message: error.message };
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if ((error as FastifyError).validation || (status >= 400 && status < 500)) {
    return { statusCode: status, code: codeForStatus(status), error: REASONS[status] ?? 'Error', message: error.message };
  }
  return { statusCode: 500, code: 'INTERNAL', error: REASONS[500], message: 'internal error; it has been logged' };
}

export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const body = errorBody(error);
      // The cause is the database's own error (a full disk, a read-only file): it must reach the log.
      if (body.statusCode >= 500) request.log.error({ err: error, cause: error.cause }, 'request failed');
      if (error instanceof AppError && error.retryAfterSeconds !== undefined) reply.header('retry-after', error.retryAfterSeconds);
      return reply.status(body.statusCode).send(body);
    });
    app.setNotFoundHandler((request, reply) => {
      const body: ErrorBody = {
        statusCode: 404,
        code: 'NOT_FOUND',
        error: 'Not Found',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
      };
      return reply.status(404).send(body);
    });
  },
  { name: 'errors' },
);
