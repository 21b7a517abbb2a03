/* eslint-disable no-undef -- a Node script (CommonJS) */
/**
 * Whether Excel can be started with the add-in sideloaded: office-addin-debugging is an
 * optional dependency that only installs (and only works) on Windows and macOS.
 */
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

function canSideload() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

module.exports = { canSideload, ROOT };
