import { describe, expect, it } from "vitest";
import { startTextStream } from "./text-stream.ts";

/** Pages as a page loader would produce them; an Error in the list is a page that fails to load. */
function pages(...results: (string | Error)[]) {
  const loaded: number[] = [];
  const chunks = (async function* () {
    for (const [index, result] of results.entries()) {
      loaded.push(index + 1);
      if (result instanceof Error) throw result;
      yield result;
    }
  })();
  return { chunks, loaded };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let next = await reader.read(); !next.done; next = await reader.read())
    text += decoder.decode(next.value, { stream: true });
  return text;
}

describe("startTextStream", () => {
  it("has loaded the first page before the stream is handed out, and no more", async () => {
    const { chunks, loaded } = pages("header,page 1\r\n", "page 2\r\n");
    const stream = await startTextStream(chunks);
    expect(loaded).toEqual([1]);
    expect(await readAll(stream)).toBe("header,page 1\r\npage 2\r\n");
    expect(loaded).toEqual([1, 2]);
  });

  it("rejects before there is any stream when the first page fails", async () => {
    const { chunks } = pages(new Error("first page failed"), "never sent");
    await expect(startTextStream(chunks)).rejects.toThrow("first page failed");
  });

  it("errors the stream, rather than ending it, when a later page fails", async () => {
    const { chunks } = pages("header,page 1\r\n", "page 2\r\n", new Error("page 3 failed"));
    const reader = (await startTextStream(chunks)).getReader();
    expect((await reader.read()).done).toBe(false);
    expect((await reader.read()).done).toBe(false);
    await expect(reader.read()).rejects.toThrow("page 3 failed");
  });

  it("an empty source is an empty body", async () => {
    expect(await readAll(await startTextStream(pages().chunks))).toBe("");
  });
});
