import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { ofName } from "@/lib/text/french";

/**
 * NOTIFICATION_WORDING: the one wording (title and body) of each notification kind, read
 * in the portal's list and sent as is by e-mail and SMS (deliver-notifications.ts). Callers
 * give the facts of what happened; only this table writes the words, so the same event
 * reads the same whichever way it came (portal, feed, API).
 */
export type TNotificationFacts = {
  RECORD_CREATED:
    | { opening: "SELF"; at: Date }
    | { opening: "WITH_CONSENT"; at: Date; by: string }
    | { opening: "FOR_MINOR"; at: Date; by: string; patientName: string; relationship: string }
    | { opening: "ONLINE_AT_ADULTHOOD"; at: Date };
  /** `careTeamColleague`: access by the care-team presumption, after consent given to that colleague. */
  FIRST_CONSULTATION: { by: string; careTeamColleague?: string | null };
  NEW_DOCUMENT: { news: "NEW_DOCUMENT" | "NEW_VERSION"; by: string; title: string; typeCode: string };
  EMERGENCY_ACCESS: { mode: "SAMU"; at: Date; by: string } | { mode: "BREAK_GLASS"; at: Date; by: string; justification: string };
  RECORD_CLOSED: { at: Date; deletionPlannedAt: Date };
  RECORD_REACTIVATED: { at: Date };
  DOCUMENT_REVEALED: { by: string; title: string };
  PATIENT_RIGHTS:
    | { right: "RECTIFICATION_ANSWERED"; by: string; documentTitle: string; answer: string; comment: string | null }
    | { right: "COPY_SENT_BY_MAIL"; trackingNumber: string };
};

/** What a caller says happened: the kind and its facts. */
export type TNotificationMessage = { [K in NotificationKind]: { kind: K } & TNotificationFacts[K] }[NotificationKind];

export type TNotificationText = { title: string; body: string };

const PARIS_DAY = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });
const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
const day = (at: Date) => PARIS_DAY.format(at);
/** « le 05/12/2026 à 14:30 » (Paris time). */
const dayAndTime = (at: Date) => `le ${PARIS_DAY.format(at)} à ${PARIS_TIME.format(at)}`;

/** A person as a notification names them: « Dr Claire Martin (Hôpital Nord) ». */
export function personWithStructure(name: string, structureName?: string | null): string {
  return structureName ? `${name} (${structureName})` : name;
}

export const NOTIFICATION_WORDING: { [K in NotificationKind]: (facts: TNotificationFacts[K]) => TNotificationText } = {
  RECORD_CREATED: (f) => {
    switch (f.opening) {
      case "FOR_MINOR":
        return {
          title: `Le dossier médical partagé ${ofName(f.patientName)} est ouvert`,
          body: `Le DMP ${ofName(f.patientName)} a été créé le ${day(f.at)} par ${f.by}, avec l'accord de son représentant légal (${f.relationship}).`,
        };
      case "WITH_CONSENT":
        return { title: "Votre dossier médical partagé est ouvert", body: `Votre DMP a été créé le ${day(f.at)} par ${f.by}, avec votre accord.` };
      case "SELF":
        return { title: "Votre dossier médical partagé est ouvert", body: `Vous avez ouvert votre DMP le ${day(f.at)}.` };
      case "ONLINE_AT_ADULTHOOD":
        return {
          title: "Votre accès en ligne à votre DMP est ouvert",
          body: `Vous avez ouvert votre propre accès à votre DMP le ${day(f.at)}. Depuis vos 18 ans, vos représentants légaux n'y ont plus accès.`,
        };
    }
  },
  FIRST_CONSULTATION: (f) => ({
    title: "Première consultation de votre DMP par un professionnel",
    body: f.careTeamColleague
      ? `${f.by} accède à votre DMP pour la première fois, au titre de l'équipe de soins : vous avez donné votre accord à ${f.careTeamColleague}, de la même structure. Vous pouvez vous opposer à cet accès dans « Gérer les accès ».`
      : `${f.by} accède à votre DMP pour la première fois, avec votre accord.`,
  }),
  NEW_DOCUMENT: (f) =>
    f.news === "NEW_VERSION"
      ? { title: "Un document de votre DMP a été mis à jour", body: `${f.by} a mis à jour « ${f.title} » (${documentTypeLabel(f.typeCode)}).` }
      : { title: "Un nouveau document a été ajouté à votre DMP", body: `${f.by} a ajouté « ${f.title} » (${documentTypeLabel(f.typeCode)}).` },
  EMERGENCY_ACCESS: (f) =>
    f.mode === "SAMU"
      ? {
          title: "Accès à votre DMP par le SAMU-Centre 15",
          body: `${f.by} a consulté votre DMP ${dayAndTime(f.at)} dans le cadre d'une régulation du SAMU-Centre 15.`,
        }
      : {
          title: "Accès en urgence à votre DMP (bris de glace)",
          body: `${f.by} a accédé à votre DMP en urgence ${dayAndTime(f.at)}. Justification : « ${f.justification} ».`,
        },
  RECORD_CLOSED: (f) => ({
    title: "Votre DMP est fermé",
    body: `Votre dossier a été fermé le ${day(f.at)}. Il est conservé jusqu'au ${day(f.deletionPlannedAt)} et peut être réactivé d'ici là.`,
  }),
  RECORD_REACTIVATED: (f) => ({
    title: "Votre DMP est réactivé",
    body: `Votre dossier a été réactivé le ${day(f.at)}. Les professionnels autorisés y ont de nouveau accès.`,
  }),
  DOCUMENT_REVEALED: (f) => ({
    title: "Un document de votre DMP vous est désormais accessible",
    body: `${f.by} a rendu visible « ${f.title} » à la suite de votre consultation d'annonce.`,
  }),
  PATIENT_RIGHTS: (f) =>
    f.right === "RECTIFICATION_ANSWERED"
      ? {
          title: "Réponse à votre demande de rectification",
          body: `${f.by} a répondu à votre demande de rectification du document « ${f.documentTitle} » : ${f.answer.toLocaleLowerCase("fr")}.${f.comment ? ` ${f.comment}` : ""}`,
        }
      : {
          title: "Copie de votre dossier envoyée par courrier recommandé",
          body: `La copie de votre dossier vous a été envoyée par courrier recommandé (n° ${f.trackingNumber}).`,
        },
};

/** The title and body of a notification, from the table. */
export function notificationText(message: TNotificationMessage): TNotificationText {
  const word = NOTIFICATION_WORDING[message.kind] as (facts: TNotificationMessage) => TNotificationText;
  return word(message);
}
