/**
 * Satisfaction surveys (滿意度調查): managers define a short survey for a date range; the mobile page
 * offers it after service; answers are stored without the ticket or anything about the customer
 * (the ticket goes only into survey_takers, against a second answer); results count each score.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../../helpers/test-app.js';
import { tableDigest } from '../../helpers/table-digest.js';

let t: TestApp;
let manager: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp();
  manager = await t.as('manager');
});
afterEach(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH';
const send = (method: Method, url: string, headers: Record<string, string> = {}, payload?: object) => t.app.inject({ method, url, headers, payload });
const surveys = `/api/branches/${BRANCH}/surveys`;
const AUTUMN = { title: 'Autumn survey', questions: ['How was the wait?', 'How helpful were our staff?', 'How clean was the hall?'], startsOn: '2026-11-01', endsOn: '2026-11-30' };

async function createSurvey(body: object = AUTUMN) {
  const res = await send('POST', surveys, manager, body);
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** A ticket served and completed at counter 1. */
async function doneTicket(): Promise<string> {
  const teller = await t.as('teller1');
  await send('POST', `/api/counters/${counter(1)}/open`, teller, {});
  const ticket = (await send('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') })).json();
  await send('POST', `/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: ticket.id });
  await send('POST', `/api/tickets/${ticket.id}/start`, teller);
  expect((await send('POST', `/api/tickets/${ticket.id}/complete`, teller)).statusCode).toBe(200);
  return ticket.id;
}

const answer = (ticketId: string, body: object) => send('POST', `/api/public/tickets/${ticketId}/survey`, {}, body);

describe('defining surveys', () => {
  it('lets a manager create and list a survey', async () => {
    const survey = await createSurvey();
    expect(survey).toMatchObject({ ...AUTUMN, branchId: BRANCH, answers: 0 });
    expect((await send('GET', surveys, manager)).json()).toEqual([survey]);
  });

  it('refuses a survey whose dates overlap another with CONFLICT', async () => {
    await createSurvey();
    const res = await send('POST', surveys, manager, { ...AUTUMN, startsOn: '2026-11-30', endsOn: '2026-12-31' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
  });

  it.each([
    [{ ...AUTUMN, questions: ['Only one?'] }, 'questions'],
    [{ ...AUTUMN, questions: Array.from({ length: 9 }, (_, i) => `Q${i}`) }, 'questions'],
    [{ ...AUTUMN, questions: ['x'.repeat(161), 'ok'] }, 'questions'],
    [{ ...AUTUMN, questions: ['  ', 'ok'] }, 'questions'],
    [{ ...AUTUMN, title: '' }, 'title'],
    [{ ...AUTUMN, startsOn: '2026-13-01' }, 'startsOn'],
    [{ ...AUTUMN, startsOn: '2026-12-01' }, 'endsOn'],
    [{ title: 'No dates', questions: ['a', 'b'] }, 'startsOn'],
  ])('answers 400 naming the field for %j, changing nothing', async (body, field) => {
    const before = await tableDigest(t.app.lobby.db);
    const res = await send('POST', surveys, manager, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('is for managers: tellers, the account manager and devices are refused, and nothing changes', async () => {
    const callers = [await t.as('teller1'), await t.as('wealth1'), t.kiosk, t.display];
    const before = await tableDigest(t.app.lobby.db);
    for (const headers of callers) {
      expect((await send('POST', surveys, headers, AUTUMN)).statusCode).toBe(403);
      expect((await send('GET', surveys, headers)).statusCode).toBe(403);
    }
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('edits title, dates and questions until the first answer, then refuses new questions with RECORD_LOCKED', async () => {
    const survey = await createSurvey();
    const url = `${surveys}/${survey.id}`;
    const edited = await send('PATCH', url, manager, { questions: ['How was the wait?', 'How helpful were our staff?'] });
    expect(edited.json().questions).toHaveLength(2);
    expect((await answer(await doneTicket(), { scores: [5, 4] })).statusCode).toBe(204);
    const before = await tableDigest(t.app.lobby.db);
    const locked = await send('PATCH', url, manager, { questions: ['Something else?', 'And this?'] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('RECORD_LOCKED');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
    const renamed = await send('PATCH', url, manager, { title: 'Autumn 2026', endsOn: '2026-12-15' });
    expect(renamed.json()).toMatchObject({ title: 'Autumn 2026', endsOn: '2026-12-15', answers: 1 });
  });
});

describe('answering on the mobile page', () => {
  it('offers the survey of the day to a done ticket only, and 204 when there is none', async () => {
    const ticketId = await doneTicket();
    expect((await send('GET', `/api/public/tickets/${ticketId}/survey`)).statusCode).toBe(204);
    const survey = await createSurvey();
    const offered = await send('GET', `/api/public/tickets/${ticketId}/survey`);
    expect(offered.json()).toEqual({ id: survey.id, title: AUTUMN.title, questions: AUTUMN.questions });
    const waiting = (await send('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') })).json();
    expect((await send('GET', `/api/public/tickets/${waiting.id}/survey`)).statusCode).toBe(204);
  });

  it('stores the answer without the ticket id; only survey_takers knows who answered', async () => {
    const survey = await createSurvey();
    const ticketId = await doneTicket();
    expect((await answer(ticketId, { scores: [5, null, 3], suggestion: 'More seats near counter 3' })).statusCode).toBe(204);
    const answers = await t.app.lobby.db.selectFrom('survey_answers').selectAll().execute();
    expect(answers).toEqual([{ id: expect.any(String), survey_id: survey.id, scores: '[5,null,3]', suggestion: 'More seats near counter 3', answered_on: '2026-11-23' }]);
    expect(JSON.stringify(answers)).not.toContain(ticketId);
    expect(await t.app.lobby.db.selectFrom('survey_takers').selectAll().execute()).toEqual([{ survey_id: survey.id, ticket_id: ticketId }]);
    expect((await send('GET', `/api/public/tickets/${ticketId}/survey`)).statusCode).toBe(204);
  });

  it('refuses a second answer from the same ticket with ALREADY_RATED, changing nothing', async () => {
    await createSurvey();
    const ticketId = await doneTicket();
    await answer(ticketId, { scores: [5, 5, 5] });
    const before = await tableDigest(t.app.lobby.db);
    const again = await answer(ticketId, { scores: [1, 1, 1] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it.each([
    [{ scores: [5, 4] }, 'scores'],
    [{ scores: [5, 4, 6] }, 'scores'],
    [{ scores: [null, null, null] }, 'scores'],
    [{ scores: [5, 4, 3], suggestion: 'x'.repeat(501) }, 'suggestion'],
    [{ suggestion: 'no scores' }, 'scores'],
  ])('answers 400 naming the field for %j, changing nothing', async (body, field) => {
    await createSurvey();
    const ticketId = await doneTicket();
    const before = await tableDigest(t.app.lobby.db);
    const res = await answer(ticketId, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('refuses a ticket that is not done with INVALID_TRANSITION', async () => {
    await createSurvey();
    const waiting = (await send('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') })).json();
    const res = await answer(waiting.id, { scores: [5, 5, 5] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_TRANSITION');
  });
});

describe('results', () => {
  it('counts each score per question with its mean, lists the suggestions, and audits the read', async () => {
    const survey = await createSurvey();
    await answer(await doneTicket(), { scores: [5, 4, null], suggestion: 'Open earlier on Saturday' });
    await answer(await doneTicket(), { scores: [5, 2, 3] });
    await answer(await doneTicket(), { scores: [1, null, null] });
    const res = await send('GET', `${surveys}/${survey.id}/results`, manager);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      survey: { id: survey.id, answers: 3 },
      questions: [
        { question: AUTUMN.questions[0], answered: 3, counts: [1, 0, 0, 0, 2], mean: 3.67 },
        { question: AUTUMN.questions[1], answered: 2, counts: [0, 1, 0, 1, 0], mean: 3 },
        { question: AUTUMN.questions[2], answered: 1, counts: [0, 0, 1, 0, 0], mean: 3 },
      ],
      suggestions: [{ answeredOn: '2026-11-23', text: 'Open earlier on Saturday' }],
    });
    const audit = await t.app.lobby.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'read', record_type: 'survey_answer', record_id: survey.id, actor_role: 'manager' })]);
    expect(audit[0]!.fields).not.toContain('Saturday');
  });

  it('refuses the results to a teller without writing an audit row, and 404s an unknown survey', async () => {
    const survey = await createSurvey();
    expect((await send('GET', `${surveys}/${survey.id}/results`, await t.as('teller1'))).statusCode).toBe(403);
    expect((await send('GET', `${surveys}/nope/results`, manager)).statusCode).toBe(404);
    expect(await t.app.lobby.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });
});
