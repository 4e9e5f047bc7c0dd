import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { LoginIdForm } from "@/components/patient/login-id-form";
import { requestResetAction } from "./actions";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgottenPasswordPage() {
  return (
    <>
      <PageHeader
        eyebrow="Connexion à mon DMP"
        title="Mot de passe oublié"
        description={<p>Saisissez votre identifiant : un code à usage unique sera envoyé sur le canal de votre compte (courriel ou SMS).</p>}
      />
      <LoginIdForm action={requestResetAction} />
    </>
  );
}
