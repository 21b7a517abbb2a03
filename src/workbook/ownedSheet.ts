/** Sheets the add-in writes whole and owns (see OwnedSheet in store.ts): what both stores say. */

/** Why a sheet of that name is not rewritten: it is not one the add-in made. */
export function ownedSheetTaken(name: string): string {
  return `The workbook already has a sheet named "${name}" that the add-in did not make; nothing was changed. Rename or delete that sheet, then try again.`;
}
