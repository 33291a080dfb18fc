/** Entry point of the display page (display-ui/index.html). */
import './components/display-app.js';
