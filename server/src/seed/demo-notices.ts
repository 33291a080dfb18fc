/** The demo branch's notice board and interest-rate board (利率牌), as the wall display scrolls them. */
import type { Db } from '../repositories/db.js';
import { replaceNotices } from '../repositories/notice-repository.js';
import { toNoticeRows, type NoticeBoard } from '../services/notice-service.js';

export const DEMO_NOTICES: NoticeBoard = {
  notices: [
    {
      zhHant: '營業時間：週一至週五 9:00–17:00，週六 9:00–12:00',
      zhHans: '营业时间：周一至周五 9:00–17:00，周六 9:00–12:00',
      en: 'Opening hours: Mon–Fri 9:00–17:00, Sat 9:00–12:00',
    },
    {
      zhHant: '謹防電信詐騙：銀行職員不會索取您的密碼或驗證碼',
      zhHans: '谨防电信诈骗：银行职员不会索取您的密码或验证码',
      en: 'Beware of fraud: bank staff never ask for your PIN or verification code',
    },
    {
      zhHant: '存取款及轉賬可使用自助設備辦理，節省等候時間',
      zhHans: '存取款及转账可使用自助设备办理，节省等候时间',
      en: 'Use the self-service machines for cash and transfers, and skip the queue',
    },
    {
      zhHant: '大額取現（5萬元以上）請提前一天預約',
      zhHans: '大额取现（5万元以上）请提前一天预约',
      en: 'Cash withdrawals over ¥50,000: please book one day ahead',
    },
  ],
  rates: [
    { label: { zhHant: '活期存款', zhHans: '活期存款', en: 'Demand deposit' }, value: '0.05%' },
    { label: { zhHant: '三個月定期', zhHans: '三个月定期', en: '3-month fixed' }, value: '0.65%' },
    { label: { zhHant: '半年定期', zhHans: '半年定期', en: '6-month fixed' }, value: '0.85%' },
    { label: { zhHant: '一年定期', zhHans: '一年定期', en: '1-year fixed' }, value: '0.95%' },
    { label: { zhHant: '二年定期', zhHans: '二年定期', en: '2-year fixed' }, value: '1.05%' },
    { label: { zhHant: '三年定期', zhHans: '三年定期', en: '3-year fixed' }, value: '1.25%' },
    { label: { zhHant: '五年定期', zhHans: '五年定期', en: '5-year fixed' }, value: '1.30%' },
  ],
};

/** Fills the demo branch's boards (inside the seeding transaction). */
export const seedDemoNotices = (db: Db, branchId: string, now: string) =>
  replaceNotices(db, branchId, toNoticeRows(branchId, DEMO_NOTICES, now));
