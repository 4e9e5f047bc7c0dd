import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { PreferencesForm } from "@/components/patient/preferences-form";
import { formatDateTime } from "@/components/patient/format";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalContactDetails, portalNotifications } from "@/lib/patient-portal";
import { markReadAction, preferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requirePatientActor();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [list, contact] = await Promise.all([portalNotifications(actor, page), portalContactDetails(actor)]);
  const unread = list.items.some((n) => !n.readAt);
  return (
    <>
      <PageHeader title="Notifications" description={<p>Les événements importants de votre dossier, du plus récent au plus ancien.</p>} />
      <section aria-labelledby="liste" className="mb-10 flex flex-col gap-4">
        <h2 id="liste" className="text-2xl font-bold">Mes notifications</h2>
        {unread ? <ActionForm action={markReadAction} submitLabel="Tout marquer comme lu" variant="secondary" /> : null}
        {list.items.length === 0 ? <Alert tone="info">Aucune notification.</Alert> : null}
        <ul className="flex flex-col gap-3">
          {list.items.map((n) => (
            <li key={n.id} className="rounded-lg border border-slate-300 bg-white p-4">
              <h3 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                {n.title}
                {n.readAt ? null : <Badge tone="info">Non lue</Badge>}
                {n.kind === "EMERGENCY_ACCESS" ? <Badge tone="danger">Accès en urgence</Badge> : null}
              </h3>
              <p className="text-sm text-slate-700">{formatDateTime(n.createdAt)}{n.sentEmail ? " · envoyée par courriel" : ""}{n.sentSms ? " · envoyée par SMS" : ""}</p>
              <p className="mt-1">{n.body}</p>
            </li>
          ))}
        </ul>
        <Pagination currentPage={list.page} totalPages={list.pageCount} basePath="/patient/notifications" label="Pages de notifications" />
      </section>
      <section aria-labelledby="preferences" className="flex flex-col gap-4">
        <h2 id="preferences" className="text-2xl font-bold">Préférences</h2>
        <PreferencesForm action={preferencesAction} prefs={{ notifyByEmail: contact.notifyByEmail, notifyBySms: contact.notifyBySms, otpChannel: contact.otpChannel, email: contact.email, phone: contact.phone }} />
      </section>
    </>
  );
}
