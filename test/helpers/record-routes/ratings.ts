/**
 * Ratings after service and satisfaction surveys in the authorisation matrix: the counter display
 * rates on its device token, the customer's phone rates and answers on the ticket's id (public),
 * and managers keep the surveys and read the figures.
 */
import type { RecordRoutes } from '../record-routes.js';
import { EVERYONE, MANAGERS } from '../who-may.js';

const SURVEY = { title: 'How did we do this autumn?', questions: ['How was the wait?', 'How helpful were our staff?'], startsOn: '2026-11-01', endsOn: '2026-12-31' };

const routes: RecordRoutes = {
  /** Two tickets served and completed at counter 2 (called by number, so the waiting ticket stays), and a survey running today. */
  async setUp({ call, ids }) {
    const served = async () => {
      const ticket = await call('kiosk', 'POST', `/api/branches/${ids.branchId}/tickets`, { serviceId: 'demo-d' });
      await call('otherTeller', 'POST', '/api/counters/demo-counter-2/call-ticket', { ticketId: ticket.id });
      await call('otherTeller', 'POST', `/api/tickets/${ticket.id}/start`);
      await call('otherTeller', 'POST', `/api/tickets/${ticket.id}/complete`);
      return ticket.id as string;
    };
    const counterRatedTicketId = await served();
    const phoneRatedTicketId = await served();
    const survey = await call('manager', 'POST', `/api/branches/${ids.branchId}/surveys`, SURVEY);
    return { counterRatedTicketId, phoneRatedTicketId, surveyId: survey.id };
  },
  whoMay: {
    // Any display of the branch: the wall display's token is a display's token too.
    'POST /api/tickets/:ticketId/rating': ['display'],
    'GET /api/public/tickets/:ticketId/rating': EVERYONE,
    'POST /api/public/tickets/:ticketId/rating': EVERYONE,
    'GET /api/public/tickets/:ticketId/survey': EVERYONE,
    'POST /api/public/tickets/:ticketId/survey': EVERYONE,
    'GET /api/branches/:branchId/ratings/summary': MANAGERS,
    'GET /api/branches/:branchId/surveys': MANAGERS,
    'POST /api/branches/:branchId/surveys': MANAGERS,
    'PATCH /api/branches/:branchId/surveys/:surveyId': MANAGERS,
    'GET /api/branches/:branchId/surveys/:surveyId/results': MANAGERS,
  },
  examples(ids) {
    const branch = { branchId: ids.branchId };
    const survey = { ...branch, surveyId: ids.records.surveyId! };
    const phone = { ticketId: ids.records.phoneRatedTicketId! };
    return {
      'POST /api/tickets/:ticketId/rating': { params: { ticketId: ids.records.counterRatedTicketId! }, body: { score: 5 } },
      'GET /api/public/tickets/:ticketId/rating': { params: phone },
      'POST /api/public/tickets/:ticketId/rating': { params: phone, body: { score: 2, reason: 'waiting_time', comment: 'The queue was long' } },
      'GET /api/public/tickets/:ticketId/survey': { params: phone },
      'POST /api/public/tickets/:ticketId/survey': { params: phone, body: { scores: [4, null], suggestion: 'More seats, please' } },
      'GET /api/branches/:branchId/ratings/summary': { params: branch, query: { from: '2026-11-01', to: '2026-11-23' } },
      'GET /api/branches/:branchId/surveys': { params: branch },
      'POST /api/branches/:branchId/surveys': { params: branch, body: { ...SURVEY, startsOn: '2027-01-01', endsOn: '2027-03-31' } },
      'PATCH /api/branches/:branchId/surveys/:surveyId': { params: survey, body: { title: 'Autumn survey' } },
      'GET /api/branches/:branchId/surveys/:surveyId/results': { params: survey },
    };
  },
};
export default routes;
