/**
 * Planning tools: the Erlang C calculator and staffing for any signed-in staff member, and the
 * what-if forecast of the triage screen for managers (protocol planningRoutes).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WhatIfBody } from '../../../protocol/forecast-schemas.js';
import { planningRoutes as routes } from '../../../protocol/planning-routes.js';
import { ErlangCError, erlangC, staffing } from '../domain/erlang-c.js';
import { AppError, forbidden } from '../errors.js';
import { actorOf } from '../plugins/auth.js';
import type { Actor } from '../domain/actor.js';
import type { WhatIfAction } from '../simulator/what-if.js';
import { serveRoute } from './serve-route.js';

/** Runs an Erlang C computation; inputs the model cannot take (load at or above capacity) are the caller's 400. */
function calculate<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ErlangCError) throw new AppError('VALIDATION_FAILED', `querystring: ${error.message}`);
    throw error;
  }
}

function assertSignedInStaff(actor: Actor): void {
  if (actor.kind !== 'user') throw forbidden('the planning tools are for staff members');
}

/** The body as an action, checking the fields its kind needs. */
function toAction(body: WhatIfBody): WhatIfAction {
  const need = <K extends keyof WhatIfBody>(field: K): NonNullable<WhatIfBody[K]> => {
    const value = body[field];
    if (value === undefined) throw new AppError('VALIDATION_FAILED', `body/${field} is required for ${body.action}`);
    return value as NonNullable<WhatIfBody[K]>;
  };
  switch (body.action) {
    case 'open-counter':
    case 'close-counter':
      return { action: body.action, counterId: need('counterId') };
    case 'divert':
      return { action: 'divert', serviceId: need('serviceId'), count: need('count') };
    case 'reassign-counter':
      return { action: 'reassign-counter', counterId: need('counterId'), serviceIds: need('serviceIds') };
  }
}

const tools: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const forecasts = app.lobby.forecasts;

  serveRoute(app, routes.erlangC, async (request) => {
    assertSignedInStaff(actorOf(request));
    return calculate(() => erlangC(request.query));
  });
  serveRoute(app, routes.staffing, async (request) => {
    assertSignedInStaff(actorOf(request));
    return calculate(() => staffing(request.query));
  });
  serveRoute(app, routes.whatIf, (request) => {
    const { runs, horizonMinutes } = request.body;
    return forecasts.whatIf(actorOf(request), request.params.branchId, toAction(request.body), { runs, horizonMinutes });
  });
};
export default tools;
