/**
 * The values export of one partner carries its chart where the store draws charts (issue 24):
 * the partner's points per perspective against its tier's average and the next tier, over
 * the exported values, in the same write (the browser workbook's store over the sample; run
 * npm run build first).
 */
import { rangeCells as at } from "../../rangeCells";
import { registerCustomFunctions } from "../../../src/preview/customFunctionsPlugin";
import { GridStore } from "../../../src/preview/gridStore";
import { Workbook } from "../../../src/preview/workbook";
import { PARTNER_CHART } from "../../../src/programme/valuesExportChart";
import { SharingSession } from "../../../src/taskpane/state/sharing";
import { TaskpaneSession } from "../../../src/taskpane/state/session";
import { sampleTables } from "../../../src/workbook/sample";
import type {
  ChartedSheet,
  OwnedSheetWrite,
  ValuesSheet,
} from "../../../src/workbook/store";
import { loadBuiltFunctions } from "../../../src/host/loadBuild";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

/** The grid's store, keeping each values sheet as written; `charting`: it draws charts (a ChartStore). */
class RecordingStore extends GridStore {
  written: ValuesSheet[] = [];
  async writeValuesSheet(sheet: ValuesSheet): Promise<string> {
    this.written.push(sheet);
    return super.writeValuesSheet(sheet);
  }
}
/** A host that draws no charts: the grid's store (a ChartStore since issue 24) without its chart port. */
class NoChartsStore extends RecordingStore {
  constructor(workbook: Workbook) {
    super(workbook);
    Object.defineProperty(this, "writeChartedSheet", { value: undefined });
  }
}
class ChartingStore extends RecordingStore {
  async writeChartedSheet(
    sheet: ChartedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    return this.writeOwnedSheet(sheet, onlyIfPresent);
  }
}

async function exported(
  store: RecordingStore,
  partner: string | null,
): Promise<{ sheet: ValuesSheet; notice: string }> {
  await store.createSample(sampleTables(46000));
  const session = new TaskpaneSession(store);
  await session.load();
  const sharing = new SharingSession(session, store, { today: () => 46000 });
  sharing.exportPartner = partner;
  await sharing.exportValues();
  return { sheet: store.written[0], notice: session.notice?.text ?? "" };
}

describe("the values export's chart", () => {
  it("exports one partner with its points per perspective, against its tier and the next, and a chart over them", async () => {
    const store = new ChartingStore(new Workbook(["Sheet1"]));
    const { sheet, notice } = await exported(store, "Tidewell Group");
    expect(notice).toMatch(/^Wrote 1 partner as plain values/);
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts!;
    expect(chart.name).toBe(PARTNER_CHART);
    const [header, ...rows] = at(sheet.cells, chart.source);
    expect(header[0]).toBe("Perspective");
    expect(header[1]).toBe("Tidewell Group");
    expect(header[2]).toMatch(/ average \(\d+ partners?\)$/);
    expect(rows.map((r) => r[0])).toEqual([
      "Financial",
      "Growth",
      "Customer",
      "Capability",
    ]);
    // The partner's points add up to its score on the sheet.
    const scoreAt = sheet.cells[2].indexOf("Score");
    const total = rows.reduce((sum, r) => sum + (r[1] as number), 0);
    expect(total).toBeCloseTo(sheet.cells[3][scoreAt] as number, 9);
  });

  it("draws no chart for an export of every partner, nor where the store draws no charts", async () => {
    const every = await exported(
      new ChartingStore(new Workbook(["Sheet1"])),
      null,
    );
    expect(every.sheet.charts ?? []).toEqual([]);
    const plain = await exported(
      new NoChartsStore(new Workbook(["Sheet1"])),
      "Tidewell Group",
    );
    expect(plain.sheet.charts ?? []).toEqual([]);
  });
});
