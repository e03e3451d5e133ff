/** Runs `work` over `items` with at most `concurrency` in flight, keeping the input order in the result. */
export async function mapConcurrent<T, R>({ items, concurrency, work }: { items: T[]; concurrency: number; work: (item: T) => Promise<R> }): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure no new item starts: the caller is about to see the error.
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
