/**
 * The worker-thread entry of what-if forecasts (loaded by piscina, see services/what-if-pool.ts):
 * it receives plain, cloneable inputs and runs the pure simulator off the server's event loop.
 */
import type { WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import { predictWhatIf, type LiveHall, type WhatIfAction, type WhatIfOptions } from './what-if.js';

/** One forecast to simulate: the hall as it was read, the action, and how much to simulate. */
export interface WhatIfTask {
  hall: LiveHall;
  action: WhatIfAction;
  options: WhatIfOptions;
}

export default function simulateWhatIf({ hall, action, options }: WhatIfTask): WhatIfForecast {
  return predictWhatIf(hall, action, options);
}
