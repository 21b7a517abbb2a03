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
    const key = JSON.stringify(range);
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
