/**
 * @file A tiny worker pool: runs `fn` over items with at most `concurrency` in flight. After the
 * first error no new item starts; the ones in flight finish, then the error is rethrown (so a
 * stopped run never leaves a request or a write running behind it). Pacing is the Pacer's job.
 */

/** Runs `fn` over `items`, `concurrency` at a time; results in item order. */
export async function runPool<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { err: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failure) throw (failure as { err: unknown }).err;
  return results;
}
