/**
 * The local server that npm start and the end-to-end test use (scripts/serve.js), against
 * a throwaway dist/ and dist-preview/: no build and no browser needed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { get } from "http";
import { tmpdir } from "os";
import { join } from "path";
import { IDENTITY_PATH, OFFICE_JS_CDN, OPT_OUT_PATH, startServer, taskpaneForPreview, type RunningServer } from "../../scripts/serve";

const TASKPANE = `<html><head><script src="${OFFICE_JS_CDN}"></script></head><body>pane</body></html>`;

let root: string;
let server: RunningServer;

function fetchText(path: string): Promise<{ status: number; type: string; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    // A raw request path: a URL string would have its dot segments resolved by the client.
    get({ host: "localhost", port: server.port, path }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body, location: response.headers.location })
      );
    }).on("error", reject);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "serve-test-"));
  mkdirSync(join(root, "dist"));
  mkdirSync(join(root, "dist-preview"));
  writeFileSync(join(root, "dist", "taskpane.html"), TASKPANE);
  writeFileSync(join(root, "dist", "functions.json"), '{"functions":[]}');
  writeFileSync(join(root, "dist-preview", "preview.html"), "<html>preview</html>");
  writeFileSync(join(root, "secret.txt"), "outside the served folders");
  server = await startServer({ port: 0, dist: join(root, "dist"), previewDist: join(root, "dist-preview") });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe("the local server", () => {
  it("serves dist/ and dist-preview/ from one origin, with content types", async () => {
    await expect(fetchText("/functions.json")).resolves.toMatchObject({ status: 200, type: "application/json; charset=utf-8" });
    await expect(fetchText("/preview.html")).resolves.toMatchObject({ status: 200, body: "<html>preview</html>" });
    await expect(fetchText("/")).resolves.toMatchObject({ status: 302, location: "/preview.html" });
  });

  it("gives the preview's copy of taskpane.html the local office.js, and Excel's copy the CDN one", async () => {
    const forExcel = await fetchText("/taskpane.html");
    expect(forExcel.body).toBe(TASKPANE);
    const forPreview = await fetchText("/taskpane.html?preview");
    expect(forPreview.body).not.toContain(OFFICE_JS_CDN);
    expect(forPreview.body).toContain(`<script src="${OPT_OUT_PATH}"></script><script src="/office-js/office.js">`);
    await expect(fetchText("/office-js/office.js")).resolves.toMatchObject({ status: 200, type: "text/javascript; charset=utf-8" });
    // office.js's opt-out is a script file: the pane's Content-Security-Policy forbids inline script.
    expect(forPreview.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    const optOut = await fetchText(OPT_OUT_PATH);
    expect(optOut).toMatchObject({ status: 200, type: "text/javascript; charset=utf-8" });
    // The opt-out first, then the guard that keeps office.js's telemetry frame out (scripts/serve.js).
    expect(optOut.body).toMatch(/^var OsfOptOut = true;\n/);
    expect(optOut.body).toContain("isTelemetryFrame");
  });

  it("never serves a file outside its folders", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/office-js/../../../../package.json", "/%2e%2e%2fsecret.txt"]) {
      const { status, body } = await fetchText(path);
      expect(status).toBe(404);
      expect(body).not.toContain("outside the served folders");
    }
  });

  it("says who it is, for npm stop", async () => {
    await expect(fetchText(IDENTITY_PATH).then((r) => JSON.parse(r.body))).resolves.toEqual({ pid: process.pid });
  });

  it("finds the CDN script however the minifier quoted it, and leaves other pages alone", () => {
    const local = `<script src="${OPT_OUT_PATH}"></script><script src="/office-js/office.js"></script>`;
    expect(taskpaneForPreview(`<head><script src=${OFFICE_JS_CDN}></script></head>`)).toBe(`<head>${local}</head>`);
    expect(taskpaneForPreview(`<script type="text/javascript" src='${OFFICE_JS_CDN}'></script>`)).toBe(local);
    expect(taskpaneForPreview("<html></html>")).toBe("<html></html>");
  });
});
