/* eslint-disable no-undef -- a Node script (CommonJS) */
/**
 * HTTPS for https://localhost:3000 from office-addin-dev-certs, as the Office add-in template
 * does. On Windows and macOS getHttpsServerOptions() generates the certificates and trusts
 * them (Excel requires that). On Linux trusting needs sudo, which a start script must not
 * prompt for: the certificates are generated (offline) or reused, and the console says how to
 * trust them. When no certificate can be had at all, the server falls back to plain HTTP and
 * says so: localhost is a secure context for browsers either way.
 */
const fs = require("node:fs");

/** @returns {Promise<{tls: {key: Buffer, cert: Buffer} | null, note: string | null}>} */
async function httpsOptions() {
  let devCerts;
  let defaults;
  try {
    devCerts = require("office-addin-dev-certs");
    defaults = require("office-addin-dev-certs/lib/defaults");
  } catch {
    return { tls: null, note: "office-addin-dev-certs is not installed: serving plain HTTP." };
  }
  try {
    if (process.platform === "win32" || process.platform === "darwin") {
      const options = await devCerts.getHttpsServerOptions();
      return { tls: { key: options.key, cert: options.cert }, note: null };
    }
    const { localhostCertificatePath: certPath, localhostKeyPath: keyPath } = defaults;
    if (!fs.existsSync(certPath) || !fs.existsSync(keyPath)) await devCerts.generateCertificates();
    return {
      tls: { key: fs.readFileSync(keyPath), cert: fs.readFileSync(certPath) },
      note:
        `HTTPS uses the development certificate in ${defaults.certificateDirectory}. ` +
        "If the browser warns that it is not trusted, run `npx office-addin-dev-certs install` (needs sudo) or accept the warning once.",
    };
  } catch (error) {
    return { tls: null, note: `No development certificate (${error.message.split("\n")[0]}): serving plain HTTP instead of HTTPS.` };
  }
}

module.exports = { httpsOptions };
