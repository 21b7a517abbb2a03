/* eslint-disable no-undef -- a Node script (CommonJS), used by webpack.config.js */
/**
 * The address a production build is hosted at (ADDIN_URL), checked and normalised once, so
 * that every URL the build writes (manifest, helpUrls, help pages) is `address + path`.
 * Office loads add-ins only over HTTPS, so http:// is refused here rather than by Excel later.
 */
"use strict";

const DEV_ADDRESS = "https://localhost:3000/";

/** Returns the address with exactly one trailing slash; throws a message saying what to fix. */
function hostingAddress(raw) {
  const text = String(raw ?? "").trim();
  if (!text) {
    throw new Error(
      "ADDIN_URL is not set: give the HTTPS address the add-in will be hosted at, e.g. ADDIN_URL=https://example.org/scorecard/ npm run build:prod",
    );
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `ADDIN_URL "${text}" is not a URL: write it in full, e.g. https://example.org/scorecard/`,
    );
  }
  if (url.protocol !== "https:") {
    throw new Error(
      `ADDIN_URL "${text}" is not https: Office loads add-ins only over HTTPS, so host dist/ on an HTTPS address`,
    );
  }
  if (url.search || url.hash) {
    throw new Error(
      `ADDIN_URL "${text}" has a query or fragment: give only the folder dist/ is served from`,
    );
  }
  if (/^(localhost|127\.|\[::1\])/i.test(url.host)) {
    throw new Error(
      `ADDIN_URL "${text}" is this machine: colleagues cannot reach it; use npm start for local use`,
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

module.exports = { hostingAddress, DEV_ADDRESS };
