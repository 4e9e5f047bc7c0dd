import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { OtpForm } from "@/components/patient/otp-form";
import { AuthenticatorCodeForm } from "@/components/patient/authenticator-forms";
import { pendingSignIn } from "@/lib/auth/patient/flows";
import { resendCodeAction, verifyCodeAction } from "../actions";

export const metadata: Metadata = { title: "Code à usage unique" };

export default async function SignInCodePage() {
  const pending = await pendingSignIn();
  return (
    <>
      <PageHeader eyebrow="Connexion à mon DMP" title="Saisir le code à usage unique" />
      {pending?.channel === "TOTP" ? (
        <AuthenticatorCodeForm action={verifyCodeAction} />
      ) : pending ? (
        <OtpForm
          action={verifyCodeAction}
          resendAction={resendCodeAction}
          hint={`Un code de 6 chiffres vous a été envoyé ${pending.hint}. Il est valable 5 minutes.`}
        />
      ) : (
        <Alert tone="warning">
          Aucune connexion en cours ou la demande a expiré.{" "}
          <Link href="/patient/connexion" className="font-semibold underline">
            Recommencer la connexion
          </Link>
        </Alert>
      )}
    </>
  );
}
