/**
 * The code reader (/dev/codes, /dev/mails, /dev/sms) returns only real one-time codes: the
 * message says which code it carries, so a 6-digit number in a notification (a document
 * title) is never read as one. Through the real outbox and the embedded SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let db: TTestDatabase;
let messages: typeof import("./find-dev-messages");
let mail: typeof import("@/lib/mail/send-mail");
let sms: typeof import("@/lib/sms/send-sms");
let otp: typeof import("@/lib/otp/send-otp");

beforeAll(async () => {
  db = await createTestDatabase({ name: "dev-messages" });
  process.env.DATABASE_URL = db.url;
  delete process.env.SMTP_URL;
  messages = await import("./find-dev-messages");
  mail = await import("@/lib/mail/send-mail");
  sms = await import("@/lib/sms/send-sms");
  otp = await import("@/lib/otp/send-otp");
});
afterAll(async () => db.cleanup());

const PHONE = "+33799000001";
const EMAIL = "lecteur.codes@bac-a-sable.test";

describe("development code reader", () => {
  it("a 6-digit number in a notification mail is not a code", async () => {
    await mail.sendMail({ to: EMAIL, subject: "Nouveau document dans votre DMP", text: "Document ajouté : Compte rendu opératoire 482913." });
    expect(await messages.latestCodeFor(EMAIL)).toBeNull();
    expect((await messages.findDevMails(EMAIL))[0]?.code).toBeNull();
  });

  it("a 6-digit number in a notification SMS is not a code", async () => {
    await sms.sendSms(db.prisma, { to: PHONE, body: "Mon espace santé (simulateur). Nouveau document : Bilan 204815." });
    expect(await messages.latestCodeFor(PHONE)).toBeNull();
    expect((await messages.findDevSms(PHONE))[0]?.code).toBeNull();
  });

  it("returns the code a message carries, by recipient and by purpose, whatever came after it", async () => {
    await otp.sendOtp("EMAIL", EMAIL, "135790", "LOGIN");
    await otp.sendOtp("EMAIL", EMAIL, "246801", "PASSWORD_RESET");
    await mail.sendMail({ to: EMAIL, subject: "Nouveau document", text: "Ordonnance 999999" });
    expect(await messages.latestCodeFor(EMAIL)).toMatchObject({ code: "246801", purpose: "PASSWORD_RESET", channel: "EMAIL" });
    expect(await messages.latestCodeFor(EMAIL, "LOGIN")).toMatchObject({ code: "135790", purpose: "LOGIN" });
    expect(await messages.latestCodeFor(EMAIL, "CONTACT_CHANGE")).toBeNull();
    expect(await messages.latestCodeFor("autre@bac-a-sable.test")).toBeNull();

    await otp.sendOtp("SMS", PHONE, "864200", "SIGNUP");
    expect(await messages.latestCodeFor("07 99 00 00 01", "SIGNUP")).toMatchObject({ code: "864200", purpose: "SIGNUP", channel: "SMS" });
    expect((await messages.findDevSms(PHONE)).map((m) => m.code)).toEqual(["864200", null]);
  });

  it("/dev/codes filters by purpose (motif) and keeps its answer's shape", async () => {
    process.env.DEV_TOOLS = "1";
    const { GET } = await import("@/app/dev/codes/route");
    const url = (query: string) => new Request(`http://localhost:3000/dev/codes?destinataire=${encodeURIComponent(EMAIL)}${query}`);
    const login = await GET(url("&motif=connexion"));
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ code: "135790", motif: "connexion", channel: "EMAIL", at: expect.any(String) });
    expect(await (await GET(url(""))).json()).toMatchObject({ code: "246801", motif: "reinitialisation" });
    expect((await GET(url("&motif=coordonnees"))).status).toBe(404);
    const bad = await GET(url("&motif=document"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^Paramètre « motif » inconnu/);
  });
});
