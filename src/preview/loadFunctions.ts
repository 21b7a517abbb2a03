/**
 * Loads the custom functions the way Excel does: functions.json for their shapes, the
 * manifest for the namespace, functions.js run inside the custom-functions host. The files
 * are fetched from the server that serves dist/, so the page computes with the real build.
 */
import {
  CustomFunctionsHost,
  namespaceFromManifest,
  type HostOptions,
} from "../host";

/**
 * How the browser workbook's host passes cells. Blank cells arrive as null, as on Excel on the
 * web and current desktop builds. Error values and data types reach the functions as
 * functions.json's flags say, as in Excel; an argument written empty arrives as null.
 * Ranges are not written to JSON and parsed back: the grid's engine already hands the host
 * new arrays for every call (rangeArgument.ts, rangeCells), and no function writes into its
 * arguments (test/functions/spill.property.test.ts), so the round trip only cost time, about
 * 250 ms of a 100,000-row recalculation (bench/README.md, "Twelfth pass").
 */
export const PREVIEW_HOST_OPTIONS = {
  blankAs: null,
  marshalRanges: false,
} as const satisfies Omit<HostOptions, "namespace">;

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
  return new CustomFunctionsHost(JSON.parse(metadata), {
    ...PREVIEW_HOST_OPTIONS,
    namespace: namespaceFromManifest(manifest),
  }).load(source);
}
