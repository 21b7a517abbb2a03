import { EchoFilter, fingerprint } from "../../src/workbook/echoFilter";
import type { TableData } from "../../src/workbook/store";

const TIERS: TableData = { header: ["Tier", "Min score"], rows: [["Gold", 70], ["Silver", 50]] };

describe("fingerprint", () => {
  it("sees a table the way Excel gives it back", () => {
    const written: TableData = { header: ["Tier", "Min score"], rows: [["Gold", 100 / 3], ["Silver", null]] };
    const read: TableData = { header: ["Tier", "Min score"], rows: [["Gold", 33.3333333333333], ["Silver", ""]] };
    expect(fingerprint([written])).toBe(fingerprint([read]));
  });

  it("ignores the blank row Excel keeps in a table without rows", () => {
    const empty: TableData = { header: ["Tier", "Min score"], rows: [] };
    expect(fingerprint([empty])).toBe(fingerprint([{ header: ["Tier", "Min score"], rows: [["", ""]] }]));
  });

  it("tells apart any change of content, case included", () => {
    const base = fingerprint([TIERS, null]);
    expect(fingerprint([{ ...TIERS, rows: [["gold", 70], ["Silver", 50]] }, null])).not.toBe(base);
    expect(fingerprint([{ ...TIERS, rows: [["Gold", 71], ["Silver", 50]] }, null])).not.toBe(base);
    expect(fingerprint([{ ...TIERS, rows: [["Gold", 70]] }, null])).not.toBe(base);
    expect(fingerprint([TIERS, TIERS])).not.toBe(base);
  });
});

describe("EchoFilter", () => {
  it("calls every change foreign while the store has not saved, without reading", async () => {
    const read = jest.fn(async () => "anything");
    const filter = new EchoFilter(read);
    await expect(filter.isForeign()).resolves.toBe(true);
    expect(read).not.toHaveBeenCalled();
  });

  it("calls the echo of a save its own, and a later different content foreign", async () => {
    let workbook = "";
    const filter = new EchoFilter(async () => workbook);
    const written = fingerprint([TIERS]);
    filter.expect(written, Promise.resolve());
    workbook = written;
    await expect(filter.isForeign()).resolves.toBe(false);
    await expect(filter.isForeign()).resolves.toBe(false); // a save raises several events
    workbook = fingerprint([{ ...TIERS, rows: [] }]);
    await expect(filter.isForeign()).resolves.toBe(true);
    // Once the workbook has moved on, even a change back is someone else's.
    workbook = written;
    await expect(filter.isForeign()).resolves.toBe(true);
  });

  it("judges a change only once the save in flight has finished", async () => {
    let workbook = "before";
    let finish = () => {};
    const save = new Promise<void>((resolve) => (finish = resolve));
    const filter = new EchoFilter(async () => workbook);
    filter.expect("after", save);
    const verdict = filter.isForeign();
    workbook = "after";
    finish();
    await expect(verdict).resolves.toBe(false);
  });

  it("says foreign when the tables cannot be read, so the pane reloads rather than overwrites", async () => {
    const filter = new EchoFilter(async () => {
      throw new Error("cell edit mode");
    });
    filter.expect("x", Promise.resolve());
    await expect(filter.isForeign()).resolves.toBe(true);
  });

  it("says foreign after a failed save, whose writes may be partial", async () => {
    const filter = new EchoFilter(async () => "partial");
    filter.expect("intended", Promise.reject(new Error("sync failed")));
    await expect(filter.isForeign()).resolves.toBe(true);
  });
});
