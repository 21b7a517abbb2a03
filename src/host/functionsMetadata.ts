/**
 * What the host reads of the build besides the bundle: each function's shape in
 * functions.json (Microsoft: "Manually create JSON metadata for custom functions") and the
 * namespace the manifest declares; HostError names a defect of the bundle or of these.
 */

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result?: { dimensionality?: "scalar" | "matrix"; type?: string };
  options?: {
    volatile?: boolean;
    stream?: boolean;
    cancelable?: boolean;
    requiresAddress?: boolean;
  };
}

export interface FunctionsMetadata {
  /**
   * Error values reach parameters of type any (Microsoft: "Manually create JSON metadata for
   * custom functions", allowErrorForDataTypeAny); absent, Excel does not call a function
   * whose arguments hold an error and the formula shows that error.
   */
  allowErrorForDataTypeAny?: boolean;
  /**
   * Data-type values (entities, formatted numbers) arrive as objects (Microsoft: "Use data
   * types with custom functions in Excel"); absent, a function gets their basic value.
   */
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** A defect of the bundle (not a cell error): a throw of something else, a NaN, a bad shape. */
export class HostError extends Error {}

/** The functions.json namespace as the manifest declares it (Functions.Namespace). */
export function namespaceFromManifest(manifestXml: string): string {
  const match =
    /<bt:String\s+id="Functions\.Namespace"\s+DefaultValue="([^"]+)"/.exec(
      manifestXml,
    );
  if (!match)
    throw new HostError("the manifest declares no Functions.Namespace string");
  return match[1];
}
