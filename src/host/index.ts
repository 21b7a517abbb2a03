/**
 * The Excel-faithful custom-functions host, shared by the tests, the benchmarks and the
 * browser workbook. Node's loader (loadBuild.ts, which reads dist/ from disk) is not exported
 * here, so that the browser workbook's bundle never pulls in fs and path.
 */
export * from "./customFunctionsHost";
