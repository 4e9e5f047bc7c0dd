"use client";

import { useEffect, useState } from "react";

type TOption = readonly [code: string, label: string];

/** A code list from its own static chunk (cached by the browser), loaded once per page. */
function lazyList(load: () => Promise<readonly TOption[]>): () => Promise<readonly TOption[]> {
  let loaded: Promise<readonly TOption[]> | null = null;
  return () => (loaded ??= load());
}

const documentTypes = lazyList(() => import("@/lib/reference/document-types").then((m) => m.DOCUMENT_TYPES.map((t) => [t.code, t.label] as const)));
const traceActions = lazyList(() => import("@/lib/traces/trace-actions").then((m) => m.RECORD_TRACE_ACTIONS));

/**
 * The options of a filter <select> from a code list, loaded after hydration from a static
 * chunk instead of being rendered into every page (issue 14). The server renders the "all"
 * option and the selected code (`except`), so the filter in force reads the same without
 * JavaScript; choosing another code needs it.
 */
function LazyOptions({ list, except }: { list: () => Promise<readonly TOption[]>; except?: string }) {
  const [options, setOptions] = useState<readonly TOption[]>([]);
  useEffect(() => {
    let live = true;
    void list().then((all) => {
      if (live) setOptions(all);
    });
    return () => {
      live = false;
    };
  }, [list]);
  return options
    .filter(([code]) => code !== except)
    .map(([code, label]) => (
      <option key={code} value={code}>
        {label}
      </option>
    ));
}

/** The JDV_J66 document types. */
export function DocumentTypeOptions({ except }: { except?: string }) {
  return <LazyOptions list={documentTypes} except={except} />;
}

/** The actions a record's history shows (lib/traces/trace-actions). */
export function TraceActionOptions({ except }: { except?: string }) {
  return <LazyOptions list={traceActions} except={except} />;
}
