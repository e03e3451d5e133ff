// The demo forms on the index page post to /__sandbox/ui/<platform>/<rest>. The form becomes the JSON body of
// POST /__sandbox/<platform>/<rest>, which goes to the platform's own control code (the same code the JSON control
// API runs), and the browser is sent back to "/" with a 303 and a short message: no JavaScript needed.
import type { PlatformModule, SandboxContext, SandboxRequest, SandboxResponse } from "./platform";

export const UI_PREFIX = "/__sandbox/ui";
const MAX_MESSAGE = 300;
const MAX_INDEX = 99;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The form action for a platform control path: "/__sandbox/tiktok/shops/1/orders" → "/__sandbox/ui/tiktok/shops/1/orders". */
export function uiAction(controlPath: string): string {
  return controlPath.replace(/^\/__sandbox\//, `${UI_PREFIX}/`);
}

type Tree = Record<string, unknown>;

/**
 * Form fields → a JSON body. Names are dotted paths ("lineItems.0.quantity"; numeric segments make arrays); a
 * ":number" or ":boolean" suffix types the value; empty fields are left out; "_"-prefixed fields belong to the UI.
 */
export function formToJson(form: Record<string, string>): { body: Tree } | { error: string } {
  const root: Tree = {};
  for (const [rawName, raw] of Object.entries(form)) {
    if (rawName.startsWith("_") || raw === "") continue;
    const [name = "", type] = rawName.split(":");
    let value: unknown = raw;
    if (type === "number") {
      value = Number(raw.trim());
      if (raw.trim() === "" || !Number.isFinite(value)) return { error: `${name} must be a number` };
    } else if (type === "boolean") {
      value = ["true", "on", "1"].includes(raw) ? true : ["false", "off", "0"].includes(raw) ? false : null;
      if (value === null) return { error: `${name} must be true or false` };
    } else if (type !== undefined) return { error: `unknown field type ":${type}" in ${rawName}` };
    const error = setPath(root, name.split("."), value);
    if (error) return { error };
  }
  return { body: root };
}

function setPath(root: Tree, segments: string[], value: unknown): string | null {
  let node: Tree = root;
  for (const [i, seg] of segments.entries()) {
    if (seg === "" || FORBIDDEN_KEYS.has(seg)) return `bad field name ${segments.join(".")}`;
    if (Array.isArray(node) && !(/^\d+$/.test(seg) && Number(seg) <= MAX_INDEX)) return `${segments.join(".")}: expected an index 0..${MAX_INDEX}`;
    if (i === segments.length - 1) {
      if (node[seg] !== undefined) return `${segments.join(".")} is given twice`;
      node[seg] = value;
      return null;
    }
    const next = segments[i + 1]!;
    node[seg] ??= /^\d+$/.test(next) ? [] : {};
    const child = node[seg];
    if (!child || typeof child !== "object") return `${segments.join(".")} conflicts with another field`;
    node = child as Tree;
  }
  return null;
}

/** Compact the sparse arrays a form may leave ("lineItems.2" without "lineItems.1"). */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

function backToIndex(ok: boolean, message: string): SandboxResponse {
  const short = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  const location = `/?${new URLSearchParams({ ok: ok ? "1" : "0", message: short })}`;
  return { status: 303, headers: { location, "content-type": "text/plain; charset=utf-8" }, body: `See ${location}` };
}

function errorText(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === "string") return error;
  return typeof body === "string" ? body.slice(0, 200) : JSON.stringify(body ?? null).slice(0, 200);
}

function report(body: unknown, fields: string | undefined): string {
  if (!fields || !body || typeof body !== "object") return "";
  const parts = fields.split(",").map((f) => f.trim()).filter(Boolean).flatMap((f) => {
    const v = (body as Tree)[f];
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? [`${f} ${v}`] : [];
  });
  return parts.length ? ` (${parts.join(", ")})` : "";
}

export interface UiFormOptions { modules: PlatformModule[]; ctx: SandboxContext }

/**
 * POST /__sandbox/ui/<platform>/<rest>: runs the control endpoint POST /__sandbox/<platform>/<rest> with the form as
 * its JSON body. UI fields: `_label` names the action in the message; `_report` lists answer fields to show.
 */
export async function handleUiForm(req: SandboxRequest, options: UiFormOptions): Promise<SandboxResponse> {
  if (req.method !== "POST") return { status: 405, headers: { allow: "POST" }, body: { error: "the index page's forms POST here" } };
  const rest = req.path.slice(UI_PREFIX.length).replace(/\/+$/, "");
  const controlPath = `/__sandbox${rest}`;
  const form = req.body;
  const fields = form && typeof form === "object" && !Array.isArray(form) ? (form as Record<string, unknown>) : null;
  const label = typeof fields?._label === "string" && fields._label ? fields._label : `POST ${controlPath}`;
  if (!fields || !Object.values(fields).every((v) => typeof v === "string")) {
    return backToIndex(false, `${label} failed: send an application/x-www-form-urlencoded form`);
  }
  const mod = options.modules.find((m) => rest.startsWith(`/${m.platform}/`));
  if (!mod) return backToIndex(false, `${label} failed: no platform for ${controlPath}`);
  const parsed = formToJson(fields as Record<string, string>);
  if ("error" in parsed) return backToIndex(false, `${label} failed: ${parsed.error}`);
  const body = compact(parsed.body);
  const rawBody = Buffer.from(JSON.stringify(body));
  const controlReq: SandboxRequest = {
    method: "POST", url: new URL(controlPath, req.url), path: controlPath, rawBody, body,
    headers: { ...req.headers, "content-type": "application/json", "content-length": String(rawBody.length) },
  };
  let out: SandboxResponse | null;
  try {
    out = await mod.control(controlReq, options.ctx);
  } catch (err) {
    return backToIndex(false, `${label} failed: ${(err as Error).message}`);
  }
  if (!out) return backToIndex(false, `${label} failed: no control endpoint POST ${controlPath}`);
  if (out.status >= 300) return backToIndex(false, `${label} failed (HTTP ${out.status}): ${errorText(out.body)}`);
  return backToIndex(true, `${label}: done${report(out.body, typeof fields._report === "string" ? fields._report : undefined)}`);
}
