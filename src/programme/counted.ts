/** Counts in the pane's sentences, with the word that agrees with the number. */

/** `n` and the words that agree with it: counted(2, "partner", "partners") is "2 partners". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
