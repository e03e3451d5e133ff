import { createAccount, expect, pageFor, test } from "./support/fixtures";

// The whole background-job loop: the app sends an event, the local runner (speaking Inngest's
// protocol) invokes the function through the app's real /api/inngest route, and the step writes
// an Activity entry the merchant sees.
test("a health check requested in the app runs in the background and lands in Activity", async ({ browser, request }) => {
  const owner = await createAccount(request, { label: "jobs", organizationName: "Jobs Co" });
  const page = await pageFor(browser, owner);
  await page.goto(`/${owner.orgSlug}/activity`);
  await expect(page.getByText("No activity yet")).toBeVisible();

  await page.getByRole("button", { name: "Run health check" }).click();
  await expect(page.getByText("Health check queued.")).toBeVisible();
  // .first(): when the test runs across a quarter hour, the scheduled check records the same line too.
  await expect(page.getByText(/Connection health check: no stores are connected yet/).first()).toBeVisible({ timeout: 20_000 });

  const runs = (await (await request.get(`${process.env.E2E_RUNNER_URL}/v0/runs?function=check-connection-health&status=Completed`)).json()) as {
    runs?: { status: string }[];
  };
  expect(runs.runs?.length ?? 0).toBeGreaterThan(0);
});

test("viewers cannot queue jobs", async ({ browser, request }) => {
  const owner = await createAccount(request, { label: "jobs-viewer", organizationName: "Jobs Viewer Co" });
  const ownerPage = await pageFor(browser, owner);
  const invite = (await (await ownerPage.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: `v-${owner.email}`, role: "VIEWER" } })).json()) as {
    url: string;
  };
  const viewer = await createAccount(request, { label: "v", email: `v-${owner.email}`, invitationToken: invite.url.split("/").pop()! });
  const viewerPage = await pageFor(browser, { ...viewer, orgSlug: owner.orgSlug });
  const response = await viewerPage.request.post(`/api/orgs/${owner.orgSlug}/health-checks`);
  expect(response.status()).toBe(403);
  await viewerPage.goto(`/${owner.orgSlug}/activity`);
  await expect(viewerPage.getByRole("heading", { name: "Activity", exact: true })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Run health check" })).toHaveCount(0);
});
