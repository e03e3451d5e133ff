import net from "node:net";
import type { AddressInfo } from "node:net";

// A real SMTP listener on a loopback port, just enough of RFC 5321 for nodemailer (EHLO, AUTH PLAIN
// and LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT), so tests send mail over a socket exactly as the app
// does to a mail server. It records what it receives.

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The credentials the client authenticated with, when it did. */
  auth?: { user: string; pass: string };
  headers: Record<string, string>;
  /** The text body, transfer-decoded (quoted-printable or base64). */
  text: string;
}

export interface SmtpListener {
  url: string;
  port: number;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

export interface StartSmtpListenerOptions {
  /** Answer RCPT TO with 550 for these addresses (a mailbox the server refuses). */
  refuseRecipients?: string[];
  user?: string;
  pass?: string;
}

const decodeBase64 = (value: string) => Buffer.from(value, "base64").toString("utf8");

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  if (encoding === "base64") return decodeBase64(body.replace(/\s+/g, ""));
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function parseMessage(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? "" : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, text: decodeBody(headers, body) };
}

export async function startSmtpListener({ refuseRecipients = [], user = "mailer", pass = "mail-pass" }: StartSmtpListenerOptions = {}): Promise<SmtpListener> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffer = "";
    let inData = false;
    let awaiting: "login-user" | "login-pass" | null = null;
    let loginUser = "";
    let envelope: { from: string; to: string[]; auth?: { user: string; pass: string } } = { from: "", to: [] };
    let auth: { user: string; pass: string } | undefined;
    const reply = (line: string) => socket.write(line + "\r\n");
    const authenticate = (u: string, p: string) => {
      if (u === user && p === pass) {
        auth = { user: u, pass: p };
        reply("235 2.7.0 Authentication successful");
      } else {
        reply("535 5.7.8 Authentication credentials invalid");
      }
    };

    const command = (line: string) => {
      if (awaiting === "login-user") {
        loginUser = decodeBase64(line);
        awaiting = "login-pass";
        return reply("334 UGFzc3dvcmQ6");
      }
      if (awaiting === "login-pass") {
        awaiting = null;
        return authenticate(loginUser, decodeBase64(line));
      }
      const verb = line.split(" ")[0]!.toUpperCase();
      if (verb === "EHLO" || verb === "HELO") return reply("250-ferry-test-smtp\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
      if (verb === "AUTH") {
        const [, mechanism, initial] = line.split(" ");
        if (mechanism?.toUpperCase() === "PLAIN" && initial) {
          const [, u = "", p = ""] = decodeBase64(initial).split("\0");
          return authenticate(u, p);
        }
        if (mechanism?.toUpperCase() === "LOGIN") {
          awaiting = "login-user";
          return reply("334 VXNlcm5hbWU6");
        }
        return reply("504 5.5.4 Unrecognized authentication type");
      }
      if (verb === "MAIL") {
        envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? "", to: [], auth };
        return reply("250 2.1.0 OK");
      }
      if (verb === "RCPT") {
        const to = /<([^>]*)>/.exec(line)?.[1] ?? "";
        if (refuseRecipients.includes(to)) return reply("550 5.1.1 No such mailbox");
        envelope.to.push(to);
        return reply("250 2.1.5 OK");
      }
      if (verb === "DATA") {
        if (envelope.to.length === 0) return reply("554 5.5.1 No valid recipients");
        inData = true;
        return reply("354 End data with <CR><LF>.<CR><LF>");
      }
      if (verb === "RSET" || verb === "NOOP") return reply("250 2.0.0 OK");
      if (verb === "QUIT") {
        reply("221 2.0.0 Bye");
        return socket.end();
      }
      reply("502 5.5.2 Command not implemented");
    };

    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          // Undo dot-stuffing (a line starting with "." was sent as "..").
          const raw = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push({ ...envelope, ...parseMessage(raw) });
          reply("250 2.0.0 Queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        command(line);
      }
    });
    reply("220 ferry-test-smtp ESMTP");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    port,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
