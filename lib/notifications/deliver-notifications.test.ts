import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TMail } from "@/lib/mail/send-mail";
import type { NotificationAudience } from "@/lib/generated/prisma/enums";
import { deliverPendingNotifications } from "./deliver-notifications";

let db: TTestDatabase;
let childId: string;
let adultId: string;
let motherAccountId: string;

function mailbox() {
  const sent: TMail[] = [];
  return { sent, sendMail: async (mail: TMail) => void sent.push(mail) };
}

async function notify(patientId: string, title: string, audience: NotificationAudience = "EVERYONE") {
  return db.prisma.notification.create({ data: { patientId, kind: "EMERGENCY_ACCESS", audience, title, body: `${title} : détail.` } });
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "deliver-notifications" });
  const identity = { birthDate: "2015-01-01", firstName: "Léo", lastName: "Essai", sex: "M" as const, department: "75" };
  // A minor: no contact of their own, notifications by e-mail and SMS to the representatives.
  childId = (await db.prisma.patient.create({ data: { ...identity, nir: "115017505600112", notifyByEmail: true, notifyBySms: true } })).id;
  adultId = (
    await db.prisma.patient.create({
      data: { ...identity, birthDate: "1980-01-01", nir: "180017505600113", firstName: "Paul", email: "paul@exemple.fr", notifyByEmail: true },
    })
  ).id;
  const mother = await db.prisma.account.create({ data: { loginId: "mere", passwordHash: "x", firstName: "Anne", lastName: "Essai", email: "Anne@Exemple.fr", phone: "+33612345678" } });
  const father = await db.prisma.account.create({ data: { loginId: "pere", passwordHash: "x", firstName: "Marc", lastName: "Essai", email: "marc@exemple.fr" } });
  motherAccountId = mother.id;
  await db.prisma.legalRepresentation.createMany({
    data: [
      { accountId: mother.id, patientId: childId, relationship: "Mère" },
      { accountId: father.id, patientId: childId, relationship: "Père" },
    ],
  });
});

afterAll(async () => {
  await db.cleanup();
});

