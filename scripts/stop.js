/* eslint-disable no-undef -- a Node script (CommonJS) */
/**
 * npm stop: stops what npm start started. office-addin-debugging stop where Excel was
 * sideloaded; then the local server named in the pid file, but only after the server on that
 * port has confirmed it is that process, so a reused pid is never killed.
 */
const http = require("node:http");
const https = require("node:https");
const { spawnSync } = require("node:child_process");
const { clearPidFile, readPidFile } = require("./pidFile");
const { IDENTITY_PATH } = require("./serve");
const { canSideload, ROOT } = require("./sideload");

/** The pid the server on `port` reports, or null when nothing of ours answers. */
function serverPid(port) {
  const ask = (client) =>
    new Promise((resolve) => {
      const request = client.get(
        { host: "localhost", port, path: IDENTITY_PATH, rejectUnauthorized: false, timeout: 2000 },
        (response) => {
          let body = "";
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => {
            try {
              resolve(JSON.parse(body).pid ?? null);
            } catch {
              resolve(null);
            }
          });
        }
      );
      request.on("timeout", () => request.destroy());
      request.on("error", () => resolve(null));
    });
  return ask(https).then((pid) => pid ?? ask(http));
}

async function main() {
  if (canSideload()) {
    spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  }
  const entry = readPidFile();
  if (!entry) {
    console.log("No local server is recorded as running.");
    return;
  }
  const pid = await serverPid(entry.port);
  if (pid !== entry.pid) {
    console.log(`The server recorded on port ${entry.port} (pid ${entry.pid}) is not running any more.`);
    clearPidFile();
    return;
  }
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && (await serverPid(entry.port)) === pid; i++) await new Promise((r) => setTimeout(r, 100));
  clearPidFile();
  console.log(`Stopped the server on port ${entry.port} (pid ${pid}).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
