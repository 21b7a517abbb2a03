import {
  addCriterion,
  setMethod,
  addProfile,
  removeProfile,
  addTier,
  cellAt,
  describeChanges,
  draftOf,
  draftTables,
  insertRow,
  moveCriterion,
  originOf,
  perspectiveGroups,
  profileColumn,
  profilesOf,
  mergeDraft,
  removeRow,
  renameCriterion,
  renameInRequires,
  sameTable,
  setCell,
  setWeight,
  spreadTo100,
  tableOf,
  textAt,
  weightAt,
  weightShares,
} from "../../src/programme/draft";
import { criteria, tiers } from "../taskpane/fixtures";

const names = (t: { header: string[]; rows: unknown[][] }) =>
  t.rows.map((_, i) => textAt(t, i, "Criterion"));
const weights = (t: { header: string[]; rows: unknown[][] }, profile = "") =>
  t.rows.map((_, i) => weightAt(t, i, profile));

describe("editing cells by header name", () => {
  test("setCell finds the column by name (any case/spacing) and copies, never mutates", () => {
    const source = criteria();
    const draft = draftOf(source);
    const next = setCell(draft, 1, "  max ", 25);
    expect(cellAt(next, 1, "Max")).toBe(25);
    expect(cellAt(draft, 1, "Max")).toBe(20);
    expect(source.rows[1][5]).toBe(20);
  });

  test("unknown columns ride along untouched through edits", () => {
    let draft = draftOf(criteria());
    draft = setWeight(draft, 0, "", 10);
    draft = moveCriterion(draft, 0, 1);
    const row = draft.rows.find((r) => r[0] === "Revenue")!;
    expect(row[9]).toBe("from the ERP");
    expect(draft.header).toEqual(criteria().header);
  });

  test("a known column the table lacks is added at the end, every row padded to it", () => {
    const table = {
      header: ["Criterion", "Method", "Weight", "Notes"],
      rows: [
        ["A", "range", 1, "x"],
        ["B", "range", 2, "y"],
      ],
    };
    const next = setCell(draftOf(table), 0, "Min", 0);
    expect(next.header).toEqual([
      "Criterion",
      "Method",
      "Weight",
      "Notes",
      "Min",
    ]);
    expect(next.rows).toEqual([
      ["A", "range", 1, "x", 0],
      ["B", "range", 2, "y", ""],
    ]);
  });

  test("tableOf pads short rows to the header's width (the store writes rectangles)", () => {
    const table = {
      header: ["Tier", "Min score", "Requires"],
      rows: [["Gold", 70]],
    };
    expect(tableOf(draftOf(table)).rows).toEqual([["Gold", 70, ""]]);
  });
});

