// autocannon's body check for pages with a per-visitor form token (run inside its worker thread,
// hence CommonJS): the page must carry a CSRF token no earlier answer carried. A server that
// served one cached page to everybody, token included, fails the measurement.
/* global module */
'use strict';
const seen = new Set();
module.exports = function verifyFreshForm(body) {
  const match = /name="_csrf" value="([^"]{16,})"/.exec(body);
  if (!match) return false;
  const token = match[1];
  if (seen.has(token)) return false;
  seen.add(token);
  return true;
};
