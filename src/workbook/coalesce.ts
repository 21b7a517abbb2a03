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

/**
 * Gathers a stream of calls: the first starts a wait of `ms`, at whose end `task` runs once for
 * every call made meanwhile; a call after that starts the next wait. So `task` runs at most
 * once per `ms`, and never misses the last call. For Excel's calculation events, which a
 * volatile formula (PRM.CERTSTATUS judges against today) raises at every edit anywhere in the
 * workbook. `cancel` drops a wait under way.
 */
export function gathered(
  task: () => void,
  ms: number,
): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    call: () => {
      timer ??= setTimeout(() => {
        timer = null;
        task();
      }, ms);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
