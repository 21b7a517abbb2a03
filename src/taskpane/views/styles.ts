/**
 * The pane's stylesheet: Fluent-looking HTML (Segoe UI / system fonts, 4px corners, Fluent
 * neutrals, Excel's green accent) in a few hundred bytes of CSS, injected once by the app so
 * that the page needs no stylesheet, font or other request of its own. Its rules are not
 * scoped under `.ps`: the page (taskpane.html, also the browser workbook's pane frame) holds
 * nothing but the pane, and every rule losing the same class keeps their order of precedence.
 */
import { PALETTES, type Palette } from "./theme";

const STYLE_ID = "ps-style";

function variables(p: Palette): string {
  return Object.entries(p)
    .map(
      ([k, v]) =>
        `--ps-${k.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}:${v};`,
    )
    .join("");
}

export function stylesheet(): string {
  return `
:root{${variables(PALETTES.light)}color-scheme:light}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${variables(PALETTES.dark)}color-scheme:dark}}
:root[data-theme=dark]{${variables(PALETTES.dark)}color-scheme:dark}
body{margin:0;background:var(--ps-background);color:var(--ps-text);font:14px/1.4 "Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif}
.ps{padding:12px 12px 0;max-width:640px}
h1,h2,h3{font-weight:600}
h1{font-size:20px;margin:0 0 2px}
h2{font-size:16px;margin:20px 0 8px;padding-top:12px;border-top:1px solid var(--ps-divider)}
h3{font-size:14px;margin:14px 0 6px;color:var(--ps-text)}
p{margin:4px 0}
.hint,.actions .status,.export-columns legend{color:var(--ps-text-secondary);font-size:12px}
ul{list-style:none;margin:0;padding:0}
button,input,select{font:inherit;font-size:14px;color:var(--ps-text);background:var(--ps-background);border:1px solid var(--ps-border);border-radius:4px}
button{min-height:32px;padding:4px 12px;cursor:pointer}
button:hover:not(:disabled){background:var(--ps-notice-background)}
button.primary{background:var(--ps-accent);border-color:var(--ps-accent);color:var(--ps-on-accent);font-weight:600}
button.primary:hover:not(:disabled){background:var(--ps-accent-hover)}
button.small{min-height:28px;padding:2px 8px;font-size:13px}
button.link{border:none;background:none;color:var(--ps-accent-text);padding:0 4px;min-height:0;text-decoration:underline}
button:disabled{opacity:.55;cursor:default}
input,select{padding:4px 6px;min-height:22px;box-sizing:border-box;accent-color:var(--ps-accent)}
select{max-width:100%;min-width:0;flex:1}
::placeholder{color:var(--ps-text-secondary);opacity:1}
input[type=range]{padding:0;border:none;background:none;flex:1;min-width:80px}
input[type=checkbox]{width:16px;height:16px;margin:0 4px 0 0;vertical-align:middle}
input[aria-invalid=true]{border-color:var(--ps-error);border-width:2px}
.field-error{color:var(--ps-error);font-size:13px;margin:0;flex-basis:100%}
:focus-visible{outline:2px solid var(--ps-focus);outline-offset:1px}
label{font-size:13px}
.row,.weight{display:flex;gap:8px;align-items:center}
.row{flex-wrap:wrap;margin:6px 0}
.field{display:flex;flex-direction:column;gap:2px;flex:1;min-width:90px}
.card,.export-columns{border:1px solid var(--ps-divider);border-radius:4px;padding:8px;margin:6px 0}
.card{background:var(--ps-surface)}
.card-head{display:flex;justify-content:space-between;align-items:baseline;gap:8px}
.name{font-weight:600;overflow-wrap:anywhere}
.share,.chart .count{font-variant-numeric:tabular-nums;white-space:nowrap}
.share{color:var(--ps-text-secondary);font-size:13px}
.weight input[type=number]{width:72px}
details summary{cursor:pointer;color:var(--ps-accent-text);font-size:13px;margin-top:4px;padding:2px 0}
.problems li,.row-problems li{font-size:13px;margin:2px 0}
.row-problems li{color:var(--ps-error)}
.problems,.notice{border-radius:4px;padding:8px}
.problems{background:var(--ps-error-background)}
.notice{background:var(--ps-notice-background);border-left:4px solid var(--ps-accent);margin:8px 0}
.notice:empty,.field-error:empty{display:none}
.notice.error{border-left-color:var(--ps-error)}
.chart li{display:grid;grid-template-columns:minmax(70px,28%) 1fr 6.5em;gap:8px;align-items:center;margin:4px 0;font-size:13px}
.bar{height:12px;background:var(--ps-track);border-radius:2px;overflow:hidden}
.bar>span{display:block;height:100%;background:var(--ps-accent-text);min-width:0}
.chart .count{text-align:right}
.chart .tname{overflow-wrap:anywhere}
.chart li.unscored .bar>span{background:var(--ps-error)}
.warn{color:var(--ps-text);font-size:13px;border-left:3px solid var(--ps-error);padding-left:6px;margin:6px 0}
.actions{position:sticky;bottom:0;background:var(--ps-background);border-top:1px solid var(--ps-divider);padding:8px 0 10px;margin-top:16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.actions .status{flex-basis:100%}
.breakdown{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
.breakdown th,.breakdown td{text-align:left;padding:2px 4px;border-bottom:1px solid var(--ps-divider);font-weight:normal}
.breakdown thead th{font-weight:600;color:var(--ps-text-secondary)}
.breakdown td{font-variant-numeric:tabular-nums}
.picture svg{display:block;max-width:420px;margin:4px 0}
.tier-history{display:block;max-width:360px;margin-top:8px;color:var(--ps-text-secondary)}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;margin:4px 0}
.legend .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.export-columns{padding:4px 8px;display:flex;flex-wrap:wrap;gap:2px 12px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
}

/** Adds the stylesheet to the document once. */
export function injectStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = stylesheet();
  doc.head.appendChild(style);
}
