import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** A card refused by the server (sign-in, PIN change), with the way out when it is blocked. */
export function CardRefusal({ title, message, isBlocked }: { title: string; message: string; isBlocked: boolean }) {
  return (
    <Alert tone="danger" title={title}>
      <p>{message}</p>
      {isBlocked ? (
        <p className="mt-2">
          <Link href="/pro/debloquer">Débloquer ma carte avec le code de déblocage</Link>
        </p>
      ) : null}
    </Alert>
  );
}
