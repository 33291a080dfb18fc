/**
 * Ratings after service and satisfaction surveys (protocol ratingRoutes). The customer's routes are
 * public (the ticket's id is the key, as for the mobile page's ticket); the counter display's
 * rating needs its device token; surveys and figures are the managers'.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ratingRoutes as routes } from '../../../../protocol/rating-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute } from '../serve-route.js';

const customerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.lobby.ratings;
  serveRoute(app, routes.ratingStatus, (request) => service.ratingStatus(request.params.ticketId));
  serveRoute(app, routes.rateOnPhone, (request) => service.rateOnPhone(request.params.ticketId, request.body));
  serveRoute(app, routes.surveyForTicket, (request) => service.surveyForTicket(request.params.ticketId));
  serveRoute(app, routes.answerSurvey, (request) => service.answerSurvey(request.params.ticketId, request.body));
};

const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.ratings;
  serveRoute(app, routes.rateAtCounter, (request) => service.rateAtCounter(actorOf(request), request.params.ticketId, request.body));
  serveRoute(app, routes.ratingSummary, (request) => service.ratingSummary(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.listSurveys, (request) => service.listSurveys(actorOf(request), request.params.branchId));
  serveRoute(app, routes.createSurvey, (request) => service.createSurvey(actorOf(request), request.params.branchId, request.body));
  serveRoute(app, routes.updateSurvey, (request) =>
    service.updateSurvey(actorOf(request), request.params.branchId, request.params.surveyId, request.body),
  );
  serveRoute(app, routes.surveyResults, (request) => service.surveyResults(actorOf(request), request.params.branchId, request.params.surveyId));
};

const ratings: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(customerRoutes);
  await app.register(staffRoutes);
};
export default ratings;
