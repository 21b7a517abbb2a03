/** Types of scripts/hostingAddress.js for the TypeScript tests. */
export const DEV_ADDRESS: string;
/** The hosting address with one trailing slash; throws a message for http, non-URLs, localhost. */
export function hostingAddress(raw: string | undefined): string;
