/**
 * The lobby manager's records around the demo branch's simulated past (seed/demo-history.ts):
 * ratings after service, complaints and their replies, referrals to the account manager, the work
 * diary, opening and closing checks, kiosk faults and a satisfaction survey, in plausible numbers
 * (1–3 complaints a week, a rating for about 40% of served tickets, mostly 4–5). Nothing after the
 * start of today: a follow-up that would fall today or later has not happened yet.
 */
import type { NewTicket } from '../../../db/schema.js';
import type { RatingReason } from '../../../protocol/rating-routes.js';
import type { Branch, MachineKind } from '../../../protocol/schemas.js';
import { DEMO_BRANCH_ID, DEMO_SERVICES, demoServiceId } from '../demo/demo-branch-layout.js';
import { businessDay } from '../domain/business-day.js';
import { replyDueAt, startOfDay } from '../domain/complaint-rules.js';
import type { Db } from '../repositories/db.js';
import type { Random } from '../simulator/random.js';
import type { HistoryDay } from './demo-history-day.js';
import {
  COMPLAINT_CHANNEL_MIX,
  COMPLAINT_MIX,
  COMPLAINT_TEXTS,
  customerName,
  customerPhone,
  DIARY_TEXTS,
  FAULT_NOTES,
  pick,
  RATING_COMMENTS,
  REFERRAL_NEEDS,
  REFERRAL_NOTES,
  REFERRAL_URGENCY_MIX,
  SURVEY,
  weighted,
} from './demo-history-texts.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Share of served customers who rate their visit on the counter's pad or their phone. */
const RATED_SHARE = 0.4;
/** Complaints a day: none on most days, about two a week. */
const COMPLAINTS_PER_DAY: readonly (readonly [number, number])[] = [[0, 0.64], [1, 0.3], [2, 0.06]];
/** Share of complaints replied to within the deadline. */
const REPLIED_IN_TIME_SHARE = 0.85;
const REFERRALS_PER_DAY: readonly (readonly [number, number])[] = [[0, 0.3], [1, 0.4], [2, 0.22], [3, 0.08]];
const DIARY_SHARE = 0.6;
/** Days of survey at the end of the history. */
const SURVEY_DAYS = 40;
const SURVEY_ANSWERS_PER_DAY = 4;

export interface HistoryContext {
  branch: Branch;
  generated: HistoryDay[];
  managerId: string;
  accountManagerId: string;
  machines: { id: string; kind: MachineKind; label: string }[];
  kioskId: string | null;
  now: Date;
  random: Random;
  ids: Random;
}

