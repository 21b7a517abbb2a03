import { coalesce } from "../../src/workbook/coalesce";

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
