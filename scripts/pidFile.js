/* eslint-disable no-undef -- a Node script (CommonJS) */
/**
 * Where a running server leaves its pid and port for `npm stop`: under node_modules/.cache
 * (git-ignored, one per checkout, so two checkouts never stop each other's server).
 */
const fs = require("node:fs");
const path = require("node:path");

const PID_FILE = path.resolve(__dirname, "..", "node_modules", ".cache", "partner-scorecard", "server.json");

function writePidFile(port) {
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, JSON.stringify({ pid: process.pid, port }));
}

/** @returns {{pid: number, port: number} | null} */
function readPidFile() {
  try {
    const { pid, port } = JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
    return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : null;
  } catch {
    return null;
  }
}

function removePidFile() {
  // Only this process's own file: a newer server may have replaced it.
  const current = readPidFile();
  if (current && current.pid === process.pid) fs.rmSync(PID_FILE, { force: true });
}

/** For `npm stop`, once the server the file names is gone. */
function clearPidFile() {
  fs.rmSync(PID_FILE, { force: true });
}

module.exports = { PID_FILE, writePidFile, readPidFile, removePidFile, clearPidFile };
