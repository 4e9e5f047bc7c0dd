import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { SignInForm } from "@/components/patient/sign-in-form";
import { getPatientAccountSession } from "@/lib/auth/patient/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Connexion au DMP" };

export default async function SignInPage() {
  if (await getPatientAccountSession()) redirect("/patient/tableau-de-bord");
  return (
    <>
      <PageHeader
        eyebrow="Mon espace santé · portail patient"
        title="Connexion à mon DMP"
        description={<p>Saisissez votre identifiant et votre mot de passe. Un code à usage unique vous sera ensuite envoyé par courriel ou par SMS.</p>}
      />
      <SignInForm action={signInAction} />
      <ul className="mt-8 flex flex-col gap-2">
        <li>
          <Link href="/patient/mot-de-passe-oublie" className="font-semibold text-blue-800 underline">
            Mot de passe oublié ?
          </Link>
        </li>
        <li>
          <Link href="/patient/ouvrir-mon-dmp" className="font-semibold text-blue-800 underline">
            Je n&apos;ai pas encore de DMP : ouvrir mon DMP
          </Link>
        </li>
      </ul>
    </>
  );
}
