/**
 * One save raises a burst of change events (clear, resize, write; two tables). Checking each
 * one would read the tables once per event; coalescing runs the check at most once at a time,
 * and once more after it when events arrived meanwhile, so the last change is always seen.
 * A failing run does not swallow the rerun; its error is passed on once the runs are done.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    let failure: { error: unknown } | null = null;
    do {
      again = false;
      try {
        await task();
      } catch (error) {
        failure ??= { error };
      }
    } while (again);
    running = null;
    if (failure) throw failure.error;
  };
  return () => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
}
