// Raadhuis workbench: what every page shares. The org chart has its own script (chart.js).
(function () {
  "use strict";
})();
