// @vitest-environment happy-dom
import type { ColumnDef } from "@tanstack/react-table";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DataTable } from "./data-table";

// The table as a person uses it: rendered into a DOM, sorted by clicking headers, paged with the buttons.
interface Row {
  name: string;
  joined: number;
  note: string;
}

const columns: ColumnDef<Row, unknown>[] = [
  { accessorKey: "name", header: "Name" },
  { accessorKey: "joined", header: "Joined" },
  { accessorKey: "note", header: "Note", enableSorting: false },
];

const rows: Row[] = [
  { name: "Carol", joined: 3, note: "c" },
  { name: "alice", joined: 5, note: "a" },
  { name: "Bob", joined: 1, note: "b" },
  { name: "Dave", joined: 4, note: "d" },
  { name: "Erin", joined: 2, note: "e" },
];

let container: HTMLDivElement;
let root: Root;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  act(() => root.render(<DataTable<Row> columns={columns} data={rows} label="People" {...props} />));
}

const names = () => [...container.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td")!.textContent);
const header = (text: string) => [...container.querySelectorAll("th")].find((th) => th.textContent?.startsWith(text))!;
const sortBy = (text: string) => act(() => header(text).querySelector("button")!.click());
const button = (text: string) => [...container.querySelectorAll("button")].find((b) => b.textContent === text) as HTMLButtonElement | undefined;
const pageLabel = () => [...container.querySelectorAll("span")].find((span) => span.textContent?.startsWith("Page "))?.textContent;

describe("DataTable", () => {
  it("labels the table and keeps the data's order until sorted", () => {
    render();
    expect(container.querySelector("table")!.getAttribute("aria-label")).toBe("People");
    expect(names()).toEqual(["Carol", "alice", "Bob", "Dave", "Erin"]);
    expect(header("Name").hasAttribute("aria-sort")).toBe(false);
  });

  it("sorts by a text column ascending, then descending, then back to the data's order, and says so with aria-sort", () => {
    render();
    sortBy("Name");
    expect(names()).toEqual(["alice", "Bob", "Carol", "Dave", "Erin"]);
    expect(header("Name").getAttribute("aria-sort")).toBe("ascending");
    sortBy("Name");
    expect(names()).toEqual(["Erin", "Dave", "Carol", "Bob", "alice"]);
    expect(header("Name").getAttribute("aria-sort")).toBe("descending");
    sortBy("Name");
    expect(names()).toEqual(["Carol", "alice", "Bob", "Dave", "Erin"]);
    expect(header("Name").hasAttribute("aria-sort")).toBe(false);
  });

  it("sorts a number column (TanStack starts numbers descending) and moves aria-sort to it", () => {
    render();
    sortBy("Name");
    sortBy("Joined");
    expect(names()).toEqual(["alice", "Dave", "Carol", "Erin", "Bob"]);
    expect(header("Joined").getAttribute("aria-sort")).toBe("descending");
    expect(header("Name").hasAttribute("aria-sort")).toBe(false);
  });

  it("starts from initialSorting, and offers no sort button on a column that cannot sort", () => {
    render({ initialSorting: [{ id: "joined", desc: false }] });
    expect(names()).toEqual(["Bob", "Erin", "Carol", "Dave", "alice"]);
    expect(header("Joined").getAttribute("aria-sort")).toBe("ascending");
    expect(header("Note").querySelector("button")).toBeNull();
  });

  it("pages through the rows, disabling Previous on the first page and Next on the last", () => {
    render({ pageSize: 2 });
    expect(names()).toEqual(["Carol", "alice"]);
    expect(pageLabel()).toBe("Page 1 of 3");
    expect(button("Previous")!.disabled).toBe(true);
    act(() => button("Next")!.click());
    expect(names()).toEqual(["Bob", "Dave"]);
    expect(pageLabel()).toBe("Page 2 of 3");
    act(() => button("Next")!.click());
    expect(names()).toEqual(["Erin"]);
    expect(button("Next")!.disabled).toBe(true);
    act(() => button("Previous")!.click());
    expect(pageLabel()).toBe("Page 2 of 3");
  });

  it("sorts across pages, not within the page shown", () => {
    render({ pageSize: 2 });
    sortBy("Name");
    expect(names()).toEqual(["alice", "Bob"]);
    act(() => button("Next")!.click());
    act(() => button("Next")!.click());
    expect(names()).toEqual(["Erin"]);
  });

  it("shows no pager when everything fits on one page", () => {
    render({ pageSize: 20 });
    expect(button("Next")).toBeUndefined();
    expect(pageLabel()).toBeUndefined();
  });
});
