/**
 * The browser workbook to an .xlsx and back, through ExcelJS in Node, with the real sample
 * and the built functions (run npm run build first; npm test does).
 */
import * as ExcelJS from "exceljs";
import { cellName } from "./a1";
import { loadBuiltFunctions } from "../../test/host/loadBuild";
import { sampleTables } from "../workbook/sample";
import { registerCustomFunctions } from "./customFunctionsPlugin";
import { GridStore } from "./gridStore";
import { Workbook, type CellAddress } from "./workbook";
import { fromXlsx, toXlsx } from "./xlsxFile";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

/** The sample scorecard and a spilled formula, as a user would have them. */
async function sampleWorkbook(): Promise<Workbook> {
  const workbook = new Workbook();
  await new GridStore(workbook).createSample(sampleTables());
  workbook.write(
    { sheet: "Partners", row: 39, col: 12 },
    "=PRM.PARTNERSCORE(C2:J4,Criteria[#All],B2:B4)",
  );
  workbook.write({ sheet: "Sheet1", row: 1, col: 0 }, "=Tiers[#Headers]");
  return workbook;
}

/** Every used cell of every sheet: what it holds, what it shows, its format. */
function snapshot(workbook: Workbook) {
  return workbook.sheetNames.map((sheet) => {
    const { rows, cols } = workbook.usedSize(sheet);
    const cells: Record<string, unknown> = {};
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const at: CellAddress = { sheet, row, col };
        const { value, input, spilled } = workbook.cell(at);
        if (value === null && input === "") continue;
        cells[`${row},${col}`] = {
          value,
          input,
          spilled,
          format: workbook.numberFormat(at),
        };
      }
    }
    return { sheet, cells };
  });
}

async function reopened(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook(["Old"]);
  workbook.write({ sheet: "Old", row: 0, col: 0 }, "replaced");
  await fromXlsx(bytes, workbook);
  return workbook;
}

