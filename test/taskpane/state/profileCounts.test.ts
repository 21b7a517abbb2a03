/** The Weights section's profile choices count the partners of the list as it is now (issue 21 item 5). */
import { profileOptionTexts } from "../../../src/taskpane/views/editor";
import { mostUsedProfile } from "../../../src/programme/whatIf";
import { partners } from "../fixtures";

describe("profile counts", () => {
  test("count each profile's partners by Type (blank rows not counted), and follow a shrunken list", () => {
    const list = partners();
    expect([...profileOptionTexts(list, ["Influencer"]).values()]).toEqual([
      "Default · 3 partners",
      "Influencer · 1 partner",
    ]);
    const shrunk = { ...list, rows: list.rows.slice(2, 3) };
    expect([...profileOptionTexts(shrunk, ["Influencer"]).values()]).toEqual([
      "Default · 0 partners",
      "Influencer · 1 partner",
    ]);
    expect([...profileOptionTexts(null, ["Influencer"]).values()]).toEqual([
      "Default",
      "Influencer",
    ]);
  });

  test("the most used profile; ties go to the default, then to the first profile", () => {
    const list = partners();
    expect(mostUsedProfile(list, ["Influencer"])).toBe("");
    expect(
      mostUsedProfile({ ...list, rows: list.rows.slice(2, 3) }, ["Influencer"]),
    ).toBe("Influencer");
    expect(
      mostUsedProfile({ ...list, rows: [list.rows[0], list.rows[2]] }, [
        "Influencer",
      ]),
    ).toBe("");
    expect(mostUsedProfile(null, ["Influencer"])).toBe("");
  });
});
