/** What the editor's sections need from the pane (app.ts): its state and its actions. */
import type { TableData } from "../../../workbook/store";
import type { Notice } from "../../state/session";
import type { El } from "../dom";
import type { Draft, DraftTable } from "../../../programme/draft";

/** What the sections need from the pane: its state (read when an event fires) and its actions. */
export interface EditorHost {
  readonly el: El;
  readonly draft: Draft;
  /** The profile whose weights are shown ("" for the Weight column). */
  profile: string;
  /** Whether the "New profile name" field is open. */
  addingProfile: boolean;
  readonly partners: TableData | null;
  isLocked(id: number): boolean;
  setLocked(id: number, locked: boolean): void;
  isOpen(id: number): boolean;
  setOpen(id: number, open: boolean): void;
  /** Applies a change; a structural one re-renders and focuses the first of `focusIds` it can. */
  edit(
    change: (d: Draft) => Draft,
    structural: boolean,
    ...focusIds: string[]
  ): void;
  editCriteria(
    change: (t: DraftTable) => DraftTable,
    structural: boolean,
    ...focusIds: string[]
  ): void;
  editTiers(
    change: (t: DraftTable) => DraftTable,
    structural: boolean,
    ...focusIds: string[]
  ): void;
  setWeightFromInput(
    id: number,
    raw: string,
    source: "range" | "number",
    input: HTMLInputElement,
  ): void;
  spread(): void;
  notify(notice: Notice | null): void;
  render(): void;
  focus(id: string): boolean;
}