describe("profiles and weights", () => {
  test("profiles come from Weight (X) headers; the default profile is the Weight column", () => {
    const t = criteria();
    expect(profilesOf(t)).toEqual(["Influencer"]);
    expect(profileColumn(t, "")).toBe(7);
    expect(profileColumn(t, "influencer")).toBe(8);
    expect(weights(t, "Influencer")).toEqual([0, 10, 50, 40]);
  });

  test("a blank weight is 0 and a text weight is NaN (reported, not guessed)", () => {
    let t = setCell(draftOf(criteria()), 0, "Weight", "");
    t = setCell(t, 1, "Weight", "lots");
    expect(weights(t).slice(0, 2)).toEqual([0, NaN]);
  });

  test("shares are each weight over the profile's total", () => {
    const shares = weightShares(criteria(), "").map((s) => s.share);
    expect(shares).toEqual([0.4, 0.2, 0.2, 0.2]);
  });

  test("addProfile inserts Weight (X) after the last weight column, copying the chosen profile", () => {
    const result = addProfile(
      draftOf(criteria()),
      " Distributor ",
      "Influencer",
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.profile).toBe("Distributor");
    expect(result.draft.header.slice(7, 11)).toEqual([
      "Weight",
      "Weight (Influencer)",
      "Weight (Distributor)",
      "Notes",
    ]);
    expect(weights(result.draft, "Distributor")).toEqual([0, 10, 50, 40]);
    expect(result.draft.rows[0][10]).toBe("from the ERP");
  });

  test("removeProfile drops only that profile's Weight (X) column, unknown columns kept", () => {
    const result = removeProfile(draftOf(criteria()), "influencer");
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.header.slice(7)).toEqual(["Weight", "Notes"]);
    expect(result.draft.rows[0].slice(7)).toEqual([40, "from the ERP"]);
    expect(result.draft.rows).toHaveLength(criteria().rows.length);
  });

  test("removeProfile refuses the default Weight column and an unknown profile", () => {
    expect(removeProfile(draftOf(criteria()), "")).toEqual({
      ok: false,
      message: "The default Weight column cannot be removed.",
    });
    expect(removeProfile(draftOf(criteria()), "Reseller")).toEqual({
      ok: false,
      message: "There is no profile named Reseller.",
    });
  });

  test("addProfile refuses a blank, bracketed or existing name", () => {
    expect(addProfile(draftOf(criteria()), "  ", "").ok).toBe(false);
    expect(addProfile(draftOf(criteria()), "A (b)", "").ok).toBe(false);
    expect(addProfile(draftOf(criteria()), "influencer", "").ok).toBe(false);
    expect(addProfile(draftOf(criteria()), "Default", "").ok).toBe(false);
  });
});

