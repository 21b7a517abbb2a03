/** Types of scripts/helpPages.js for the TypeScript tests. */
export const HELP_PAGES: string[];
/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes. */
export function anchorOf(heading: string): string;
export function renderHelpPages(root: string): { file: string; html: string }[];
export function helpHref(href: string, fromDocs: boolean): string | undefined;
