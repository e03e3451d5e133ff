import nodemailer from "nodemailer";
import { env } from "../env";
import { log } from "../log";

export interface SendMailOptions {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail when SMTP_URL is configured. Returns whether it was sent; never throws on delivery. */
export async function sendMail({ to, subject, text }: SendMailOptions): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return false;
  try {
    await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, to, subject, text });
    return true;
  } catch (error) {
    log.warn("mail delivery failed", { subject, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
