/**
 * When the pane counts as shown (paneVisibility.ts). Office.addin is office-addin-mock's;
 * the Office behaviour follows Microsoft's pages "Show or hide the task pane of your Office
 * Add-in" (Office.addin.onVisibilityModeChanged, Office.VisibilityMode "Hidden" / "Taskpane",
 * SharedRuntime 1.1) and the Office.Addin interface reference (no getter of the current mode).
 */
// As in test/workbook/excelStore.test.ts: office-addin-mock needs only this enum of
// office-addin-manifest, whose full import drags in an ES module jest does not transform.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeMockObject } from "office-addin-mock";
import { followPaneVisibility, type OfficeAddinVisibility, type VisibilityDocument } from "../../src/taskpane/paneVisibility";

/** A page whose Page Visibility state a test sets, raising visibilitychange as a browser does. */
class Page implements VisibilityDocument {
  private readonly listeners: (() => void)[] = [];
  constructor(public visibilityState: "visible" | "hidden") {}
  addEventListener(_type: "visibilitychange", listener: () => void) {
    this.listeners.push(listener);
  }
  set(state: "visible" | "hidden") {
    this.visibilityState = state;
    this.listeners.forEach((listener) => listener());
  }
}

/** Office.addin in office-addin-mock, keeping the handler Office would call. */
function officeAddin() {
  const handlers: ((message: { visibilityMode: string }) => void)[] = [];
  const office = new OfficeMockObject({
    addin: {
      onVisibilityModeChanged: async (handler: (message: { visibilityMode: string }) => void) => {
        handlers.push(handler);
        return async () => undefined;
      },
    },
  }) as unknown as { addin: OfficeAddinVisibility };
  const mode = (visibilityMode: "Hidden" | "Taskpane") => handlers.forEach((handler) => handler({ visibilityMode }));
  return { addin: office.addin, handlers, mode };
}

describe("followPaneVisibility", () => {
  it("a page loaded hidden (the shared runtime started by a formula) is hidden until Office shows the pane", () => {
    const { addin, mode } = officeAddin();
    const page = new Page("hidden");
    const visibility = followPaneVisibility(addin, page);
    const seen: boolean[] = [];
    visibility.subscribe((visible) => seen.push(visible));
    expect(visibility.visible).toBe(false);
    mode("Taskpane");
    page.set("visible");
    expect(visibility.visible).toBe(true);
    mode("Hidden"); // the user closed the pane: the page lives on
    expect(visibility.visible).toBe(false);
    expect(seen).toEqual([true, false]);
  });

  it("a page loaded visible counts as shown, and Office's Hidden wins over a page that still says visible", () => {
    const { addin, mode } = officeAddin();
    const page = new Page("visible");
    const visibility = followPaneVisibility(addin, page);
    expect(visibility.visible).toBe(true);
    mode("Hidden");
    page.set("visible"); // e.g. the browser tab of Excel on the web shown again
    expect(visibility.visible).toBe(false);
    mode("Taskpane");
    expect(visibility.visible).toBe(true);
  });

  it("registers one handler with Office, and without Office.addin follows the page alone", () => {
    const { addin, handlers } = officeAddin();
    followPaneVisibility(addin, new Page("visible"));
    expect(handlers).toHaveLength(1);
    const page = new Page("visible");
    const visibility = followPaneVisibility(undefined, page);
    page.set("hidden");
    expect(visibility.visible).toBe(false);
  });

  it("keeps working where Office refuses the event (no SharedRuntime 1.1)", async () => {
    const refusing: OfficeAddinVisibility = { onVisibilityModeChanged: () => Promise.reject(new Error("not supported")) };
    const visibility = followPaneVisibility(refusing, new Page("visible"));
    await Promise.resolve();
    expect(visibility.visible).toBe(true);
  });
});
