/** Chromium for the end-to-end tests: Debian's package driven by playwright-core (no downloads). */
import { existsSync } from "fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian installs it (apt-get install chromium); override with CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether the end-to-end tests can run here. Without Chromium they are skipped with a notice
 * on a developer's machine, but never in CI (CI=true), where a missing browser is a failure.
 */
export function browserTestsRunnable(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI === "true") return true;
  console.warn(`End-to-end tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  return false;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox (containers run as root); nothing that would call Google's servers.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
