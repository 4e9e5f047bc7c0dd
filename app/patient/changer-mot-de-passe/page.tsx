import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { ChangePasswordForm } from "@/components/patient/change-password-form";
import { getPatientAccountSession } from "@/lib/auth/patient/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choisir un mot de passe" };

export default async function ChangePasswordPage() {
  const session = await getPatientAccountSession();
  if (!session) redirect("/patient/connexion");
  return (
    <>
      <PageHeader eyebrow="Mon compte" title={session.mustChangePassword ? "Choisissez votre mot de passe personnel" : "Changer mon mot de passe"} />
      {session.mustChangePassword ? (
        <Alert tone="info" className="mb-6 max-w-2xl">
          C&apos;est votre première connexion : remplacez le mot de passe provisoire par un mot de passe personnel pour accéder à votre dossier.
        </Alert>
      ) : null}
      <ChangePasswordForm action={changePasswordAction} askCurrent={!session.mustChangePassword} />
    </>
  );
}
