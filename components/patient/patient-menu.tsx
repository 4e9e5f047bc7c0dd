"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * The signed-in bar of the patient area (who is connected, sign-out, the menu). On a wide
 * screen it is always open; on a phone it folds behind one « Menu » button, so the first
 * screen shows the page rather than nine links. It closes on Escape and after a navigation.
 */
export function PatientMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // A link followed: the next page starts with the menu folded.
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  return (
    <div className="rounded-lg border border-slate-300 bg-slate-50 p-2 md:p-4">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-400 bg-white px-4 font-semibold text-slate-900 md:hidden"
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        Menu
      </button>
      <div
        id={panelId}
        className={open ? "mt-3 flex flex-col gap-3 md:mt-0" : "hidden flex-col gap-3 md:flex"}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        {children}
      </div>
    </div>
  );
}
