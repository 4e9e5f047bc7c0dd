/** The professional fields a card's holder is known by, at sign-in and on every request. */
export type TCardHolderRow = {
  id: string;
  title: string | null;
  firstName: string;
  lastName: string;
  profession: string | null;
  specialty: string | null;
  isSamuRegulator: boolean;
  isOperator: boolean;
  structure: { name: string } | null;
};

export type TCardHolder = {
  professionalId: string;
  name: string;
  profession: string | null;
  specialty: string | null;
  isSamuRegulator: boolean;
  isOperator: boolean;
  structureName: string | null;
};

/** One way to name a card holder, so the sign-in and the session cannot drift apart. */
export function cardHolder(p: TCardHolderRow): TCardHolder {
  return {
    professionalId: p.id,
    name: [p.title, p.firstName, p.lastName].filter(Boolean).join(" "),
    profession: p.profession,
    specialty: p.specialty,
    isSamuRegulator: p.isSamuRegulator,
    isOperator: p.isOperator,
    structureName: p.structure?.name ?? null,
  };
}
