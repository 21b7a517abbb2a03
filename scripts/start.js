/* eslint-disable no-undef -- a Node script (CommonJS) */
/**
 * npm start: builds the add-in (production) and the browser workbook, then
 * - where Excel can be sideloaded (Windows, macOS with office-addin-debugging): starts Excel
 *   with the add-in (office-addin-debugging start, which runs npm run dev-server);
 * - everywhere else, or with --browser (npm run preview): serves both on port 3000 in this
 *   process and prints the browser workbook's address. Ctrl+C or npm stop ends it.
 */
const { spawnSync } = require("node:child_process");
const { httpsOptions } = require("./certificates");
const { writePidFile, removePidFile } = require("./pidFile");
const { startServer } = require("./serve");
const { canSideload, ROOT } = require("./sideload");

const PORT = 3000;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed.`);
    process.exit(result.status ?? 1);
  }
}

async function main() {
  const browserOnly = process.argv.includes("--browser");
  run("npm", ["run", "build"]);
  run(process.execPath, [require.resolve("webpack/bin/webpack.js"), "--config", "webpack.preview.config.js", "--mode", "production"]);

  if (!browserOnly && canSideload()) {
    run("npx", ["office-addin-debugging", "start", "manifest.xml"]);
    console.log(`Excel is starting with the add-in. The browser workbook is at https://localhost:${PORT}/preview.html too.`);
    return;
  }

  const { tls, note } = await httpsOptions();
  let server;
  try {
    // No Excel on this machine: every taskpane.html gets the local office.js (no CDN, works offline).
    server = await startServer({ port: PORT, tls, localOfficeJs: true });
  } catch (error) {
    if (error.code === "EADDRINUSE") {
      console.error(`Port ${PORT} is in use. Is the server already running? Stop it with npm stop.`);
      process.exit(1);
    }
    throw error;
  }
  writePidFile(server.port);
  console.log("");
  if (note) console.log(note);
  if (!browserOnly) console.log("Excel cannot be sideloaded on this machine (office-addin-debugging runs on Windows and macOS only).");
  console.log(`Browser workbook: ${server.url}preview.html`);
  console.log(`Add-in files:     ${server.url}taskpane.html, ${server.url}manifest.xml`);
  console.log("Stop with Ctrl+C or npm stop.");
  const stop = () =>
    server.close().then(() => {
      removePidFile();
      process.exit(0);
    });
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
