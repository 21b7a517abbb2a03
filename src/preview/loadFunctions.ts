/**
 * Loads the custom functions the way Excel does: functions.json for their shapes, the
 * manifest for the namespace, functions.js run inside the custom-functions host. The files
 * are fetched from the server that serves dist/, so the page computes with the real build.
 */
import { CustomFunctionsHost, namespaceFromManifest } from "../host";

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok)
    throw new Error(
      `${path}: HTTP ${response.status}. Build the add-in first (npm run build).`,
    );
  return response.text();
}

export async function loadBuiltFunctions(
  base = "",
): Promise<CustomFunctionsHost> {
  const [metadata, manifest, source] = await Promise.all([
    fetchText(`${base}functions.json`),
    fetchText(`${base}manifest.xml`),
    fetchText(`${base}functions.js`),
  ]);
  // Blank cells arrive as null, as on Excel on the web and current desktop builds. Error
  // values and data types reach the functions as functions.json's flags say, as in Excel;
  // an argument written empty arrives as null.
  return new CustomFunctionsHost(JSON.parse(metadata), {
    namespace: namespaceFromManifest(manifest),
    blankAs: null,
  }).load(source);
}
