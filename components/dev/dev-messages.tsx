/** The recipient filter of the development inbox and SMS outbox (GET form, bookmarkable). */
export function RecipientFilter({ type, defaultValue }: { type: "email" | "tel"; defaultValue?: string }) {
  return (
    <form className="mb-6 flex flex-wrap items-end gap-3" method="get">
      <div className="flex flex-col gap-1">
        <label htmlFor="destinataire" className="font-semibold">
          Destinataire
        </label>
        <input id="destinataire" name="destinataire" type={type} defaultValue={defaultValue} className="rounded-md border border-slate-600 px-3 py-2" />
      </div>
      <button type="submit" className="min-h-11 rounded-md border-2 border-blue-800 bg-blue-800 px-4 font-semibold text-white">
        Filtrer
      </button>
    </form>
  );
}

/** The one-time code of a message, where automated tests read it (data-testid="code"). */
export function MessageCode({ code }: { code: string | null }) {
  if (!code) return null;
  return (
    <p className="mt-2">
      Code : <strong data-testid="code">{code}</strong>
    </p>
  );
}

export const MESSAGE_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
