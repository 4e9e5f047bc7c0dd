import { Alert } from "@/components/ui/alert";
import type { TFormState } from "./form-state";

/** The form-level message of a server action result. */
export function FormMessage({ state }: { state: Pick<TFormState, "message" | "success"> }) {
  if (!state.message) return null;
  return <Alert tone={state.success ? "success" : "danger"}>{state.message}</Alert>;
}
