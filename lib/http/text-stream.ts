// Streamed downloads (the grid's CSV export): the response must not start before the data does.

/**
 * A response body whose first chunk has already been produced. A failure before it — the first
 * database query — rejects here, while the route can still answer with an error status; a
 * failure on a later chunk errors the stream, so the client sees a broken transfer instead of a
 * file that ends cleanly but is cut short.
 */
export async function startTextStream(chunks: AsyncIterator<string>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await chunks.next();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(first.value));
    },
    // A rejection here errors the stream (and Next.js aborts the response).
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}
