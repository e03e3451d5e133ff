import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StateFile } from "./persistence";

let dir: string;
const read = () => JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8")) as { slices: Record<string, unknown> };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-state-"));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("StateFile", () => {
  it("saves a scheduled change in the background and loads it again", async () => {
    const file = new StateFile(dir, 0);
    file.root.slices.count = 1;
    file.scheduleSave();
    file.scheduleSave();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await file.settled();
    expect(read().slices.count).toBe(1);
    expect(new StateFile(dir).root.slices.count).toBe(1);
  });

  it("drops a background save that a synchronous flush overtook before it started writing", async () => {
    vi.useFakeTimers();
    const file = new StateFile(dir, 0);
    file.root.slices.count = 1;
    file.scheduleSave();
    vi.runOnlyPendingTimers();
    vi.useRealTimers();
    file.root.slices.count = 2;
    file.flush();
    await file.settled();
    expect(read().slices.count).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(["state.json"]);
  });

  it("drops a background save that a synchronous flush overtook while it was writing", async () => {
    const file = new StateFile(dir, 0);
    const writeFile = fs.promises.writeFile;
    vi.spyOn(fs.promises, "writeFile").mockImplementationOnce(async (...args: Parameters<typeof writeFile>) => {
      await writeFile(...args);
      file.root.slices.count = 2;
      file.flush();
    });
    file.root.slices.count = 1;
    file.scheduleSave();
    await vi.waitFor(() => expect(fs.promises.writeFile).toHaveBeenCalled());
    await file.settled();
    expect(read().slices.count).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(["state.json"]);
  });

  it("clears to an empty state on disk at once", async () => {
    const file = new StateFile(dir, 0);
    file.root.slices.count = 3;
    file.flush();
    file.clear();
    await file.settled();
    expect(read().slices).toEqual({});
  });
});
