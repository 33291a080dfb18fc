/**
 * Planning tools: the Erlang C calculator and staffing for any signed-in staff member, and the
 * what-if forecast of the triage screen for managers.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErlangCFigures,
  ErlangCQuery,
  StaffingPlan,
  StaffingQuery,
  WhatIfBody,
  WhatIfForecast,
} from '../../../protocol/forecast-schemas.js';
import { BranchParams } from '../../../protocol/schemas.js';
import { ErlangCError, erlangC, staffing } from '../domain/erlang-c.js';
import { AppError, forbidden } from '../errors.js';
import { actorOf } from '../plugins/auth.js';
import type { Actor } from '../services/actor.js';
import type { WhatIfAction } from '../simulator/what-if.js';

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
  const security = [{ bearerAuth: [] }];
  const forecasts = app.lobby.forecasts;

  app.get(
    '/api/tools/erlang-c',
    {
      schema: {
        tags: ['tools'],
        security,
        summary: 'Erlang C (M/M/c) figures for a number of counters; 400 when the load reaches capacity',
        querystring: ErlangCQuery,
        response: { 200: ErlangCFigures },
      },
    },
    async (request) => {
      assertSignedInStaff(actorOf(request));
      return calculate(() => erlangC(request.query));
    },
  );

  app.get(
    '/api/tools/staffing',
    {
      schema: {
        tags: ['tools'],
        security,
        summary: 'Fewest counters meeting a service level (e.g. 80% called within 600 s), with their Erlang C figures',
        querystring: StaffingQuery,
        response: { 200: StaffingPlan },
      },
    },
    async (request) => {
      assertSignedInStaff(actorOf(request));
      return calculate(() => staffing(request.query));
    },
  );

  app.post(
    '/api/branches/:branchId/what-if',
    {
      schema: {
        tags: ['tools'],
        security,
        summary: 'Predicted longest and mean wait of the next hour with and without an action, from the live hall (managers)',
        params: BranchParams,
        body: WhatIfBody,
        response: { 200: WhatIfForecast },
      },
    },
    async (request) => {
      const { runs, horizonMinutes } = request.body;
      return forecasts.whatIf(actorOf(request), request.params.branchId, toAction(request.body), { runs, horizonMinutes });
    },
  );
};
export default tools;
