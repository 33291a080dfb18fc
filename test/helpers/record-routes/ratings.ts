/** STUB (being built): the ratings routes in the authorisation matrix. */
import type { RecordRoutes } from '../record-routes.js';

const routes: RecordRoutes = {
  whoMay: {},
  examples: () => ({}),
};
export default routes;
