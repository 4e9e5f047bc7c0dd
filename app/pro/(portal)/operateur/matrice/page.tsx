import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import type { TFormState } from "@/components/ui/form-state";
import { ChoiceField, Fieldset } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor, requireOperator } from "@/lib/auth/pro/session";
import { ZMatrixLine } from "@/lib/operator/habilitation-matrix";
import { actionError } from "@/lib/errors/action-result";
import { operatorMatrixLine, operatorSetMatrixLine } from "@/lib/pro/operator";
import { matrixRowLabel } from "@/lib/habilitations/default-matrix";

export const metadata: Metadata = { title: "Ligne de la matrice d'habilitations" };

export default async function MatrixLinePage({ searchParams }: { searchParams: Promise<{ ligne?: string }> }) {
  const actor = await requireOperator();
  const parsed = ZMatrixLine.safeParse((await searchParams).ligne ?? "");
  if (!parsed.success) notFound();
  const line = parsed.data;
  const view = await operatorMatrixLine(actor, line);

  async function saveAction(_state: TFormState, form: FormData): Promise<TFormState> {
    "use server";
    const me = await getProfessionalActor();
    if (!me) redirect("/pro/connexion");
    try {
      const changed = await operatorSetMatrixLine(me, line, new Set(form.getAll("readable").map(String)));
      return { message: changed === 0 ? "Aucune modification." : `${changed} case${changed > 1 ? "s" : ""} modifiée${changed > 1 ? "s" : ""} : appliqué immédiatement et tracé.`, success: true };
    } catch (error) {
      return actionError(error);
    }
  }

  return (
    <>
      <PageHeader
        eyebrow="Matrice d'habilitations"
        title={`Ligne ${line}`}
        actions={<LinkButton href="/pro/operateur" variant="secondary">Retour à l&apos;espace opérateur</LinkButton>}
      />
      <ActionForm action={saveAction} submitLabel={`Enregistrer la ligne ${line}`} className="flex max-w-3xl flex-col gap-5">
        <Fieldset id="types" legend="Types de documents lisibles" hint="Cochée : lecture autorisée. Décochée : refusée.">
          {view.cells.map((c) => (
            <ChoiceField
              key={c.typeCode}
              id={`readable-${c.typeCode}`}
              name="readable"
              value={c.typeCode}
              type="checkbox"
              defaultChecked={c.canRead}
              label={`${matrixRowLabel(c.typeCode)} (${c.typeCode})`}
              hint={c.isExplicit ? undefined : `Hérité : ${c.label}`}
            />
          ))}
        </Fieldset>
      </ActionForm>
    </>
  );
}