async function fileOf(
  build: (file: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const file = new ExcelJS.Workbook();
  build(file);
  return new Uint8Array(await file.xlsx.writeBuffer());
}

describe("the browser workbook as an .xlsx", () => {
  it("round-trips the sample scorecard: sheets, tables, formulas, values, formats", async () => {
    const original = await sampleWorkbook();
    const copy = await reopened(await toXlsx(original));
    expect(copy.sheetNames).toEqual(original.sheetNames);
    expect(copy.tables.all()).toEqual(original.tables.all());
    expect(snapshot(copy)).toEqual(snapshot(original));
    // The task pane reads the same scorecard from the copy.
    await expect(new GridStore(copy).load()).resolves.toEqual(
      await new GridStore(original).load(),
    );
  });

  it("writes formulas as typed with their results, real tables, and number formats", async () => {
    const original = await sampleWorkbook();
    const file = new ExcelJS.Workbook();
    await file.xlsx.load((await toXlsx(original)) as unknown as ArrayBuffer);
    const partners = file.getWorksheet("Partners")!;
    const column = (partners.getRow(1).values as unknown[]).indexOf("Score");
    // ExcelJS's cell, not an Office.js range: nothing to load or sync (office-addins rules).
    const { formula, result, numFmt } = partners.getCell(2, column);
    expect(formula).toBe("PRM.PARTNERSCORE(C2:K2,Criteria[#All],B2,,C$1:K$1)");
    expect(result).toBeCloseTo(
      original.cell({ sheet: "Partners", row: 1, col: column - 1 })
        .value as number,
      12,
    );
    expect(numFmt).toBe("0.0");
    // A spilled result is an array formula over the cells it fills, each with its value.
    expect(partners.getCell("M40").value).toMatchObject({
      shareType: "array",
      ref: "M40:M42",
    });
    expect(partners.getCell("M42").value).toBeCloseTo(
      original.cell({ sheet: "Partners", row: 41, col: 12 }).value as number,
      12,
    );
    const tables = file.worksheets.flatMap((w) =>
      (
        w.getTables() as unknown as {
          model: { name: string; tableRef: string };
        }[]
      ).map((t) => [w.name, t.model.name, t.model.tableRef]),
    );
    expect(tables).toEqual(
      original.tables
        .all()
        .map((t) => [
          t.sheet,
          t.name,
          `${cellName(t.topLeft)}:${cellName({ row: t.topLeft.row + t.height - 1, col: t.topLeft.col + t.width - 1 })}`,
        ]),
    );
    expect(tables.map((t) => t[1])).toEqual(["Criteria", "Tiers", "Partners"]);
  });

  it("saves a date typed into the grid as a dated number, and opens it as one", async () => {
    const original = new Workbook();
    original.write({ sheet: "Sheet1", row: 0, col: 0 }, "2025-03-31");
    const bytes = await toXlsx(original);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(file.getWorksheet("Sheet1")!.getCell("A1").numFmt).toBe(
      "yyyy-mm-dd",
    );
    const copy = await reopened(bytes);
    expect(copy.cell({ sheet: "Sheet1", row: 0, col: 0 }).value).toBe(45747);
    expect(copy.numberFormat({ sheet: "Sheet1", row: 0, col: 0 })).toBe(
      "yyyy-mm-dd",
    );
  });

  it("opens what Excel writes: _xldudf_ and _xlfn. prefixes, shared formulas, dates, rich text", async () => {
    const bytes = await fileOf((file) => {
      const sheet = file.addWorksheet("Data");
      sheet.addTable({
        name: "Criteria",
        ref: "A1",
        columns: ["Criterion", "Method", "Min", "Max", "Weight"].map(
          (name) => ({ name }),
        ),
        rows: [
          ["Revenue", "range", 0, 100, 1],
          ["NPS", "range", 0, 10, 1],
        ],
      });
      sheet.getCell("A5").value = 50;
      sheet.getCell("B5").value = 5;
      sheet.getCell("C5").value = {
        formula: "_xldudf_PRM_PARTNERSCORE(A5:B5,Criteria[#All])",
        result: 0,
      };
      sheet.getCell("D5").value = {
        formula: '_xlfn.IFS(C5>10,"high",C5<=10,"low")',
        result: "",
      };
      sheet.getCell("A6").value = 1;
      sheet.getCell("A7").value = 2;
      sheet.fillFormula("B6:B7", "A6*10", [10, 20]);
      sheet.getCell("E5").value = new Date(Date.UTC(2025, 2, 31));
      sheet.getCell("E5").numFmt = "yyyy-mm-dd";
      sheet.getCell("E6").value = {
        richText: [{ text: "Alder " }, { text: "Peak", font: { bold: true } }],
      };
    });
    const workbook = new Workbook();
    const report = await fromXlsx(bytes, workbook);
    expect(report).toEqual({
      sheets: ["Data"],
      tables: ["Criteria"],
      problems: [],
    });
    const at = (name: string) =>
      workbook.cell({
        sheet: "Data",
        row: Number(name.slice(1)) - 1,
        col: name.charCodeAt(0) - 65,
      });
    expect(at("C5").input).toBe("=PRM.PARTNERSCORE(A5:B5,Criteria[#All])");
    expect(at("C5").value).toBeCloseTo(50, 12);
    expect(at("D5")).toMatchObject({
      input: '=IFS(C5>10,"high",C5<=10,"low")',
      value: "high",
    });
    expect(at("B7")).toMatchObject({ input: "=A7*10", value: 20 });
    expect(at("E5").value).toBe(45747);
    expect(workbook.numberFormat({ sheet: "Data", row: 4, col: 4 })).toBe(
      "yyyy-mm-dd",
    );
    expect(at("E6").value).toBe("Alder Peak");
  });

  it("computes the structured references Excel writes: columns, and this row as [#This Row]", async () => {
    const bytes = await fileOf((file) => {
      const sheet = file.addWorksheet("Partners");
      sheet.addTable({
        name: "Partners",
        ref: "A1",
        columns: ["Partner", "Revenue", "Growth", "Twice"].map((name) => ({
          name,
        })),
        rows: [
          [
            "Alder",
            100,
            5,
            { formula: "Partners[[#This Row],[Revenue]]*2", result: 200 },
          ],
          [
            "Birch",
            300,
            15,
            { formula: "Partners[[#This Row],[Revenue]]*2", result: 600 },
          ],
        ],
      });
      sheet.getCell("F1").value = {
        formula:
          "SUM(Partners[Revenue])+SUMPRODUCT(Partners[[Revenue]:[Growth]])",
        result: 420,
      };
    });
    const workbook = new Workbook();
    const report = await fromXlsx(bytes, workbook);
    expect(report.problems).toEqual([]);
    const at = (row: number, col: number) =>
      workbook.cell({ sheet: "Partners", row, col });
    expect(at(2, 3)).toMatchObject({
      value: 600,
      input: "=Partners[[#This Row],[Revenue]]*2",
    });
    expect(at(0, 5).value).toBe(400 + 420);
    // The references follow the cells they name.
    workbook.enter({ sheet: "Partners", row: 1, col: 1 }, "1000");
    expect(at(1, 3).value).toBe(2000);
    expect(at(0, 5).value).toBe(1300 + 1320);
  });

  it("reports what it cannot compute or keep, and still opens the rest", async () => {
    const bytes = await fileOf((file) => {
      const sheet = file.addWorksheet("List");
      sheet.addTable({
        name: "Partners",
        ref: "A1",
        columns: [{ name: "Partner" }, { name: "Score" }],
        rows: [
          ["A", 1],
          ["B", 2],
        ],
      });
      sheet.getCell("D1").value = {
        formula: "SUM(Deals[Score])+[1]Other!A1",
        result: 3,
      };
      sheet.getCell("D2").value = { formula: "NOSUCHFUNCTION(1)", result: 0 };
      sheet.getCell("D3").value = {
        formula: "SUM(Partners[#Data])",
        result: 0,
      };
      sheet.getCell("D4").value = {
        formula: "SUM(Partners[Rank])",
        result: 0,
      };
      sheet.mergeCells("F1:G1");
      file.definedNames.add("List!$A$2", "first");
    });
    const workbook = new Workbook();
    const { problems, tables } = await fromXlsx(bytes, workbook);
    expect(tables).toEqual(["Partners"]);
    expect(problems).toEqual([
      "Merged cells are opened unmerged: List!G1.",
      "Defined names are not kept: first.",
      expect.stringMatching(
        /^References the preview cannot compute \(.*\): List!D1 Deals\[Score\], \[1\]\.$/,
      ),
      'Structured references that name nothing in their table: List!D4 Partners[Rank]: Partners has no column "Rank".',
      expect.stringMatching(
        /^Formulas the preview cannot compute: List!D2 =NOSUCHFUNCTION\(1\)/,
      ),
    ]);
    expect(workbook.cell({ sheet: "List", row: 2, col: 3 }).value).toBe(3);
  });

  it("refuses a file that is not an .xlsx and leaves the workbook as it was", async () => {
    const workbook = new Workbook();
    workbook.write({ sheet: "Sheet1", row: 0, col: 0 }, 7);
    await expect(
      fromXlsx(new TextEncoder().encode("Partner,Score\nA,1\n"), workbook),
    ).rejects.toThrow(/not an .xlsx file/);
    expect(workbook.cell({ sheet: "Sheet1", row: 0, col: 0 }).value).toBe(7);
  });
});

describe("Workbook.reset", () => {
  it("drops every sheet, table, formula and format, and says whether there was content", () => {
    const workbook = new Workbook(["A", "B"]);
    expect(workbook.hasContent).toBe(false);
    workbook.write({ sheet: "B", row: 0, col: 0 }, "=1+1");
    workbook.setNumberFormat({ sheet: "B", row: 0, col: 0 }, "0.0");
    workbook.setTable({
      name: "T",
      sheet: "A",
      topLeft: { row: 0, col: 0 },
      width: 1,
      height: 1,
    });
    expect(workbook.hasContent).toBe(true);
    const events: string[] = [];
    workbook.on((e) => events.push(e.kind));
    workbook.reset(["B", "C"]);
    expect(workbook.sheetNames).toEqual(["B", "C"]);
    expect(workbook.hasContent).toBe(false);
    expect(workbook.tables.all()).toEqual([]);
    expect(workbook.cell({ sheet: "B", row: 0, col: 0 })).toMatchObject({
      value: null,
      input: "",
    });
    expect(
      workbook.numberFormat({ sheet: "B", row: 0, col: 0 }),
    ).toBeUndefined();
    expect(events).toEqual(expect.arrayContaining(["sheets", "activate"]));
  });
});
