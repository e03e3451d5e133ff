import { createAccount, expect, PASSWORD, test, uniqueEmail } from "./support/fixtures";

test.describe("sign-up, sign-in and sign-out", () => {
  test("creates an account, lands in the dashboard, signs out and back in", async ({ page }) => {
    const email = uniqueEmail("owner");
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Jane Merchant");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Organization name").fill("Jane's Goods");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/janes-goods-[0-9a-f]{6}\/overview$/);
    await expect(page.getByRole("heading", { name: "Overview", exact: true })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Overview", "Products", "Orders", "Activity", "Settings", "Connections", "Team"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await expect(page.getByText("Connect your Shopify store")).toBeVisible();

    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Overview", exact: true })).toBeVisible();
  });

  test("a wrong password is refused with a message", async ({ page, request }) => {
    const account = await createAccount(request, { label: "wrongpw", organizationName: "Wrong Pw Co" });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated failures lock the account with a clear wait time", async ({ page, request }) => {
    const account = await createAccount(request, { label: "locked", organizationName: "Locked Co" });
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Wrong email or password.")).toBeVisible();
    }
    // Even the right password is refused while locked.
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./)).toBeVisible();
  });

  test("a duplicate email and a weak password are refused at sign-up", async ({ page, request }) => {
    const account = await createAccount(request, { label: "dupe", organizationName: "Dupe Co" });
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Organization name").fill("Another Co");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();

    await page.getByLabel("Email").fill(uniqueEmail("weak"));
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("This password is too common. Choose another.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up/);
  });
});