describe("spread to 100%", () => {
  test("scales the unlocked weights so all add up to 100, locked ones unchanged", () => {
    let t = draftOf(criteria());
    t = setWeight(t, 0, "", 30); // 30, 20, 20, 20 = 90
    const result = spreadTo100(t, "", new Set([t.ids[0]]));
    if (!result.ok) throw new Error(result.message);
    const w = weights(result.draft);
    // 70 left for three equal weights: 23.3 each and the last tenth to the first of them.
    expect(w).toEqual([30, 23.4, 23.3, 23.3]);
    expect(Math.round(w.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
  });

  test("keeps the ratios of the unlocked weights, with one decimal", () => {
    let t = draftOf(criteria());
    t = setWeight(
      setWeight(setWeight(setWeight(t, 0, "", 1), 1, "", 1), 2, "", 2),
      3,
      "",
      4,
    );
    const result = spreadTo100(t, "", new Set());
    if (!result.ok) throw new Error(result.message);
    expect(weights(result.draft)).toEqual([12.5, 12.5, 25, 50]);
  });

  test("only the chosen profile changes", () => {
    const result = spreadTo100(draftOf(criteria()), "Influencer", new Set());
    if (!result.ok) throw new Error(result.message);
    expect(weights(result.draft, "")).toEqual([40, 20, 20, 20]);
    expect(weights(result.draft, "Influencer")).toEqual([0, 10, 50, 40]);
  });

  test("unlocked weights that are all zero share what is left equally", () => {
    let t = draftOf(criteria());
    t = setWeight(setWeight(t, 2, "", 0), 3, "", 0);
    const result = spreadTo100(t, "", new Set([t.ids[0], t.ids[1]])); // 40 + 20 locked
    if (!result.ok) throw new Error(result.message);
    expect(weights(result.draft)).toEqual([40, 20, 20, 20]);
  });

  test("refuses when everything is locked, the locked weights exceed 100, or a weight is not a number", () => {
    const t = draftOf(criteria());
    expect(spreadTo100(t, "", new Set(t.ids)).ok).toBe(false);
    const heavy = setWeight(t, 0, "", 150);
    expect(spreadTo100(heavy, "", new Set([t.ids[0]]))).toEqual({
      ok: false,
      message: expect.stringContaining("150"),
    });
    expect(spreadTo100(setCell(t, 1, "Weight", "x"), "", new Set()).ok).toBe(
      false,
    );
  });
});

describe("rows", () => {
  test("perspective groups in order of first appearance", () => {
    expect(perspectiveGroups(criteria())).toEqual([
      { perspective: "Financial", rows: [0, 1] },
      { perspective: "Capability", rows: [2] },
      { perspective: "Customer", rows: [3] },
    ]);
  });

  test("moving swaps with the neighbour in the same perspective and keeps the row's id", () => {
    const t = draftOf(criteria());
    const moved = moveCriterion(t, 1, -1);
    expect(names(moved)).toEqual([
      "Growth",
      "Revenue",
      "Accreditation",
      "Support load",
    ]);
    expect(originOf(moved, 0)).toBe(1);
    expect(moveCriterion(t, 0, -1)).toBe(t); // first of its group
    expect(moveCriterion(t, 1, 1)).toBe(t); // last of its group (Capability follows)
  });

  test("added rows get new ids, no origin, every column, weight 0 in every profile", () => {
    const { draft, id } = addCriterion(draftOf(criteria()), "Financial");
    expect(names(draft)).toEqual([
      "Revenue",
      "Growth",
      "New criterion",
      "Accreditation",
      "Support load",
    ]);
    expect(id).toBe(4);
    expect(originOf(draft, 2)).toBeNull();
    expect(draft.rows[2]).toHaveLength(10);
    expect(weights(draft)[2]).toBe(0);
    expect(weights(draft, "Influencer")[2]).toBe(0);
    const again = addCriterion(draft, "Financial");
    expect(textAt(again.draft, 3, "Criterion")).toBe("New criterion 2");
  });

  test("a new criterion switched to rating or yes/no leaves no range leftovers; the workbook's rows keep theirs", () => {
    const { draft } = addCriterion(draftOf(criteria()), "Financial");
    const numeric = (t: typeof draft, row: number) =>
      ["Better", "Min", "Max"].map((c) => textAt(t, row, c));
    expect(numeric(draft, 2)).toEqual(["higher", "0", "100"]);
    const rating = setMethod(draft, 2, "rating");
    expect(textAt(rating, 2, "Method")).toBe("rating");
    expect(numeric(rating, 2)).toEqual(["", "", ""]);
    expect(numeric(setMethod(draft, 2, "yesno"), 2)).toEqual(["", "", ""]);
    expect(numeric(setMethod(draft, 2, "target"), 2)).toEqual([
      "higher",
      "0",
      "100",
    ]);
    // A new criterion whose Max the user typed keeps that Max.
    const typedMax = setMethod(setCell(draft, 2, "Max", 250), 2, "rating");
    expect(numeric(typedMax, 2)).toEqual(["", "", "250"]);
    // Revenue (higher, 0 to 1000, from the workbook) keeps every cell, defaults-alike included.
    expect(numeric(setMethod(draft, 0, "rating"), 0)).toEqual([
      "higher",
      "0",
      "1000",
    ]);
  });

  test("removing a row keeps the ids of the others", () => {
    const t = removeRow(draftOf(criteria()), 1);
    expect(names(t)).toEqual(["Revenue", "Accreditation", "Support load"]);
    expect(t.ids).toEqual([0, 2, 3]);
    expect(originOf(t, 1)).toBe(2);
  });

  test("a new tier goes half-way between the two lowest, keeping the order valid", () => {
    const { draft, id } = addTier(
      draftOf({
        header: ["Tier", "Min score"],
        rows: [
          ["Gold", 70],
          ["Silver", 40],
          ["Registered", 0],
        ],
      }),
    );
    expect(draft.rows).toEqual([
      ["Gold", 70],
      ["Silver", 40],
      ["New tier", 20],
      ["Registered", 0],
    ]);
    expect(draft.ids[2]).toBe(id);
    const again = addTier(draft).draft;
    expect(again.rows[3]).toEqual(["New tier 2", 10]);
  });

  test("a new tier goes last, half-way to 0, when there is no room between the lowest two", () => {
    expect(
      addTier(
        draftOf({
          header: ["Tier", "Min score"],
          rows: [
            ["Gold", 70],
            ["Silver", 40],
          ],
        }),
      ).draft.rows[2],
    ).toEqual(["New tier", 20]);
    expect(
      addTier(
        draftOf({
          header: ["Tier", "Min score"],
          rows: [
            ["B", 1],
            ["A", 0],
          ],
        }),
      ).draft.rows[2],
    ).toEqual(["New tier", 0]);
    expect(
      addTier(draftOf({ header: ["Tier", "Min score"], rows: [] })).draft.rows,
    ).toEqual([["New tier", 50]]);
    const { draft: second } = insertRow(
      draftOf({ header: ["Tier", "Min score"], rows: [["A", 1]] }),
      { Tier: "x" },
      0,
    );
    expect(second.rows[0]).toEqual(["x", ""]);
  });
});

describe("rename", () => {
  test("renames the Criterion cell and the criterion in every Requires that names it", () => {
    const draft = draftTables({
      criteria: criteria(),
      tiers: {
        ...tiers(),
        rows: [
          ...tiers().rows,
          ["Star", 90, "accreditation >= High; Growth >= 5", ""],
        ],
      },
    });
    const next = renameCriterion(draft, 2, "  Partner level ");
    expect(textAt(next.criteria, 2, "Criterion")).toBe("Partner level");
    expect(textAt(next.tiers, 0, "Requires")).toBe("Partner level >= Medium");
    expect(textAt(next.tiers, 3, "Requires")).toBe(
      "Partner level >= High; Growth >= 5",
    );
    expect(next.tiers.rows[1]).toBe(draft.tiers.rows[1]); // untouched rows are the same rows
  });

  test("a Requires that does not name it, or cannot be read, is left as written", () => {
    expect(renameInRequires("Growth>=5", "Revenue", "Sales")).toBeNull();
    expect(renameInRequires("Revenue is big", "Revenue", "Sales")).toBeNull();
    expect(renameInRequires("Revenue>=5", "revenue", "Sales")).toBe(
      "Sales >= 5",
    );
  });
});

describe("comparing", () => {
  test("blank cells compare equal however a workbook returns them", () => {
    expect(
      sameTable(
        { header: ["A", "B"], rows: [[null, 1]] },
        { header: ["A", "B"], rows: [["", 1]] },
      ),
    ).toBe(true);
    expect(
      sameTable(
        { header: ["A", "B"], rows: [[null, 1]] },
        { header: ["A", "B"], rows: [["", 2]] },
      ),
    ).toBe(false);
    expect(
      sameTable({ header: ["A"], rows: [] }, { header: ["A"], rows: [[""]] }),
    ).toBe(false);
  });

  test("describeChanges lists cells, added and removed rows", () => {
    const before = tiers();
    const after = {
      ...tiers(),
      rows: [
        ["Gold", 75, "Accreditation >= Medium", "gold"],
        ["Silver", 40, "", "grey"],
      ],
    };
    expect(describeChanges("Tiers", before, after)).toEqual([
      "Tiers row 1 (Gold), Min score: 70 → 75",
      "Tiers row 3 removed (Registered)",
    ]);
  });

  test("mergeDraft finds each loaded row again by name in the newer table; an untouched row gone there goes", () => {
    const old = criteria();
    const draft = moveCriterion(draftOf(old), 1, -1); // Growth, Revenue, Accreditation, Support load
    const newer = { ...old, rows: [old.rows[3], old.rows[0], old.rows[1]] }; // Accreditation deleted, Support load first
    const { draft: merged, idMap } = mergeDraft(draft, old, newer, "Criterion");
    expect(names(merged)).toEqual(["Growth", "Revenue", "Support load"]);
    expect(merged.baseCount).toBe(3);
    expect([0, 1, 2].map((r) => originOf(merged, r))).toEqual([2, 1, 0]);
    expect([...idMap]).toEqual([
      [1, 2],
      [0, 1],
      [3, 0],
    ]);
    expect(
      sameTable(tableOf(merged), {
        ...newer,
        rows: [old.rows[1], old.rows[0], old.rows[3]],
      }),
    ).toBe(true);
  });

  test("mergeDraft keeps the user's cells and takes the workbook's everywhere else, new rows and columns included", () => {
    const old = criteria();
    let draft = draftOf(old);
    draft = setWeight(draft, 0, "", 55); // Revenue: the user's weight
    draft = setCell(draft, 1, "Max", 30); // Growth: the user's Max...
    const newer = {
      header: [...old.header, "Weight (Reseller)"],
      rows: [
        [
          "Revenue",
          "Financial",
          "range",
          "higher",
          0,
          1000,
          "",
          40,
          0,
          "ERP 2026",
          60,
        ],
        ["Growth", "Financial", "target", "higher", 0, 25, "", 20, 10, "", 10], // ...and a colleague's
        [
          "Support load",
          "Customer",
          "range",
          "lower",
          0,
          50,
          "",
          5,
          40,
          "",
          30,
        ],
        [
          "Deal registrations",
          "Pipeline",
          "target",
          "higher",
          0,
          40,
          "",
          10,
          10,
          "",
          0,
        ],
      ],
    };
    const { draft: merged } = mergeDraft(draft, old, newer, "Criterion");
    expect(merged.header).toEqual(newer.header);
    // The workbook's rows, with the user's two cells.
    const expected = newer.rows.map((row) => [...row]);
    expected[0][7] = 55;
    expected[1][5] = 30;
    expect(merged.rows).toEqual(expected);
    // Compared with the workbook now, the draft holds exactly the user's two edits.
    expect(describeChanges("Criteria", newer, tableOf(merged))).toEqual([
      "Criteria row 1 (Revenue), Weight: 40 → 55",
      "Criteria row 2 (Growth), Max: 25 → 30",
    ]);
  });

  test("mergeDraft follows a column the workbook removed, unless the user wrote into it", () => {
    const old = criteria();
    const withoutNotes = {
      header: old.header.slice(0, 9),
      rows: old.rows.map((r) => r.slice(0, 9)),
    };
    const untouched = mergeDraft(
      setWeight(draftOf(old), 0, "", 55),
      old,
      withoutNotes,
      "Criterion",
    ).draft;
    expect(untouched.header).toEqual(withoutNotes.header);
    // Revenue as loaded, with the user's weight, without Notes.
    expect(untouched.rows[0]).toEqual([...old.rows[0].slice(0, 7), 55, 0]);
    const written = mergeDraft(
      setCell(draftOf(old), 1, "Notes", "mine"),
      old,
      withoutNotes,
      "Criterion",
    ).draft;
    expect(written.header).toEqual(old.header);
    expect(written.rows[1][9]).toBe("mine");
  });

  test("mergeDraft keeps the rows the user added or changed, and leaves out the rows the user removed", () => {
    const old = criteria();
    let draft = draftOf(old);
    draft = setCell(draft, 2, "Notes", "mine"); // Accreditation, which the workbook then removes
    draft = removeRow(draft, 1); // Growth, which the workbook then changes
    draft = insertRow(draft, {
      Criterion: "Deal registrations",
      Method: "range",
    }).draft;
    const newer = {
      ...old,
      rows: [
        old.rows[0],
        [...old.rows[1].slice(0, 7), 99, ...old.rows[1].slice(8)],
        old.rows[3],
      ],
    };
    const { draft: merged, idMap } = mergeDraft(draft, old, newer, "Criterion");
    expect(names(merged)).toEqual([
      "Revenue",
      "Accreditation",
      "Support load",
      "Deal registrations",
    ]);
    expect(merged.rows[1][9]).toBe("mine");
    expect([0, 1, 2, 3].map((r) => originOf(merged, r))).toEqual([
      0,
      null,
      2,
      null,
    ]);
    expect(new Set(merged.ids).size).toBe(4);
    expect(idMap.get(2)).toBe(merged.ids[1]);
  });
});
