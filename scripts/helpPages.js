/* eslint-disable no-undef -- a Node script (CommonJS), used by webpack.config.js */
/**
 * The help pages served with the add-in (dist/help/): README.md as index.html and each
 * docs/<page>.md as <page>.html, rendered with marked at build time. Excel's "Help on this
 * function" (each function's helpUrl) and the manifest's SupportUrl open these pages, so the
 * help Excel shows is the reference in docs/, never a copy that could drift from it.
 *
 * The help is for the people who use the add-in: the developer pages (development.md,
 * browser-workbook.md) and README.md's Quick start stay on GitHub; a link to them is kept as
 * its text. Nothing in the help names the development server, so a production build holds
 * no localhost address (test/deploy checks dist/).
 *
 * Headings get GitHub's anchors (`### PRM.PARTNERSCORE` -> id="prmpartnerscore"), so a link
 * that works on GitHub works in the help pages too. Links between the pages are rewritten
 * from .md to .html; a relative link to anything the help does not carry is kept as its text.
 */
"use strict";

const fs = require("fs");
const path = require("path");

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, "")
    .replace(/ /g, "-");
}

/** The docs/ pages served as help, by name (docs/<name>.md -> help/<name>.html). */
const HELP_PAGES = [
  "functions",
  "taskpane",
  "sharing",
  "troubleshooting",
  "deployment",
];

const escapeHtml = (text) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c],
  );

/**
 * Where a link of a markdown page leads in dist/help/, or undefined when the help pages do
 * not carry its target. `fromDocs`: the link is written in docs/ (else in README.md).
 */
function helpHref(href, fromDocs) {
  if (/^[a-z]+:/i.test(href) || href.startsWith("#")) return href;
  const [target, anchor] = href.split("#");
  const suffix = anchor === undefined ? "" : `#${anchor}`;
  const rel = path.posix.normalize(fromDocs ? `docs/${target}` : target);
  if (rel === "README.md") return `index.html${suffix}`;
  const page = /^docs\/([\w-]+)\.md$/.exec(rel);
  if (page && HELP_PAGES.includes(page[1])) return `${page[1]}.html${suffix}`;
  if (rel.startsWith("docs/images/")) return rel.slice("docs/".length);
  return undefined;
}

function markedFor(fromDocs) {
  // Required here, not at the top: marked is an ES module, which Node's require loads but
  // Jest's module loader does not, and the tests load webpack.config.js (this file's user).
  const { Marked } = require("marked");
  return new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${anchorOf(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const to = helpHref(href, fromDocs);
        if (to === undefined) return inner;
        const titled = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(to)}"${titled}>${inner}</a>`;
      },
      image({ href, title, text }) {
        const to = helpHref(href, fromDocs);
        if (to === undefined) return escapeHtml(text);
        const titled = title ? ` title="${escapeHtml(title)}"` : "";
        return `<img src="${escapeHtml(to)}" alt="${escapeHtml(text)}"${titled}>`;
      },
    },
  });
}

const STYLE = `body{font:15px/1.5 "Segoe UI",system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;color:#222}
code,pre{font-family:Consolas,monospace;background:#f3f3f3}pre{padding:.6rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
img{max-width:100%}nav{margin-bottom:1rem}`;

function pageHtml(title, body) {
  // No script at all: the policy allows the page's own images and its inline stylesheet only.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)} - Partner Scorecard help</title>
<style>${STYLE}</style>
</head>
<body>
<nav><a href="index.html">Partner Scorecard help</a></nav>
${body}</body>
</html>
`;
}

/** README.md without a section that is for developers (its `## Quick start`). */
function withoutSection(markdown, heading) {
  return markdown.replace(
    new RegExp(`^## ${heading}\\n[\\s\\S]*?(?=^## )`, "m"),
    "",
  );
}

/** Renders README.md and the HELP_PAGES under `root`: [{ file: "help/<page>.html", html }]. */
function renderHelpPages(root) {
  const read = (md) => fs.readFileSync(path.join(root, md), "utf8");
  const sources = [
    {
      page: "index",
      fromDocs: false,
      text: withoutSection(read("README.md"), "Quick start"),
    },
    ...HELP_PAGES.map((page) => ({
      page,
      fromDocs: true,
      text: read(`docs/${page}.md`),
    })),
  ];
  return sources.map(({ page, fromDocs, text }) => {
    const title = (/^# (.+)$/m.exec(text) || [, page])[1];
    return {
      file: `help/${page}.html`,
      html: pageHtml(title, markedFor(fromDocs).parse(text)),
    };
  });
}

module.exports = { renderHelpPages, anchorOf, helpHref, HELP_PAGES };
