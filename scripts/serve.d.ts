/** Types of scripts/serve.js for the TypeScript tests that start the server. */
export interface ServerOptions {
  /** 3000 by default; 0 for any free port. */
  port?: number;
  host?: string;
  /** HTTPS key and certificate; null (default) for plain HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer } | null;
  /** The add-in build, dist/ by default. */
  dist?: string;
  /** The browser workbook build, dist-preview/ by default. */
  previewDist?: string;
  /** Serve every taskpane.html with the local office.js, not only taskpane.html?preview. */
  localOfficeJs?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** e.g. "http://localhost:40123/" */
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(options?: ServerOptions): Promise<RunningServer>;
export function taskpaneForPreview(html: string): string;
export const IDENTITY_PATH: string;
export const OFFICE_JS_CDN: string;
/** The script that sets office.js's OsfOptOut in the preview's copy of taskpane.html. */
export const OPT_OUT_PATH: string;
