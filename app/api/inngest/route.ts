import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";

// Inngest (Cloud, self-hosted, or the local runner) syncs and invokes functions here. The SDK checks
// request signatures in cloud mode; this route is not org-scoped because no user calls it.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
