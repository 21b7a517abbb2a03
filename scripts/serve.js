/* eslint-disable no-undef -- a Node script (CommonJS), not part of the add-in bundles */
/**
 * The local server: dist/ (what Excel loads: taskpane.html, functions.js, functions.json,
 * manifest.xml, assets) and dist-preview/ (the browser workbook) from one origin, so the
 * preview page can fetch the real bundle and the task pane in its iframe can reach
 * window.parent. Office.js comes from node_modules under /office-js/: the copy of
 * taskpane.html the preview asks for (taskpane.html?preview) loads it from there instead of
 * Microsoft's CDN, so the browser workbook works offline. Only node:http/https and fs.
 *
 * Run directly (npm run dev-server) it serves https://localhost:3000 until stopped.
 * `startServer` is what npm start and the end-to-end test use (port 0 = any free port).
 */
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_PREFIX = "/office-js/";
/**
 * What office.js needs before it loads outside Office (see taskpaneForPreview), as a
 * script file: the pane's Content-Security-Policy allows no inline script.
 */
const OPT_OUT_PATH = "/office-js-opt-out.js";
const OPT_OUT_SCRIPT = String.raw`var OsfOptOut = true;
// office.js's logger frames Microsoft's telemetry proxy 3 s after it loads, wherever it runs.
// The browser workbook is offline and nobody reads that log outside Office, so the frame is
// never added (the pane's Content-Security-Policy would refuse it with a console error).
(function () {
  var appendChild = Node.prototype.appendChild;
  Node.prototype.appendChild = function (child) {
    var isTelemetryFrame = child instanceof HTMLIFrameElement && /^https:\/\/telemetryservice\./.test(child.src);
    return isTelemetryFrame ? child : appendChild.call(this, child);
  };
})();
`;
/** Answers with the server's pid, so `npm stop` only ever stops this server. */
const IDENTITY_PATH = "/__partner-scorecard-server";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".md": "text/markdown; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The file under `root` that `relative` names, or null when it would leave `root`. */
function inside(root, relative) {
  const file = path.resolve(root, "." + path.posix.normalize("/" + relative));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * taskpane.html as the browser workbook shows it: office.js from this server instead of the
 * CDN, and `OsfOptOut` set first, because office.js outside Office navigates a framed page to
 * about:blank unless that global exists (office.js: "The add-in is not hosted in plain browser
 * top window"). Inside Excel the check never runs, so the opt-out changes nothing there.
 */
function taskpaneForPreview(html) {
  // Any quoting: the production build's minifier drops the quotes around attribute values.
  const cdnScript = new RegExp(`<script\\b[^>]*\\bsrc=["']?${OFFICE_JS_CDN.replace(/[.\/]/g, "\\$&")}["']?[^>]*>`, "i");
  return html.replace(cdnScript, `<script src="${OPT_OUT_PATH}"></script><script src="${OFFICE_JS_PREFIX}office.js">`);
}

/**
 * @param {object} [options]
 * @param {number} [options.port] 3000 by default; 0 for any free port.
 * @param {string} [options.host] "localhost" by default.
 * @param {{key: string|Buffer, cert: string|Buffer}|null} [options.tls] HTTPS key and certificate; null for HTTP.
 * @param {string} [options.dist] the add-in build (dist/).
 * @param {string} [options.previewDist] the browser workbook build (dist-preview/).
 * @param {boolean} [options.localOfficeJs] serve every taskpane.html with the local office.js
 *   (no Excel on this machine); otherwise only taskpane.html?preview gets it.
 * @param {(line: string) => void} [options.log] request log; silent by default.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
function startServer(options = {}) {
  const {
    port = 3000,
    host = "localhost",
    tls = null,
    dist = path.join(ROOT, "dist"),
    previewDist = path.join(ROOT, "dist-preview"),
    localOfficeJs = false,
    log = () => undefined,
  } = options;
  const officeJsDir = path.dirname(require.resolve("@microsoft/office-js/dist/office.js", { paths: [ROOT] }));

  function send(response, status, body, type = "text/plain; charset=utf-8") {
    response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    response.end(body);
  }

  function handle(request, response) {
    const url = new URL(request.url || "/", "http://localhost");
    log(`${request.method} ${url.pathname}${url.search}`);
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "Method not allowed");
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(response, 400, "Bad path");
    }
    if (pathname === "/") {
      response.writeHead(302, { Location: "/preview.html" });
      return response.end();
    }
    if (pathname === IDENTITY_PATH) return send(response, 200, JSON.stringify({ pid: process.pid }), CONTENT_TYPES[".json"]);
    if (pathname === OPT_OUT_PATH) return send(response, 200, request.method === "HEAD" ? "" : OPT_OUT_SCRIPT, CONTENT_TYPES[".js"]);

    let file = null;
    if (pathname.startsWith(OFFICE_JS_PREFIX)) {
      file = inside(officeJsDir, pathname.slice(OFFICE_JS_PREFIX.length));
    } else {
      for (const root of [previewDist, dist]) {
        const candidate = inside(root, pathname);
        if (candidate && isFile(candidate)) {
          file = candidate;
          break;
        }
      }
    }
    if (!file || !isFile(file)) {
      const hint = pathname.endsWith(".html") || pathname.endsWith(".js") ? " (run npm run build, or npm start, which builds)" : "";
      return send(response, 404, `Not found: ${pathname}${hint}`);
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    if (file === path.join(dist, "taskpane.html") && (localOfficeJs || url.searchParams.has("preview"))) {
      return send(response, 200, request.method === "HEAD" ? "" : taskpaneForPreview(fs.readFileSync(file, "utf8")), type);
    }
    response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    if (request.method === "HEAD") return response.end();
    fs.createReadStream(file).on("error", () => response.destroy()).pipe(response);
  }

  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handle) : http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const actual = server.address().port;
      resolve({
        url: `${tls ? "https" : "http"}://localhost:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

module.exports = { startServer, taskpaneForPreview, IDENTITY_PATH, OFFICE_JS_CDN, OPT_OUT_PATH };

if (require.main === module) {
  // npm run dev-server: what office-addin-debugging starts before it sideloads the add-in.
  const { httpsOptions } = require("./certificates");
  const { writePidFile, removePidFile } = require("./pidFile");
  httpsOptions()
    .then(async ({ tls, note }) => {
      const server = await startServer({ tls, log: (line) => console.log(line) });
      writePidFile(server.port);
      if (note) console.log(note);
      console.log(`Serving the add-in on ${server.url} (browser workbook: ${server.url}preview.html)`);
      const stop = () => server.close().then(() => (removePidFile(), process.exit(0)));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    })
    .catch((error) => {
      console.error(error.code === "EADDRINUSE" ? "Port 3000 is in use: is the server already running? (npm stop)" : error);
      process.exit(1);
    });
}
