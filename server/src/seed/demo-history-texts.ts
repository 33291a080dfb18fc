/**
 * The words of the demo branch's past (seed/demo-history.ts): what its customers complained of,
 * what they were referred for, what they wrote with a low mark, and what the lobby manager noted.
 * Written in the demo branch's language (zh-Hant); every name is invented.
 */
import type { ComplaintCategory, ComplaintChannel, ReferralUrgency } from '../../../protocol/record-kinds.js';
import type { RatingReason } from '../../../protocol/rating-routes.js';

/** Picks by weight: `[value, weight]` pairs, the weights need not add up to 1. */
export function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let u = random() * total;
  for (const [value, w] of choices) if ((u -= w) < 0) return value;
  return choices[choices.length - 1]![0];
}

export const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾'];
/** An invented customer: a surname and 先生 or 女士. */
export const customerName = (random: () => number) => `${pick(random, SURNAMES)}${random() < 0.5 ? '先生' : '女士'}`;
/** An invented mobile number in the 138-0013 test range. */
export const customerPhone = (random: () => number) => `1380013${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;

export const COMPLAINT_MIX: readonly (readonly [ComplaintCategory, number])[] = [
  ['waiting_time', 0.34],
  ['staff_attitude', 0.18],
  ['fees', 0.14],
  ['equipment', 0.12],
  ['product', 0.1],
  ['environment', 0.06],
  ['other', 0.06],
];

export const COMPLAINT_CHANNEL_MIX: readonly (readonly [ComplaintChannel, number])[] = [
  ['hall', 0.7],
  ['phone', 0.18],
  ['online', 0.08],
  ['letter', 0.04],
];

/** Per category: the complaint, the reply, the outcome, the cause and the fix. */
export const COMPLAINT_TEXTS: Record<ComplaintCategory, { content: string[]; reply: string; outcome: string; rootCause: string; fix: string }> = {
  waiting_time: {
    content: ['午間等候超過四十分鐘，只開了兩個窗口。', '取號後等了很久，叫號屏顯示的等候時間不準。', '週一上午人很多，現金窗口排隊太久。'],
    reply: '已致電客戶致歉，說明午間輪班安排，並介紹自助設備及網上銀行。',
    outcome: '客戶接受解釋。',
    rootCause: '午膳輪班時開放窗口不足。',
    fix: '午間高峰改為錯峰用膳，至少保持四個窗口開放。',
  },
  staff_attitude: {
    content: ['櫃員解釋業務時語氣不耐煩。', '詢問轉賬限額時，櫃員沒有耐心說明。'],
    reply: '已向客戶致歉，並安排主管與櫃員面談。',
    outcome: '客戶表示理解。',
    rootCause: '高峰時段櫃員壓力大，溝通欠耐心。',
    fix: '晨會重申服務用語，安排服務禮儀複訓。',
  },
  fees: {
    content: ['跨行匯款手續費與網上所見不一致。', '賬戶管理費扣款事先沒有通知。'],
    reply: '已向客戶說明收費標準及減免條件，並退回誤收費用。',
    outcome: '已退回費用，客戶滿意。',
    rootCause: '大堂收費公示未及時更新。',
    fix: '更新收費公示牌，並於每月初核對。',
  },
  equipment: {
    content: ['ATM 吞卡，等了很久才有人處理。', '取號機打印不出號碼紙。', '自助終端無法列印對賬單。'],
    reply: '已即時協助客戶取回卡片並致歉，設備已報修。',
    outcome: '設備已修復，客戶接受。',
    rootCause: '設備老化，例行檢查未發現。',
    fix: '營業前檢查加入試運行，並縮短報修流程。',
  },
  product: {
    content: ['理財產品風險說明不清楚。', '定期存款提前支取的利息計算有疑問。'],
    reply: '已由理財經理再次說明產品條款及風險等級。',
    outcome: '客戶表示明白。',
    rootCause: '產品說明資料過於簡略。',
    fix: '準備一頁式產品重點說明供客戶參閱。',
  },
  environment: {
    content: ['大堂座位不足，長者要站著等候。', '冷氣太冷，等候區沒有飲用水。'],
    reply: '已致歉並增加等候區座位及飲用水。',
    outcome: '已改善。',
    rootCause: '等候區佈置未配合高峰人流。',
    fix: '高峰時段加設臨時座位。',
  },
  other: {
    content: ['停車位不足，希望分行協調。', '希望週六也能辦理業務。'],
    reply: '已向客戶說明分行安排，並記錄建議轉交網點負責人。',
    outcome: '已記錄建議。',
    rootCause: '客戶建議。',
    fix: '於月度報告中向網點負責人反映。',
  },
};

export const REFERRAL_NEEDS: readonly { need: string; product: string | null }[] = [
  { need: '有一筆定期存款即將到期，想了解其他理財選擇。', product: '結構性存款' },
  { need: '子女明年出國讀書，想了解外幣儲蓄及匯款安排。', product: '外幣定期' },
  { need: '想為退休作規劃，詢問保險及基金。', product: '養老保險' },
  { need: '有意申請房屋貸款，想了解利率及額度。', product: '房屋貸款' },
  { need: '經營小生意，想了解經營貸款。', product: '小微企業貸款' },
  { need: '詢問穩健型基金定投。', product: '基金定投' },
  { need: '大額資金轉入，希望有專人跟進。', product: null },
];

export const REFERRAL_URGENCY_MIX: readonly (readonly [ReferralUrgency, number])[] = [
  ['now', 0.35],
  ['today', 0.25],
  ['this_week', 0.3],
  ['no_rush', 0.1],
];

export const REFERRAL_NOTES = {
  contacted: '已致電客戶，約定下週面談。',
  converted: '客戶已購買產品，後續定期回訪。',
  declined: '客戶暫時不考慮，三個月後再聯絡。',
};

export const RATING_COMMENTS: Record<RatingReason, string[]> = {
  waiting_time: ['等太久了', '排隊時間太長'],
  staff_attitude: ['櫃員態度一般', '解釋不夠清楚'],
  not_resolved: ['問題沒有解決', '要再來一次'],
  environment: ['大堂太擠'],
  other: ['希望改善'],
};

export const SURVEY = {
  title: '第四季度客戶滿意度調查',
  questions: ['您對櫃員的服務態度是否滿意？', '您對等候時間是否滿意？', '您對大堂環境及設備是否滿意？', '您對本行產品是否滿意？'],
  suggestions: ['希望午間多開窗口', '自助設備說明可以更清楚', '服務很好，謝謝', '希望增加座位', '網上預約取號就更方便了'],
};

/** The diary's free text, chosen per day; `{served}` and `{busiest}` are filled in with the day's figures. */
export const DIARY_TEXTS = {
  focus: ['今日重點：引導客戶使用自助設備，疏導現金業務排隊。', '今日重點：午間高峰錯峰用膳，保持窗口開放。', '今日重點：推廣手機銀行，協助長者辦理業務。', '今日重點：月末代發工資客戶較多，加強分流。'],
  conversations: ['與多位客戶交流手機銀行使用，今日共辦理 {served} 人次，{busiest} 時最忙。', '有客戶反映叫號屏等候時間偏長，已解釋。今日共辦理 {served} 人次。', '長者客戶詢問養老金到賬，已協助查詢。今日 {busiest} 時人最多。'],
  potentialCustomers: ['一位客戶有大額定期即將到期，已轉介理財經理。', '發現一位經營商戶有貸款需求，已記錄。', '今日未發現新的潛在優質客戶。'],
  problems: ['午間等候時間偏長，建議增加窗口。', '取號機紙卷用量大，需增加備用。', '無特別問題。', 'ATM 2 現金不足，已通知補鈔。'],
};

/** A fault note per check item or machine kind. */
export const FAULT_NOTES: Record<string, string> = {
  ticket_machine: '取號機卡紙，已清理。',
  wall_displays: '叫號屏 2 無畫面，已重啟。',
  rating_pads: '評價器 3 無反應，已報修。',
  forms_and_pens: '匯款單不足，已補充。',
  notices_and_rates: '利率牌未更新，已更正。',
  hall_tidy: '等候區地面濕滑，已清潔。',
  atm: '卡鈔，已報修。',
  self_service_terminal: '打印機無紙，已更換。',
};
