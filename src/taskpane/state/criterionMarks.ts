/**
 * The pane's own marks on criteria, kept by row id: which weights are locked (per profile)
 * against Spread, and whose details are open. They are not in the workbook, so when the rows
 * move (a write, a merge with the workbook's changes, a reload) they follow their rows.
 */
export class CriterionMarks {
  private locks = new Set<string>(); // `${profile}\u0000${criterion id}`
  private open = new Set<number>(); // criterion ids whose details are open

  isLocked(profile: string, id: number): boolean {
    return this.locks.has(lockKey(profile, id));
  }
  setLocked(profile: string, id: number, locked: boolean): void {
    if (locked) this.locks.add(lockKey(profile, id));
    else this.locks.delete(lockKey(profile, id));
  }
  /** Of `ids`, those locked in `profile`. */
  lockedIds(profile: string, ids: readonly number[]): Set<number> {
    return new Set(ids.filter((id) => this.isLocked(profile, id)));
  }

  isOpen(id: number): boolean {
    return this.open.has(id);
  }
  setOpen(id: number, open: boolean): void {
    if (open) this.open.add(id);
    else this.open.delete(id);
  }

  /** After a reload: the marks stay with the row positions they had, those past `rows` go. */
  keepRowsBelow(rows: number): void {
    this.locks = new Set(
      [...this.locks].filter((k) => Number(k.split("\u0000")[1]) < rows),
    );
    this.open = new Set([...this.open].filter((id) => id < rows));
  }

  /** The rows moved: each mark goes to `movedTo(id)`; the marks of rows gone (undefined) go too. */
  follow(movedTo: (id: number) => number | undefined): void {
    this.locks = new Set(
      [...this.locks].flatMap((k) => {
        const [p, id] = k.split("\u0000");
        const moved = movedTo(Number(id));
        return moved === undefined ? [] : [lockKey(p, moved)];
      }),
    );
    this.open = new Set(
      [...this.open].flatMap((id) => {
        const moved = movedTo(id);
        return moved === undefined ? [] : [moved];
      }),
    );
  }
}

function lockKey(profile: string, id: number): string {
  return `${profile}\u0000${id}`;
}
