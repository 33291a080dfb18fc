/**
 * The demo branch's services and counters, as data: what the seed creates on an empty database
 * (seed/demo-branch.ts) and what the simulator's demo profile models (simulator/branch-profile.ts),
 * so the two cannot drift apart. No database, no simulator: either may import it.
 */
import type { MachineKind } from '../../../protocol/schemas.js';

export const DEMO_BRANCH_ID = 'demo';

export interface DemoService {
  prefix: string;
  en: string;
  zhHant: string;
  zhHans: string;
  selfService: MachineKind | null;
  targetMinutes: number;
  serviceMinutes: number;
  icon: string;
}

export const DEMO_SERVICES: readonly DemoService[] = [
  { prefix: 'A', en: 'Cash & deposits', zhHant: '現金存取', zhHans: '现金存取', selfService: 'atm', targetMinutes: 10, serviceMinutes: 4, icon: '💴' },
  { prefix: 'B', en: 'Transfers & remittance', zhHant: '轉賬匯款', zhHans: '转账汇款', selfService: 'self_service_terminal', targetMinutes: 10, serviceMinutes: 6, icon: '🔁' },
  { prefix: 'C', en: 'Cards & accounts', zhHant: '卡務及賬戶', zhHans: '卡务及账户', selfService: 'self_service_terminal', targetMinutes: 15, serviceMinutes: 7, icon: '💳' },
  { prefix: 'D', en: 'Foreign exchange', zhHant: '外幣兌換', zhHans: '外币兑换', selfService: null, targetMinutes: 15, serviceMinutes: 5, icon: '💱' },
  { prefix: 'E', en: 'Wealth management & loans', zhHant: '理財及貸款', zhHans: '理财及贷款', selfService: null, targetMinutes: 20, serviceMinutes: 15, icon: '📈' },
  { prefix: 'V', en: 'VIP banking', zhHant: '貴賓服務', zhHans: '贵宾服务', selfService: null, targetMinutes: 5, serviceMinutes: 10, icon: '⭐' },
];

export interface DemoCounter {
  number: number;
  /** The prefixes of the services it calls. */
  serves: string;
  vip?: boolean;
  /** A seated counter for non-cash business. */
  low?: boolean;
}

/** Counter number → the prefixes it serves; 5 is the low counter, 6 the VIP counter. */
export const DEMO_COUNTERS: readonly DemoCounter[] = [
  { number: 1, serves: 'ABD' },
  { number: 2, serves: 'ABD' },
  { number: 3, serves: 'ABC' },
  { number: 4, serves: 'ABCD' },
  { number: 5, serves: 'CE', low: true },
  { number: 6, serves: 'VABCDE', vip: true },
];

/** The id of a demo service: `demo-a` for prefix A. */
export const demoServiceId = (prefix: string) => `${DEMO_BRANCH_ID}-${prefix.toLowerCase()}`;
/** The id of a demo counter: `demo-counter-3`. */
export const demoCounterId = (number: number) => `${DEMO_BRANCH_ID}-counter-${number}`;
