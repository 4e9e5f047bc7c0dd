import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { ChangePasswordForm } from "@/components/patient/change-password-form";
import { pendingPasswordReset } from "@/lib/auth/patient/flows";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Réinitialiser le mot de passe" };

export default async function ResetPasswordPage() {
  const isPending = await pendingPasswordReset();
  return (
    <>
      <PageHeader eyebrow="Mot de passe oublié" title="Réinitialiser mon mot de passe" />
      {isPending ? (
        <>
          <Alert tone="info" className="mb-6 max-w-2xl">
            Si cet identifiant correspond à un compte, un code à usage unique valable 5 minutes vient d&apos;être envoyé.
          </Alert>
          <ChangePasswordForm action={resetPasswordAction} withCode />
        </>
      ) : (
        <Alert tone="warning">
          La demande a expiré.{" "}
          <Link href="/patient/mot-de-passe-oublie" className="font-semibold underline">
            Recommencer
          </Link>
        </Alert>
      )}
    </>
  );
}
