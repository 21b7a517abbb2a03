/* global Excel, OfficeExtension */
/**
 * What the Excel store hears in the real workbook: changes of the Criteria and Tiers tables
 * by any hand but its own saves (EchoFilter), the Partners table's changes and its sheet's
 * recalculation, and the Partners row selected. Each subscription resolves to a function
 * that removes its handlers in the context they were added in.
 */
import { parseCell } from "./address";
import { coalesce, gathered } from "./coalesce";
import type { EchoFilter } from "./echoFilter";
import { TABLE } from "./names";
import { EDITED_TABLES } from "./excelTableIo";

/**
 * Watches the Criteria and Tiers tables that exist now (after createSample, watch again).
 * The listener is called for changes by any hand but this store's saves.
 */
export async function watchEditedTables(
  echo: EchoFilter,
  listener: () => void,
): Promise<() => Promise<void>> {
  const check = coalesce(async () => {
    if (await echo.isForeign()) listener();
  });
  const subscriptions = await Excel.run(async (context) => {
    const tables = EDITED_TABLES.map((name) =>
      context.workbook.tables.getItemOrNullObject(name),
    );
    await context.sync();
    const found = tables.filter((table) => !table.isNullObject);
    const added = found.map((table) => table.onChanged.add(() => check()));
    if (added.length > 0) await context.sync();
    return added;
  });
  return () => removeHandlers(subscriptions);
}

/**
 * Watches the selection in the Partners table (if there is one now; after createSample,
 * watch again). Each selection reads, in one sync, the table's address (so rows inserted
 * above the table since do not shift the answer) and the selected row's values (so the
 * partner shows as it is now, also where its cells are formulas over other sheets, whose
 * recalculation raises no change event).
 */
export async function watchPartnerSelection(
  listener: (row: number | null, values?: unknown[]) => void,
): Promise<() => Promise<void>> {
  return onPartnersTable((table) =>
    table.onSelectionChanged.add(async (event) => {
      if (!event.isInsideTable) return;
      const at = firstRow(event.address);
      const { top, values } = await Excel.run(async (ctx) => {
        const range = ctx.workbook.tables
          .getItem(TABLE.partners)
          .getRange()
          .load("address");
        const line = range
          .getIntersectionOrNullObject(`A${at + 1}:XFD${at + 1}`)
          .load("values");
        await ctx.sync();
        return {
          top: firstRow(range.address),
          values: line.isNullObject ? undefined : line.values[0],
        };
      });
      const row = at - top - 1;
      if (row < 0) listener(null);
      else listener(row, values);
    }),
  );
}

/**
 * Watches the Partners table's cells (if there is one now; after createSample, watch
 * again). The pane never writes Partners outside createSample, so every change is news.
 * Values computed from other sheets (an ERP extract, a training export) change with no
 * change event of the table's; its sheet's calculation (ExcelApi 1.8) is heard for them,
 * gathered (CALCULATION_WAIT_MS), and subscribed apart so that a host without it still
 * reports the table's changes.
 */
export async function watchPartners(
  listener: () => void,
  calculationWaitMs: number,
): Promise<() => Promise<void>> {
  const stopChanges = await onPartnersTable((table) =>
    table.onChanged.add(async () => listener()),
  );
  const calculated = gathered(listener, calculationWaitMs);
  let stopCalculations = async (): Promise<void> => {};
  try {
    stopCalculations = await onPartnersTable((table) =>
      table.worksheet.onCalculated.add(async () => calculated.call()),
    );
  } catch {
    /* ExcelApi 1.8 missing: a selected partner's row is still read as it is now */
  }
  return async () => {
    calculated.cancel();
    await stopChanges();
    await stopCalculations();
  };
}

/** The 0-based sheet row of an address's first cell: "Partners!A1:M31" or "C5:E7" -> 0 or 4. */
function firstRow(address: string): number {
  const cells = address.slice(address.lastIndexOf("!") + 1);
  return parseCell(cells.split(":")[0].replace(/\$/g, "")).row;
}

/**
 * Adds one handler to the Partners table, if the workbook has one now; resolves to a function
 * that removes it (a no-op without the table).
 */
async function onPartnersTable(
  add: (table: Excel.Table) => OfficeExtension.EventHandlerResult<unknown>,
): Promise<() => Promise<void>> {
  const subscriptions = await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLE.partners);
    await context.sync();
    if (table.isNullObject) return [];
    const added = add(table);
    await context.sync();
    return [added];
  });
  return () => removeHandlers(subscriptions);
}

async function removeHandlers(
  subscriptions: readonly OfficeExtension.EventHandlerResult<unknown>[],
): Promise<void> {
  if (subscriptions.length === 0) return;
  // Handlers are removed in the context they were added in (Office's documented way).
  await Excel.run(
    subscriptions[0].context as Excel.RequestContext,
    async (context) => {
      subscriptions.forEach((subscription) => subscription.remove());
      await context.sync();
    },
  );
}
