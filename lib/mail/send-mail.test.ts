import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveOrgAccess } from "../auth/org-access";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { reloadEnv } from "../env";
import { resetDatabase, testDb } from "../testing/db";
import { startSmtpListener, type SmtpListener } from "../testing/smtp-listener";
import { acceptInvitation } from "../team/accept-invitation";
import { inviteMember } from "../team/invite-member";
import { sendMail } from "./send-mail";

// The mail path against a real SMTP listener on a loopback port: nodemailer speaks SMTP over a socket.
let smtp: SmtpListener;
const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

function configure(vars: { SMTP_URL?: string; MAIL_FROM?: string }) {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  reloadEnv();
}

beforeAll(async () => {
  setDbClient(testDb);
  smtp = await startSmtpListener({ refuseRecipients: ["nobody@example.test"] });
});
afterAll(async () => {
  configure(saved);
  await smtp.close();
});
beforeEach(async () => {
  await resetDatabase();
  smtp.messages.length = 0;
  configure({ SMTP_URL: smtp.url, MAIL_FROM: "Ferry <invites@ferry.example>" });
});
afterEach(() => configure(saved));

describe("sendMail", () => {
  it("delivers through the configured SMTP server, authenticating with the URL's credentials", async () => {
    await expect(sendMail({ to: "jane@example.test", subject: "Hello", text: "First line\nSecond line" })).resolves.toBe(true);
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail).toMatchObject({ from: "invites@ferry.example", to: ["jane@example.test"], auth: { user: "mailer", pass: "mail-pass" } });
    expect(mail!.headers.subject).toBe("Hello");
    expect(mail!.headers.from).toContain("invites@ferry.example");
    expect(mail!.text.replace(/\r\n/g, "\n")).toContain("First line\nSecond line");
  });

  it("does nothing and says so when SMTP is not configured", async () => {
    configure({ SMTP_URL: undefined });
    await expect(sendMail({ to: "jane@example.test", subject: "Hello", text: "x" })).resolves.toBe(false);
    expect(smtp.messages).toHaveLength(0);
  });

  it.each([
    ["a refused recipient", () => smtp.url, "nobody@example.test"],
    ["wrong credentials", () => smtp.url.replace("mail-pass", "wrong"), "jane@example.test"],
    ["a server that is not there", () => "smtp://127.0.0.1:1", "jane@example.test"],
  ])("reports %s as not sent, without throwing", async (_, url, to) => {
    configure({ SMTP_URL: url() });
    await expect(sendMail({ to, subject: "Hello", text: "x" })).resolves.toBe(false);
    expect(smtp.messages).toHaveLength(0);
  });
});

describe("invitation mail", () => {
  it("mails the invitee the same working link the inviter sees", async () => {
    const { userId, organizationSlug } = await signUp({ email: "owner@example.test", password: "river stone lantern 42", organizationName: "Acme" });
    const org = await resolveOrgAccess({ slug: organizationSlug, userId });
    const { url, mailed } = await inviteMember({ org, input: { email: "new@example.test", role: "ADMIN" } });
    expect(mailed).toBe(true);
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.to).toEqual(["new@example.test"]);
    expect(mail!.headers.subject).toBe("You're invited to Acme on Ferry");
    expect(mail!.text).toContain(url);

    // The mailed link is the real one: it joins the invitee.
    const token = /\/invite\/([\w-]+)/.exec(mail!.text)![1]!;
    const invitee = await signUp({ email: "new@example.test", password: "river stone lantern 42", organizationName: "Elsewhere" });
    await acceptInvitation({ token, userId: invitee.userId, userEmail: "new@example.test" });
    expect((await resolveOrgAccess({ slug: organizationSlug, userId: invitee.userId })).role).toBe("ADMIN");
  });

  it("still creates the invitation, with the link, when the mail is refused", async () => {
    const { userId, organizationSlug } = await signUp({ email: "owner@example.test", password: "river stone lantern 42", organizationName: "Acme" });
    const org = await resolveOrgAccess({ slug: organizationSlug, userId });
    const { url, mailed } = await inviteMember({ org, input: { email: "nobody@example.test", role: "VIEWER" } });
    expect(mailed).toBe(false);
    expect(url).toMatch(/\/invite\/[\w-]{43}$/);
    expect(await testDb.invitation.count({ where: { email: "nobody@example.test" } })).toBe(1);
  });
});
