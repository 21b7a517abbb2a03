/** Real Criteria and Tiers tables hold dozens of cells; anything far bigger is read each time. */
const MAX_MEMO_CELLS = 5_000;
const MAX_MEMO_KEY = 1_000_000;

function cellCount(range: readonly (readonly unknown[])[]): number {
  return range.length * (range[0]?.length ?? 0);
}

/**
 * Remembers the last few results of reading a table argument, keyed by the table's content.
 * A sheet with one PARTNERSCORE per row passes the same Criteria table to every call, and
 * reading (validating) it costs far more than scoring one partner; keying by content rather
 * than identity is what makes it safe, since Excel passes a fresh array on every call.
 */
export function memoByContent<T>(
  read: (range: readonly (readonly unknown[])[]) => T,
  capacity = 16,
) {
  const cache = new Map<string, T>();
  return (range: readonly (readonly unknown[])[]): T => {
    // A key is a copy of the range: a huge one (a whole column passed by mistake, cells of
    // 32,000 characters) would cost more memory than reading it again, so it is not kept.
    if (cellCount(range) > MAX_MEMO_CELLS) return read(range);
    const key = JSON.stringify(range);
    if (key.length > MAX_MEMO_KEY) return read(range);
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Refresh its place so that the tables in use stay while others age out.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const value = read(range);
    if (cache.size >= capacity)
      cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
