/**
 * What a failed write to the workbook means for the user: what happened and what to do, from
 * the error Excel gave. Excel's batch errors (OfficeExtension.Error) carry a `code` such as
 * "AccessDenied"; a dropped connection to Excel on the web surfaces as a network error.
 * Pure: no Office import, so the pane and the preview's store share it.
 */

export interface WriteFailure {
  /** Excel's error code, or "Network" / "Unknown". */
  code: string;
  /** What happened, in the user's words. */
  what: string;
  /** What to do about it. */
  todo: string;
}

/** An error with an Excel-style code, as the stores throw when they refuse before writing. */
export class WorkbookError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

const PROTECTED: Omit<WriteFailure, "code"> = {
  what: "Excel refused the change: the sheet that holds the Criteria or Tiers table is protected, or the workbook is read-only.",
  todo: "Unprotect the sheet (Review > Unprotect Sheet) or ask the workbook's owner, then Apply again.",
};

/**
 * Excel on the web's 5 MB per request and per response (Microsoft, "Resource limits and
 * performance optimization for Office Add-ins"). The store reads and writes large tables in
 * slices under it (payload.ts), so these mean a table far wider or wordier than assumed.
 */
const TOO_LARGE_TODO =
  "Remove columns the scorecard does not use from that table, or shorten long texts in it, then try again; Excel on the desktop does not have this limit.";
const TOO_LARGE: Record<string, Omit<WriteFailure, "code">> = {
  RequestPayloadSizeLimitExceeded: {
    what: "Excel on the web refused the change: it was more than the 5 MB Excel on the web accepts in one request.",
    todo: TOO_LARGE_TODO,
  },
  ResponsePayloadSizeLimitExceeded: {
    what: "Excel on the web could not send the workbook's tables: a part of them was more than the 5 MB it sends in one answer.",
    todo: TOO_LARGE_TODO,
  },
};

/** What a read or write that exceeded Excel on the web's payload limit means, or null for any other error. */
export function payloadTooLarge(error: unknown): string | null {
  const known = TOO_LARGE[codeOf(error)];
  return known ? `${known.what} ${known.todo}` : null;
}

/** An error in words for a notice: Excel's payload limit, which comes without a message a user could act on, said in ours. */
export function errorText(error: unknown): string {
  return payloadTooLarge(error) ?? errorMessage(error);
}

const MOVE_ASIDE =
  "Move what lies right below or beside the Criteria and Tiers tables, then Apply again.";
const CONNECTION_LOST: Omit<WriteFailure, "code"> = {
  what: "The connection to Excel was lost before the change was confirmed.",
  todo: "Check your network connection, then Apply again.",
};

const KNOWN: Record<string, Omit<WriteFailure, "code">> = {
  ...TOO_LARGE,
  AccessDenied: PROTECTED,
  ItemNotFound: {
    what: "The Criteria or Tiers table is no longer in the workbook (it was deleted or renamed).",
    todo: "Undo the deletion in Excel or rename the table back to Criteria or Tiers, then Apply again; or Revert to see what the workbook holds.",
  },
  InvalidOperationInCellEditMode: {
    what: "Excel is busy: a cell is being edited.",
    todo: "Press Enter or Esc in the sheet to finish editing the cell, then Apply again.",
  },
  InvalidOperation: {
    what: "Excel could not change the tables that way right now (a cell may be in edit mode, or the sheet is filtered or shared in a way that blocks it).",
    todo: "Finish editing any cell, clear filters on the Scorecard sheet, then Apply again.",
  },
  InvalidArgument: {
    what: "Excel could not resize a table: the new rows or columns would run into another table, a merged cell or a filter.",
    todo: MOVE_ASIDE,
  },
  InsertDeleteConflict: {
    what: "Excel could not resize a table: it would run into another table or a protected range.",
    todo: MOVE_ASIDE,
  },
  Conflict: {
    what: "Someone else changed the workbook at the same moment.",
    todo: "Wait a moment, then Apply again; the pane checks the tables again first.",
  },
  RequestAborted: CONNECTION_LOST,
  Network: CONNECTION_LOST,
  ActivityLimitReached: {
    what: "Excel is handling too many requests right now.",
    todo: "Wait a few seconds, then Apply again.",
  },
};

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code !== "") return code;
  const text = errorMessage(error);
  const prefixed = /^([A-Z][A-Za-z]+):/.exec(text);
  if (prefixed && prefixed[1] in KNOWN) return prefixed[1];
  if (/network|connection|offline|failed to fetch|timed? ?out/i.test(text))
    return "Network";
  return "Unknown";
}

/** What a thrown value says: an Error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What to do about a store's own refusals, whose message already says what happened. */
const OWN: Record<string, string> = {
  NoRoom:
    "Move those cells further away (or insert empty rows or columns next to the table), then Apply again.",
};

/** What `error`, thrown by a store's write, means for the user. */
export function explainWriteFailure(error: unknown): WriteFailure {
  const code = codeOf(error);
  const known = KNOWN[code];
  if (known) return { code, ...known };
  if (error instanceof WorkbookError && code in OWN)
    return { code, what: error.message, todo: OWN[code] };
  const message = errorMessage(error).replace(/\.$/, "");
  return {
    code,
    what: `Excel could not write the tables (${message}).`,
    todo: "Apply again; if it keeps failing, copy your changes down and reload the pane.",
  };
}
