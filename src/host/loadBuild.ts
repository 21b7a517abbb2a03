/** Loads the built bundle from dist/ into a CustomFunctionsHost (Node only). */
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import {
  CustomFunctionsHost,
  namespaceFromManifest,
  type HostOptions,
} from "./customFunctionsHost";

export const DIST = resolve(__dirname, "../../dist");

export function loadBuiltFunctions(
  options: Omit<HostOptions, "namespace"> = {},
  dist = DIST,
): CustomFunctionsHost {
  const file = (name: string) => {
    const path = join(dist, name);
    if (!existsSync(path))
      throw new Error(`${path} is missing: run npm run build first`);
    return readFileSync(path, "utf8");
  };
  const metadata = JSON.parse(file("functions.json"));
  const namespace = namespaceFromManifest(file("manifest.xml"));
  return new CustomFunctionsHost(metadata, { ...options, namespace }).load(
    file("functions.js"),
  );
}
