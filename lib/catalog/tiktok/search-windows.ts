import { z } from "zod";

// TikTok's product search stops at 10,000 results (code 12052180) however it is paged, so a large catalog
// is read in update_time windows. Results come newest first, so when a window reaches the cap the next one
// continues below the last update_time read: no probing, one extra page per 10,000 products. Only the
// products sharing that boundary second are read twice. Where results turn out not to be ordered, windows
// are halved by update_time instead; a single second over the cap is halved by create_time.

export const TIKTOK_SEARCH_CAP = 10_000;

const windowSchema = z.object({
  updateGe: z.number().int().nullable(),
  updateLe: z.number().int().nullable(),
  createGe: z.number().int().nullable(),
  createLe: z.number().int().nullable(),
  /** Results at the top of this window that an earlier window already returned (a boundary second read again). */
  skip: z.number().int().min(0),
});
export type SearchWindow = z.infer<typeof windowSchema>;

export const searchCursorSchema = z.object({
  windows: z.array(windowSchema).min(1),
  pageToken: z.string().nullable(),
  /** Results read so far in windows[0]. */
  read: z.number().int().min(0),
  lastTime: z.number().int().nullable(),
  atLastTime: z.number().int().min(0),
  maxTime: z.number().int().nullable(),
  inOrder: z.boolean(),
  /** Results once came out of update_time order: split windows by halving from then on. */
  unordered: z.boolean(),
});
export type SearchCursor = z.infer<typeof searchCursorSchema>;

export class SearchLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchLimitError";
  }
}

const openWindow = (updateGe: number | null): SearchWindow => ({ updateGe, updateLe: null, createGe: null, createLe: null, skip: 0 });
const freshWindowState = { pageToken: null, read: 0, lastTime: null, atLastTime: 0, maxTime: null, inOrder: true } as const;

/** Everything (a full import), or everything updated at or after `updatedSince` (Unix seconds). */
export function startSearchCursor({ updatedSince }: { updatedSince?: number | null } = {}): SearchCursor {
  return { windows: [openWindow(updatedSince ?? null)], ...freshWindowState, unordered: false };
}

/** The body filters for the next search page. */
export function searchFilters(cursor: SearchCursor): Record<string, number> {
  const w = cursor.windows[0]!;
  const filters: Record<string, number | null> = {
    update_time_ge: w.updateGe,
    update_time_le: w.updateLe,
    create_time_ge: w.createGe,
    create_time_le: w.createLe,
  };
  return Object.fromEntries(Object.entries(filters).filter((e): e is [string, number] => e[1] !== null));
}

export interface SearchPageSummary {
  /** update_time of each result, in the order returned. */
  updateTimes: number[];
  totalCount: number;
  nextPageToken: string;
}

export interface AdvanceSearchOptions {
  cursor: SearchCursor;
  page: SearchPageSummary;
  cap?: number;
}

export interface AdvanceSearchResult {
  /** null when every window has been read. */
  cursor: SearchCursor | null;
  /** Results of this page that no earlier window returned (for progress). */
  fresh: number;
}

export function advanceSearchCursor({ cursor, page, cap = TIKTOK_SEARCH_CAP }: AdvanceSearchOptions): AdvanceSearchResult {
  const window = cursor.windows[0]!;
  const firstPage = cursor.read === 0;
  const state = { ...cursor };
  for (const t of page.updateTimes) {
    if (state.lastTime !== null && t > state.lastTime) state.inOrder = false;
    if (t === state.lastTime) state.atLastTime += 1;
    else Object.assign(state, { lastTime: t, atLastTime: 1 });
    state.maxTime = Math.max(state.maxTime ?? t, t);
  }
  const before = state.read;
  state.read += page.updateTimes.length;
  const fresh = Math.max(0, state.read - Math.max(before, window.skip));

  // A window known to exceed the cap whose results cannot slide: split it before reading on.
  if (firstPage && page.totalCount > cap && (state.unordered || isOneSecond(window))) {
    return { cursor: replaceWindow(state, splitWindow({ window, maxTime: state.maxTime, byTime: state.unordered })), fresh: 0 };
  }
  if (firstPage && window.skip > 0 && page.totalCount <= window.skip) return { cursor: nextWindow(state), fresh };
  if (!page.nextPageToken || page.updateTimes.length === 0) return { cursor: nextWindow(state), fresh };
  if (state.read >= cap) return { cursor: capReached(state), fresh };
  return { cursor: { ...state, pageToken: page.nextPageToken }, fresh };
}

/** TikTok refused the next page with 12052180 (the catalog grew while it was read): split where we are. */
export function searchCapExceeded(cursor: SearchCursor): SearchCursor {
  if (cursor.read === 0 || cursor.lastTime === null) throw new SearchLimitError("TikTok refused the first page of a search window as over its result cap");
  return capReached(cursor);
}

function capReached(state: SearchCursor): SearchCursor {
  const window = state.windows[0]!;
  if (!state.inOrder) return replaceWindow({ ...state, unordered: true }, splitWindow({ window, maxTime: state.maxTime, byTime: true }));
  if (isOneSecond(window)) return replaceWindow(state, splitWindow({ window, maxTime: state.maxTime, byTime: false }));
  const t = state.lastTime!;
  const below: SearchWindow[] = window.updateGe !== null && t - 1 < window.updateGe ? [] : [{ ...window, updateLe: t - 1, skip: 0 }];
  return replaceWindow(state, [{ ...window, updateGe: t, updateLe: t, skip: state.atLastTime }, ...below]);
}

function isOneSecond(window: SearchWindow): boolean {
  return window.updateGe !== null && window.updateGe === window.updateLe;
}

function splitWindow({ window, maxTime, byTime }: { window: SearchWindow; maxTime: number | null; byTime: boolean }): SearchWindow[] {
  if (byTime && !isOneSecond(window)) {
    const lo = window.updateGe ?? 0;
    const hi = window.updateLe ?? maxTime ?? lo;
    const newer: SearchWindow[] = window.updateLe === null ? [{ ...window, updateGe: hi + 1, skip: 0 }] : [];
    if (lo >= hi) return [{ ...window, updateGe: lo, updateLe: lo, skip: 0 }, ...newer];
    const mid = Math.floor((lo + hi) / 2);
    return [{ ...window, updateGe: lo, updateLe: mid, skip: 0 }, { ...window, updateGe: mid + 1, updateLe: hi, skip: 0 }, ...newer];
  }
  // One update second over the cap: only create_time (never after update_time) can split it further.
  const lo = window.createGe ?? 0;
  const hi = window.createLe ?? window.updateLe!;
  if (lo >= hi) throw new SearchLimitError(`more than the search cap of products were created and updated in the same second (${hi}); TikTok's search cannot list them all`);
  const mid = Math.floor((lo + hi) / 2);
  return [{ ...window, createGe: lo, createLe: mid, skip: 0 }, { ...window, createGe: mid + 1, createLe: hi, skip: 0 }];
}

function replaceWindow(state: SearchCursor, windows: SearchWindow[]): SearchCursor {
  return { ...state, ...freshWindowState, windows: [...windows, ...state.windows.slice(1)] };
}

function nextWindow(state: SearchCursor): SearchCursor | null {
  const rest = state.windows.slice(1);
  return rest.length === 0 ? null : { ...state, ...freshWindowState, windows: rest };
}
