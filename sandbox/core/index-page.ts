import { escapeHtml, html } from "./http";
import { handleUiForm, UI_PREFIX } from "./index-actions";
import type { PlatformModule, SandboxContext, SandboxRequest, SandboxResponse } from "./platform";

export interface IndexPageOptions { modules: PlatformModule[]; ctx: SandboxContext }

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;max-width:80rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3}code{background:#f6f6f6}
form.inline{display:inline}.msg{padding:.5rem 1rem;border-radius:4px}.ok{background:#e6f6e6}.fail{background:#fde8e8}
.note{color:#666}section{border-top:2px solid #ddd;margin-top:1.5rem}`;

/**
 * "/" and the demo forms under /__sandbox/ui/: an HTML index of what the sandbox serves, with each platform's
 * shops, products and orders (PlatformModule.indexHtml) and forms that act as the merchant or the buyer.
 */
export async function indexPage(req: SandboxRequest, options: IndexPageOptions): Promise<SandboxResponse> {
  if (req.path.startsWith(`${UI_PREFIX}/`)) return handleUiForm(req, options);
  if (req.method !== "GET") return { status: 405, headers: { allow: "GET" }, body: { error: "use GET /" } };
  const { modules, ctx } = options;
  const base = `http://${req.headers.host ?? "127.0.0.1"}`;
  const message = req.url.searchParams.get("message");
  const banner = message ? `<p class="msg ${req.url.searchParams.get("ok") === "1" ? "ok" : "fail"}" role="status">${escapeHtml(message)}</p>` : "";
  const items = modules.map((m) => `<li><a href="#${escapeHtml(m.platform)}">${escapeHtml(m.platform)}</a> stand-in at <code>${escapeHtml(base + m.prefix)}</code></li>`).join("");
  const sections = modules.map((m) => `<section id="${escapeHtml(m.platform)}">${platformSection(m, ctx)}</section>`).join("\n");
  const control = [
    "POST /__sandbox/reset", "GET|POST /__sandbox/clock", "GET|POST /__sandbox/config", "GET|POST /__sandbox/apps",
    "GET|POST /__sandbox/faults", "GET /__sandbox/requests?after=<seq>", ...modules.map((m) => `/__sandbox/${m.platform}/…`),
    `POST ${UI_PREFIX}/<platform>/… (the forms on this page)`,
  ].map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join("");
  return html(200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry platform sandbox</title><style>${STYLE}</style></head>
<body><h1>Ferry platform sandbox</h1>${banner}
<p>Stand-ins for the platforms, served from one process. See sandbox/README.md for every endpoint.</p>
<h2>Platforms</h2><ul>${items}</ul>
${sections}
<section><h2>Control API</h2><ul>${control}</ul></section></body></html>`);
}

function platformSection(m: PlatformModule, ctx: SandboxContext): string {
  if (!m.indexHtml) return `<h2>${escapeHtml(m.platform)}</h2><p class="note">This stand-in has no overview.</p>`;
  try {
    return m.indexHtml(ctx);
  } catch (err) {
    // one broken overview must not take the whole page (and the other platform's forms) down
    return `<h2>${escapeHtml(m.platform)}</h2><p class="msg fail">Overview failed: ${escapeHtml((err as Error).message)}</p>`;
  }
}
