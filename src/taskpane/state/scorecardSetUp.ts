/**
 * How a workbook without a scorecard gets one, from the pane's Start section: the sample, or
 * set-up from the user's own list on the active sheet (one write, and its undo while nothing
 * changed since). Each reads the new tables back and watches them at once. No DOM.
 */
import { isListSetUpStore, type ListSetUp } from "../../workbook/store";
import { errorText } from "../../workbook/writeFailure";
import type { SessionContext } from "./sessionState";

/** Creates the sample scorecard and opens it. False when it did not get that far. */
export async function createSample(ctx: SessionContext): Promise<boolean> {
  const s = ctx.state;
  if (s.busy) return false;
  const created = await writing(
    ctx,
    "Could not create the sample",
    async () => {
      await ctx.store.createSample(ctx.sampleTables());
      await openWritten(ctx);
    },
  );
  if (!created) return false;
  s.changed();
  if (s.phase === "editor")
    s.say(
      "info",
      "Created the Scorecard and Partners sheets. Edit the weights below and apply.",
    );
  else
    s.say(
      "error",
      "The sample was created, but no Criteria table could be read back.",
    );
  return true;
}

/** Reads the list on the active sheet for set-up (none where the store cannot). */
export async function readList(ctx: SessionContext): Promise<void> {
  ctx.state.list = isListSetUpStore(ctx.store)
    ? await ctx.store.readList()
    : null;
}

/** "Look for my list": reads the active sheet's list again. */
export async function findList(ctx: SessionContext): Promise<void> {
  const s = ctx.state;
  if (s.busy || s.phase !== "empty") return;
  try {
    await readList(ctx);
    s.changed();
    if (s.list === null)
      s.say(
        "info",
        "The active sheet is empty: paste or type your partner list there (a header row, then one partner per row), then choose Look for my list.",
      );
  } catch (e) {
    s.say("error", `Could not read the list: ${errorText(e)}`);
  }
}

/**
 * Sets the scorecard up from the user's list (one write) and opens it. The notice offers to
 * take it back (undoSetUp) until the next notice replaces it. False when nothing was written.
 */
export async function setUpFromList(
  ctx: SessionContext,
  setUp: ListSetUp,
): Promise<boolean> {
  const s = ctx.state;
  const store = ctx.store;
  if (s.busy || !isListSetUpStore(store)) return false;
  s.busy = true;
  try {
    await store.setUpFromList(setUp);
  } catch (e) {
    s.busy = false;
    s.say("error", `Could not set up the scorecard: ${errorText(e)}`);
    return false;
  }
  try {
    await openWritten(ctx);
  } finally {
    s.busy = false;
    s.pendingReload = false;
  }
  s.changed();
  s.setNotice({
    kind: "info",
    text: `Set up: the Criteria and Tiers tables are on the ${setUp.tables[0]?.sheet} sheet, and the list is the Partners table with Score, Tier and Next tier columns. Adjust the weights and tiers below and apply.`,
    actions: [
      {
        label: "Undo set-up",
        testid: "undo-set-up",
        run: () => void undoSetUp(ctx, setUp),
      },
    ],
  });
  return true;
}

/** Takes a set-up back: the pane returns to Start with the list found again. */
export async function undoSetUp(
  ctx: SessionContext,
  setUp: ListSetUp,
): Promise<void> {
  const s = ctx.state;
  const store = ctx.store;
  if (s.busy || !isListSetUpStore(store)) return;
  if (s.dirty || s.applies.length > 0) {
    s.say(
      "error",
      "The scorecard has changed since it was set up, so the set-up is no longer undone in one step: delete its sheet and the added columns by hand if you want it gone.",
    );
    return;
  }
  const undone = await writing(ctx, "Could not undo the set-up", async () => {
    await store.undoSetUp(setUp);
    await openWritten(ctx);
    await readList(ctx);
  });
  if (undone) s.say("info", "Undid the set-up: the list is as it was.");
  s.changed();
}

/**
 * Runs `work` (a write, then reading back what it wrote) as busy; false, with `failure` and
 * the reason said, when it threw. A change heard meanwhile is in what was read back, so no
 * reload waits.
 */
async function writing(
  ctx: SessionContext,
  failure: string,
  work: () => Promise<void>,
): Promise<boolean> {
  const s = ctx.state;
  s.busy = true;
  try {
    await work();
    return true;
  } catch (e) {
    s.say("error", `${failure}: ${errorText(e)}`);
    return false;
  } finally {
    s.busy = false;
    s.pendingReload = false;
  }
}

/** Reads the tables just written and opens them; read directly, not by loadWorkbook, so that the new tables are watched right here, once. */
async function openWritten(ctx: SessionContext): Promise<void> {
  const data = await ctx.store.load();
  await ctx.watch(data);
  ctx.state.adopt(data);
}
