/** What a failed write means for the user, from the error Excel (or a store) gave. */
import { explainWriteFailure, payloadTooLarge, WorkbookError } from "../../src/workbook/writeFailure";

/** An error as Office.js raises it from context.sync(): OfficeExtension.Error with a code. */
const officeError = (code: string, message = "Excel says no") => Object.assign(new Error(message), { name: "RichApi.Error", code });

describe("explainWriteFailure", () => {
  test.each([
    ["AccessDenied", /protected/, /Unprotect Sheet/],
    ["ItemNotFound", /no longer in the workbook/, /rename the table back/],
    ["InvalidOperationInCellEditMode", /a cell is being edited/, /Press Enter or Esc/],
    ["InvalidOperation", /could not change the tables/, /Apply again/],
    ["InvalidArgument", /could not resize a table/, /Move what lies/],
    ["Conflict", /Someone else changed the workbook/, /Apply again/],
    ["RequestAborted", /connection to Excel was lost/, /network connection/],
    ["ActivityLimitReached", /too many requests/, /Wait a few seconds/],
    // Microsoft, "Resource limits and performance optimization for Office Add-ins": 5 MB per request and response.
    ["RequestPayloadSizeLimitExceeded", /5 MB Excel on the web accepts in one request/, /Remove columns/],
    ["ResponsePayloadSizeLimitExceeded", /5 MB it sends in one answer/, /Remove columns/],
  ])("Office's %s: says what happened and what to do", (code, what, todo) => {
    const failure = explainWriteFailure(officeError(code));
    expect(failure.code).toBe(code);
    expect(failure.what).toMatch(what);
    expect(failure.todo).toMatch(todo);
  });

  test("a store's own refusal carries its code", () => {
    expect(explainWriteFailure(new WorkbookError("AccessDenied", "Tiers protected")).code).toBe("AccessDenied");
  });

  test("a code given only at the start of the message, as some hosts do", () => {
    expect(explainWriteFailure(new Error("ItemNotFound: table Tiers")).code).toBe("ItemNotFound");
  });

  test("a dropped connection without a code is still recognised", () => {
    expect(explainWriteFailure(new TypeError("Failed to fetch")).code).toBe("Network");
    expect(explainWriteFailure(new Error("The network connection was lost.")).what).toMatch(/connection to Excel was lost/);
  });

  test("anything else: Excel's own words, and what to do", () => {
    const failure = explainWriteFailure(officeError("GeneralException", "An internal error has occurred."));
    expect(failure).toEqual({
      code: "GeneralException",
      what: "Excel could not write the tables (An internal error has occurred).",
      todo: "Apply again; if it keeps failing, copy your changes down and reload the pane.",
    });
    expect(explainWriteFailure("odd").what).toBe("Excel could not write the tables (odd).");
  });
});

describe("payloadTooLarge", () => {
  test("says Excel on the web's limit in our words, for a read as for a write; null for anything else", () => {
    expect(payloadTooLarge(officeError("ResponsePayloadSizeLimitExceeded"))).toMatch(/5 MB.*Remove columns/);
    expect(payloadTooLarge(new Error("RequestPayloadSizeLimitExceeded: too big"))).toMatch(/5 MB/);
    expect(payloadTooLarge(officeError("AccessDenied"))).toBeNull();
  });
});
