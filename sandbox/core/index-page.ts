import { escapeHtml, html } from "./http";
import type { PlatformModule, SandboxResponse } from "./platform";

/** The HTML index at "/": what this sandbox serves and where the control API lives. */
export function indexPage(modules: PlatformModule[], base: string): SandboxResponse {
  const items = modules.map((m) => `<li><code>${escapeHtml(base + m.prefix)}</code> — ${escapeHtml(m.platform)} stand-in</li>`).join("");
  const control = [
    "POST /__sandbox/reset", "GET|POST /__sandbox/clock", "GET|POST /__sandbox/config", "GET|POST /__sandbox/apps",
    "GET|POST /__sandbox/faults", "GET /__sandbox/requests?after=&lt;seq&gt;",
    ...modules.map((m) => `/__sandbox/${m.platform}/…`),
  ].map((c) => `<li><code>${c}</code></li>`).join("");
  return html(200, `<!doctype html><html><head><meta charset="utf-8"><title>Ferry platform sandbox</title></head>
<body><h1>Ferry platform sandbox</h1><p>Stand-ins for the platforms, served from one process. See sandbox/README.md for every endpoint.</p>
<h2>Platforms</h2><ul>${items}</ul><h2>Control API</h2><ul>${control}</ul></body></html>`);
}