/** A UUIDv7-shaped id for an instant, its random bits from the seeded stream: sorts by time, repeats exactly. */
export function historyId(atMs: number, random: Random): string {
  const hex = Math.floor(atMs).toString(16).padStart(12, '0');
  const bits = (n: number) => Math.floor(random() * 16 ** n).toString(16).padStart(n, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${bits(3)}-${(0x8000 | Math.floor(random() * 0x4000)).toString(16)}-${bits(12)}`;
}

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const ms = (at: string | null | undefined) => Date.parse(at!);
const targetOf = new Map(DEMO_SERVICES.map((s) => [demoServiceId(s.prefix), s.targetMinutes * 60]));
const waitSeconds = (t: NewTicket) => (ms(t.called_at) - ms(t.issued_at)) / 1000;

/** A mark for a visit: mostly 4 and 5, lower after a long wait. */
function score(random: Random, waitedTooLong: boolean): number {
  return waitedTooLong
    ? weighted(random, [[5, 0.3], [4, 0.3], [3, 0.2], [2, 0.12], [1, 0.08]])
    : weighted(random, [[5, 0.64], [4, 0.26], [3, 0.06], [2, 0.025], [1, 0.015]]);
}

/** Writes every record of the history in the caller's transaction; returns how many of the main ones. */
export async function writeDemoRecords(trx: Db, context: HistoryContext): Promise<{ ratings: number; complaints: number; referrals: number }> {
  const { branch, generated, random, ids } = context;
  const calendar = { timeZone: branch.timeZone, holidays: branch.settings.holidays };
  // Nothing happens from the start of today on: the live demo starts with an empty day.
  const limitMs = startOfDay(businessDay(context.now, branch.timeZone), branch.timeZone).getTime();
  const before = (atMs: number) => atMs < limitMs;

  const ratings = [];
  const complaints = [];
  const referrals = [];
  const diary = [];
  const checks = [];
  const deviceFaults = [];
  for (const d of generated) {
    const served = d.tickets.filter((t) => t.status === 'done');
    const tellerAt = (counterId: string | null | undefined) => (counterId ? (d.tellers.get(counterId) ?? null) : null);

    for (const t of served) {
      if (random() >= RATED_SHARE) continue;
      const long = waitSeconds(t) > 2 * (targetOf.get(t.service_id) ?? 600);
      const mark = score(random, long);
      const reason: RatingReason | null = mark > 2 ? null : long ? 'waiting_time' : weighted(random, [['staff_attitude', 0.35], ['not_resolved', 0.35], ['environment', 0.15], ['other', 0.15]] as const);
      const mobile = random() < 0.12;
      ratings.push({
        ticket_id: t.id,
        branch_id: DEMO_BRANCH_ID,
        business_day: d.day,
        service_id: t.service_id,
        counter_id: t.counter_id ?? null,
        teller_id: tellerAt(t.counter_id),
        score: mark,
        reason,
        comment: reason && random() < 0.5 ? pick(random, RATING_COMMENTS[reason]) : null,
        source: mobile ? ('mobile' as const) : ('counter' as const),
        at: iso(ms(t.ended_at) + (mobile ? 5 * MINUTE + random() * 40 * MINUTE : 5_000 + random() * 25_000)),
      });
    }

    for (let n = weighted(random, COMPLAINTS_PER_DAY); n > 0; n--) {
      const category = weighted(random, COMPLAINT_MIX);
      const channel = weighted(random, COMPLAINT_CHANNEL_MIX);
      // A hall complaint about a wait comes from someone who waited long; others from any visit.
      const candidates = category === 'waiting_time' ? [...served].sort((a, b) => waitSeconds(b) - waitSeconds(a)).slice(0, 10) : served;
      const ticket = channel === 'hall' && candidates.length > 0 ? pick(random, candidates) : null;
      const receivedMs = ticket ? ms(ticket.ended_at) + (2 + 10 * random()) * MINUTE : d.openingMs + random() * (d.closingMs - d.openingMs);
      const dueMs = replyDueAt(new Date(receivedMs), branch.settings.complaintReplyWorkingDays, calendar).getTime();
      const inTime = random() < REPLIED_IN_TIME_SHARE;
      const repliedMs = inTime ? receivedMs + 2 * HOUR + random() * Math.max(0, dueMs - receivedMs - 3 * HOUR) : dueMs + (0.5 + 1.5 * random()) * DAY;
      const closedMs = repliedMs + (1 + 2 * random()) * DAY;
      const texts = COMPLAINT_TEXTS[category];
      const replied = before(repliedMs);
      const closed = replied && before(closedMs);
      complaints.push({
        id: historyId(receivedMs, ids),
        branch_id: DEMO_BRANCH_ID,
        received_at: iso(receivedMs),
        channel,
        category,
        content: pick(random, texts.content),
        customer_name: customerName(random),
        customer_phone: random() < 0.6 ? customerPhone(random) : null,
        ticket_id: ticket?.id ?? null,
        ticket_number: ticket?.number ?? null,
        counter_id: ticket?.counter_id ?? null,
        teller_id: tellerAt(ticket?.counter_id),
        received_by: context.managerId,
        handler_id: context.managerId,
        status: closed ? ('closed' as const) : replied ? ('replied' as const) : ('open' as const),
        reply_due_at: iso(dueMs),
        reply: replied ? texts.reply : null,
        replied_at: replied ? iso(repliedMs) : null,
        outcome: closed ? texts.outcome : null,
        root_cause: closed ? texts.rootCause : null,
        fix: closed ? texts.fix : null,
        closed_at: closed ? iso(closedMs) : null,
        updated_at: iso(closed ? closedMs : replied ? repliedMs : receivedMs),
      });
    }

    // Valued customers and wealth-management visitors are the ones referred.
    const referable = served.filter((t) => t.tier === 'vip' || t.service_id === demoServiceId('E'));
    for (let n = Math.min(weighted(random, REFERRALS_PER_DAY), referable.length); n > 0; n--) {
      const ticket = referable.splice(Math.floor(random() * referable.length), 1)[0]!;
      const createdMs = ms(ticket.ended_at) + (1 + 4 * random()) * MINUTE;
      const contactedMs = createdMs + (0.2 + 2 * random()) * DAY;
      const settledMs = contactedMs + (3 + 10 * random()) * DAY;
      const settled = weighted(random, [['converted', 0.35], ['declined', 0.2], ['contacted', 0.45]] as const);
      const status = before(settledMs) ? settled : before(contactedMs) ? 'contacted' : 'referred';
      const need = pick(random, REFERRAL_NEEDS);
      referrals.push({
        id: historyId(createdMs, ids),
        branch_id: DEMO_BRANCH_ID,
        customer_id: null,
        ticket_id: ticket.id,
        ticket_number: ticket.number,
        customer_name: customerName(random),
        customer_phone: customerPhone(random),
        need: need.need,
        product_interest: need.product,
        urgency: weighted(random, REFERRAL_URGENCY_MIX),
        referred_to: context.accountManagerId,
        referred_by: context.managerId,
        status,
        note: status === 'referred' ? null : REFERRAL_NOTES[status],
        created_at: iso(createdMs),
        updated_at: iso(status === 'referred' ? createdMs : status === settled && before(settledMs) ? settledMs : contactedMs),
      });
    }

    if (random() < DIARY_SHARE) {
      const byHour = new Map<number, number>();
      for (const t of d.tickets) {
        const hour = Math.floor((ms(t.issued_at) - d.openingMs) / HOUR) + 9;
        byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
      }
      const busiest = [...byHour].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 9;
      const fill = (text: string) => text.replace('{served}', String(served.length)).replace('{busiest}', `${String(busiest).padStart(2, '0')}:00`);
      const writtenMs = d.closingMs + (20 + 30 * random()) * MINUTE;
      diary.push({
        id: historyId(writtenMs, ids),
        branch_id: DEMO_BRANCH_ID,
        business_day: d.day,
        author_id: context.managerId,
        focus: pick(random, DIARY_TEXTS.focus),
        conversations: fill(pick(random, DIARY_TEXTS.conversations)),
        potential_customers: pick(random, DIARY_TEXTS.potentialCustomers),
        problems: pick(random, DIARY_TEXTS.problems),
        created_at: iso(writtenMs),
        updated_at: iso(writtenMs),
      });
    }

    for (const [kind, atMs, share] of [['opening', d.openingMs - 25 * MINUTE, 0.95], ['closing', d.closingMs + 15 * MINUTE, 0.88]] as const) {
      if (random() >= share) continue;
      const items = [
        ...branch.settings.checklistItems.map((item) => ({ item, machineId: null as string | null, faultNote: FAULT_NOTES[item] ?? '需要跟進。', share: 0.02 })),
        ...context.machines.map((m) => ({ item: m.label, machineId: m.id as string | null, faultNote: FAULT_NOTES[m.kind]!, share: 0.025 })),
      ].map(({ item, machineId, faultNote, share: faultShare }) => {
        const ok = random() >= faultShare;
        return { item, machineId, ok, note: ok ? null : faultNote };
      });
      checks.push({ id: historyId(atMs, ids), branch_id: DEMO_BRANCH_ID, business_day: d.day, kind, items: JSON.stringify(items), checked_by: context.managerId, checked_at: iso(atMs) });
    }

    if (context.kioskId && random() < 0.2) {
      const atMs = d.openingMs + random() * (d.closingMs - d.openingMs);
      const kind = random() < 0.6 ? ('paper_out' as const) : ('print_failed' as const);
      deviceFaults.push({
        id: historyId(atMs, ids),
        branch_id: DEMO_BRANCH_ID,
        device_id: context.kioskId,
        kind,
        detail: kind === 'print_failed' ? '打印機卡紙' : null,
        at: iso(atMs),
        resolved_at: iso(atMs + (4 + 20 * random()) * MINUTE),
        resolved_by: context.managerId,
      });
    }
  }

  const surveyDays = generated.slice(-SURVEY_DAYS);
  const survey = surveyDays.length > 0 ? surveyOf(context, surveyDays) : null;

  await insertAll(trx, 'ratings', ratings);
  await insertAll(trx, 'complaints', complaints);
  await insertAll(trx, 'referrals', referrals);
  await insertAll(trx, 'diary_entries', diary);
  await insertAll(trx, 'hall_checks', checks);
  await insertAll(trx, 'device_faults', deviceFaults);
  if (survey) {
    await trx.insertInto('surveys').values(survey.survey).execute();
    await insertAll(trx, 'survey_answers', survey.answers);
    await insertAll(trx, 'survey_takers', survey.takers);
  }
  return { ratings: ratings.length, complaints: complaints.length, referrals: referrals.length };
}

/** The quarter's satisfaction survey over the last days of the history, and a few answers each day. */
function surveyOf(context: HistoryContext, days: HistoryDay[]) {
  const { random, ids } = context;
  const first = days[0]!;
  const surveyId = historyId(first.openingMs - HOUR, ids);
  const answers = [];
  const takers = [];
  for (const d of days) {
    const served = d.tickets.filter((t) => t.status === 'done');
    for (let n = Math.min(SURVEY_ANSWERS_PER_DAY, served.length); n > 0; n--) {
      const ticket = served.splice(Math.floor(random() * served.length), 1)[0]!;
      const scores = SURVEY.questions.map(() => (random() < 0.05 ? null : weighted(random, [[5, 0.5], [4, 0.32], [3, 0.12], [2, 0.04], [1, 0.02]])));
      // The answer's id says nothing of the visit: every answer of a day shares the day's closing time.
      answers.push({ id: historyId(d.closingMs, ids), survey_id: surveyId, scores: JSON.stringify(scores), suggestion: random() < 0.25 ? pick(random, SURVEY.suggestions) : null, answered_on: d.day });
      takers.push({ survey_id: surveyId, ticket_id: ticket.id });
    }
  }
  return {
    survey: {
      id: surveyId,
      branch_id: DEMO_BRANCH_ID,
      title: SURVEY.title,
      questions: JSON.stringify(SURVEY.questions),
      starts_on: first.day,
      ends_on: days[days.length - 1]!.day,
      created_by: context.managerId,
      created_at: iso(first.openingMs - HOUR),
    },
    answers,
    takers,
  };
}

type RecordTable = 'ratings' | 'complaints' | 'referrals' | 'diary_entries' | 'hall_checks' | 'device_faults' | 'survey_answers' | 'survey_takers';

/**
 * Inserts rows in chunks that stay under SQLite's parameter limit (at most 23 columns a row). The rows
 * are built for their table above; Kysely cannot type a table chosen at run time, hence `never`.
 */
async function insertAll(trx: Db, table: RecordTable, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
}
