"use client";

import { useEffect, useState } from "react";

type TOption = readonly [code: string, label: string];

let loaded: Promise<TOption[]> | null = null;

/** The JDV_J66 list, from its own static chunk (cached by the browser), once per page load. */
function loadOptions(): Promise<TOption[]> {
  loaded ??= import("@/lib/reference/document-types").then((m) => m.DOCUMENT_TYPES.map((t) => [t.code, t.label] as const));
  return loaded;
}

/**
 * The document type options of a filter <select>, loaded after hydration from a static
 * chunk instead of being rendered into every page (issue 14). The server renders the
 * "all types" option and the selected type (`except`), so the filter in force reads the
 * same without JavaScript; choosing another type needs it.
 */
export function DocumentTypeOptions({ except }: { except?: string }) {
  const [options, setOptions] = useState<TOption[]>([]);
  useEffect(() => {
    let live = true;
    void loadOptions().then((all) => {
      if (live) setOptions(all);
    });
    return () => {
      live = false;
    };
  }, []);
  return options
    .filter(([code]) => code !== except)
    .map(([code, label]) => (
      <option key={code} value={code}>
        {label}
      </option>
    ));
}
