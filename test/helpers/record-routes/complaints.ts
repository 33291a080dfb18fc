/** STUB (being built): the complaints routes in the authorisation matrix. */
import type { RecordRoutes } from '../record-routes.js';

const routes: RecordRoutes = {
  whoMay: {},
  examples: () => ({}),
};
export default routes;