describe("deliverPendingNotifications", () => {
  it("sends a minor's notification to every legal representative, once", async () => {
    const n = await notify(childId, "Accès en urgence au DMP de Léo");
    const box = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: box.sendMail });
    expect(box.sent.map((m) => m.to).sort()).toEqual(["anne@exemple.fr", "marc@exemple.fr"]);
    expect(box.sent[0]?.subject).toBe("DMP : Accès en urgence au DMP de Léo");
    expect((await db.prisma.smsMessage.findMany({ where: { recipient: "+33612345678" } })).map((s) => s.body)).toEqual([
      "Mon espace santé (simulateur). Accès en urgence au DMP de Léo. Accès en urgence au DMP de Léo : détail.",
    ]);
    expect(await db.prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ sentEmail: true, sentSms: true });

    const again = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: again.sendMail });
    expect(again.sent).toEqual([]);
  });

  it("uses the representative's current address, and the holder's own for an adult", async () => {
    await db.prisma.account.update({ where: { id: motherAccountId }, data: { email: "anne.nouvelle@exemple.fr" } });
    await notify(childId, "Nouveau document pour Léo");
    await notify(adultId, "Nouveau document pour Paul");
    const box = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: box.sendMail });
    expect(box.sent.map((m) => `${m.to} ${m.subject}`).sort()).toEqual([
      "anne.nouvelle@exemple.fr DMP : Nouveau document pour Léo",
      "marc@exemple.fr DMP : Nouveau document pour Léo",
      "paul@exemple.fr DMP : Nouveau document pour Paul",
    ]);
  });

  it("keeps a notification pending when the mail server fails, and sends it on the next run", async () => {
    const n = await notify(adultId, "Première consultation");
    await deliverPendingNotifications({
      db: db.prisma,
      sendMail: async () => {
        throw new Error("serveur indisponible");
      },
    });
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).sentEmail).toBe(false);
    const box = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: box.sendMail });
    expect(box.sent.map((m) => m.to)).toEqual(["paul@exemple.fr"]);
  });

  it("sends by the notification's audience: the holder only, or the representatives only", async () => {
    await db.prisma.patient.update({ where: { id: childId }, data: { email: "leo@exemple.fr" } });
    await notify(childId, "Pour Léo seulement", "PATIENT");
    await notify(childId, "Pour ses parents seulement", "LEGAL_REPRESENTATIVES");
    const box = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: box.sendMail });
    expect(box.sent.map((m) => `${m.to} ${m.subject}`).sort()).toEqual([
      "anne.nouvelle@exemple.fr DMP : Pour ses parents seulement",
      "leo@exemple.fr DMP : Pour Léo seulement",
      "marc@exemple.fr DMP : Pour ses parents seulement",
    ]);
    const sms = await db.prisma.smsMessage.findMany({ where: { body: { contains: "seulement" } } });
    expect(sms.map((m) => `${m.recipient} ${m.body.includes("parents") ? "parents" : "Léo"}`)).toEqual(["+33612345678 parents"]);
  });

  it("a notification nobody of its audience can receive does not hold back the others (50 per run)", async () => {
    await db.prisma.patient.update({ where: { id: childId }, data: { email: null } });
    const earlier = new Date(Date.now() - 60_000);
    await db.prisma.notification.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({ patientId: childId, kind: "NEW_DOCUMENT" as const, audience: "PATIENT" as const, title: `Pour Léo ${i}`, body: "x", createdAt: earlier })),
    });
    await notify(childId, "Pour toute la famille");
    const box = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: box.sendMail });
    expect(box.sent.map((m) => `${m.to} ${m.subject}`).sort()).toEqual([
      "anne.nouvelle@exemple.fr DMP : Pour toute la famille",
      "marc@exemple.fr DMP : Pour toute la famille",
    ]);
  });

  it("settles each notification once: sent, or nobody to reach; only a failed mail stays pending", async () => {
    await db.prisma.notification.updateMany({ data: { settledAt: new Date() } });
    await db.prisma.patient.update({ where: { id: adultId }, data: { notifyByEmail: false } });
    const unreachable = await notify(adultId, "Personne à prévenir");
    const reached = await notify(childId, "Pour les parents");
    const box = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: box.sendMail });
    const [u, r] = await Promise.all([unreachable, reached].map((n) => db.prisma.notification.findUniqueOrThrow({ where: { id: n.id } })));
    expect(u).toMatchObject({ sentEmail: false, sentSms: false });
    expect(u?.settledAt).not.toBeNull();
    expect(r).toMatchObject({ sentEmail: true });
    expect(r?.settledAt).not.toBeNull();

    // Settled means done: the patient asking for e-mails afterwards does not bring it back.
    await db.prisma.patient.update({ where: { id: adultId }, data: { notifyByEmail: true } });
    const later = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: later.sendMail });
    expect(later.sent).toEqual([]);
  });

  it("tries a failing mail once per run, and goes past it to the next ones", async () => {
    await db.prisma.notification.updateMany({ data: { settledAt: new Date() } });
    const failing = await notify(adultId, "Adresse refusée");
    await notify(childId, "Après celle qui échoue");
    const tried: string[] = [];
    await deliverPendingNotifications({
      db: db.prisma,
      sendMail: async (mail) => {
        tried.push(`${mail.to} ${mail.subject}`);
        if (mail.to === "paul@exemple.fr") throw new Error("adresse refusée");
      },
    });
    expect(tried.sort()).toEqual(["anne.nouvelle@exemple.fr DMP : Après celle qui échoue", "marc@exemple.fr DMP : Après celle qui échoue", "paul@exemple.fr DMP : Adresse refusée"]);
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: failing.id } })).settledAt).toBeNull();
  });

  it("delivers more than one statement's worth (100) in a run", async () => {
    await db.prisma.notification.updateMany({ data: { settledAt: new Date() } });
    const earlier = new Date(Date.now() - 60_000);
    await db.prisma.notification.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({ patientId: adultId, kind: "NEW_DOCUMENT" as const, title: `Document ${i}`, body: "x", createdAt: earlier })),
    });
    const box = mailbox();
    await deliverPendingNotifications({ db: db.prisma, sendMail: box.sendMail });
    expect(box.sent).toHaveLength(150);
    expect(await db.prisma.notification.count({ where: { settledAt: null } })).toBe(0);
  });
});
