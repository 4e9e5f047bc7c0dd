"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export const PATIENT_NAV = [
  { href: "/patient/tableau-de-bord", label: "Accueil" },
  { href: "/patient/documents", label: "Mes documents" },
  { href: "/patient/profil-medical", label: "Profil médical" },
  { href: "/patient/historique", label: "Historique des accès" },
  { href: "/patient/acces", label: "Gérer les accès" },
  { href: "/patient/remboursements", label: "Mes remboursements" },
  { href: "/patient/notifications", label: "Notifications" },
  { href: "/patient/profil", label: "Mon profil" },
  { href: "/patient/dossier", label: "Mon dossier" },
] as const;

export function PatientNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Espace patient">
      <ul className="flex flex-wrap gap-1">
        {PATIENT_NAV.map((item) => {
          const isCurrent = pathname === item.href || (item.href !== "/patient/tableau-de-bord" && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-10 items-center rounded-md px-3 font-medium text-blue-900 underline-offset-2 hover:bg-blue-50 hover:underline",
                  isCurrent && "bg-blue-800 text-white hover:bg-blue-900 hover:text-white",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
