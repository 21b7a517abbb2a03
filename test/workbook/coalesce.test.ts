import { coalesce, gathered } from "../../src/workbook/coalesce";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("coalesce", () => {
  it("runs once at a time, and once more for the calls made meanwhile", async () => {
    const gates = [deferred(), deferred()];
    let runs = 0;
    const run = coalesce(async () => {
      await gates[runs++]?.promise;
    });
    const first = run();
    void run();
    void run();
    expect(runs).toBe(1);
    gates[0].resolve();
    gates[1].resolve();
    await first;
    expect(runs).toBe(2);
    await run();
    expect(runs).toBe(3);
  });

  it("reruns after a failure and passes the error on", async () => {
    let runs = 0;
    const gate = deferred();
    const run = coalesce(async () => {
      runs++;
      if (runs === 1) {
        await gate.promise;
        throw new Error("first failed");
      }
    });
    const first = run();
    void run().catch(() => undefined);
    gate.resolve();
    await expect(first).rejects.toThrow("first failed");
    expect(runs).toBe(2);
  });
});

describe("gathered", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs once at the end of the wait the first call started, for every call made meanwhile", () => {
    const task = jest.fn();
    const { call } = gathered(task, 1000);
    call();
    jest.advanceTimersByTime(600);
    call();
    call();
    expect(task).not.toHaveBeenCalled();
    jest.advanceTimersByTime(400);
    expect(task).toHaveBeenCalledTimes(1);
    // A call after the run starts the next wait: the last change is never missed.
    call();
    jest.advanceTimersByTime(999);
    expect(task).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("runs nothing once cancelled", () => {
    const task = jest.fn();
    const { call, cancel } = gathered(task, 1000);
    call();
    cancel();
    jest.advanceTimersByTime(5000);
    expect(task).not.toHaveBeenCalled();
  });
});
