import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AuthenticatorDisable, AuthenticatorEnrolment } from "@/components/patient/authenticator-forms";
import { portalAuthenticatorStatus } from "@/lib/patient-portal/authenticator";
import { signOutAction } from "@/app/patient/actions";
import { cancelEnrolmentAction, confirmEnrolmentAction, disableAction, startEnrolmentAction } from "./actions";

export const metadata: Metadata = { title: "Sécurité de la connexion" };

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export default async function SecurityPage() {
  const status = await portalAuthenticatorStatus();
  if (!status) redirect("/patient/connexion");
  return (
    <>
      <PageHeader title="Sécurité de la connexion" description={<p>Le second facteur de votre connexion : un code reçu par courriel ou SMS, ou le code d&apos;une application d&apos;authentification.</p>} />
      <Card title="Application d'authentification">
        {status.enabled ? (
          <div className="flex flex-col gap-4">
            <p>
              Activée{status.enabledAt ? ` depuis le ${DATE.format(status.enabledAt)}` : ""}. Codes de secours restants : <strong>{status.recoveryCodesLeft}</strong>.
            </p>
            <p>Pour la désactiver, une connexion de moins de 5 minutes est nécessaire.</p>
            <AuthenticatorDisable disable={disableAction} signOut={signOutAction} />
          </div>
        ) : (
          <AuthenticatorEnrolment start={startEnrolmentAction} confirm={confirmEnrolmentAction} cancel={cancelEnrolmentAction} />
        )}
      </Card>
    </>
  );
}
