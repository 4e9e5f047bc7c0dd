import Link from "next/link";
import { cn } from "./cn";

export type PaginationProps = {
  /** 1-based. */
  currentPage: number;
  totalPages: number;
  /** Builds a page's URL. Without it: `basePath` + `searchParams` + `pageParam`. */
  hrefForPage?: (page: number) => string;
  basePath?: string;
  /** Current query parameters to keep (filters, sort); the page parameter is replaced. */
  searchParams?: Record<string, string | readonly string[] | undefined>;
  pageParam?: string;
  /** Accessible name of the navigation landmark. */
  label?: string;
  className?: string;
};

/** Page numbers to show: the first, the last, the current one and its neighbours. */
export function visiblePages(currentPage: number, totalPages: number): Array<number | "ellipsis"> {
  const pages = new Set([1, totalPages, currentPage - 1, currentPage, currentPage + 1]);
  const sorted = [...pages].filter((page) => page >= 1 && page <= totalPages).sort((a, b) => a - b);
  const result: Array<number | "ellipsis"> = [];
  let previous = 0;
  for (const page of sorted) {
    if (page - previous === 2) result.push(previous + 1);
    else if (page - previous > 2) result.push("ellipsis");
    result.push(page);
    previous = page;
  }
  return result;
}

export function pageHref(
  page: number,
  { basePath = "", searchParams = {}, pageParam = "page" }: Pick<PaginationProps, "basePath" | "searchParams" | "pageParam">,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === pageParam || value === undefined) continue;
    for (const item of typeof value === "string" ? [value] : value) query.append(key, item);
  }
  if (page > 1) query.set(pageParam, String(page));
  const search = query.toString();
  return search === "" ? basePath || "?" : `${basePath}?${search}`;
}

const ITEM = "inline-flex min-h-10 min-w-10 items-center justify-center rounded-md px-3 font-medium";
const LINK = cn(ITEM, "border border-slate-400 bg-white text-blue-800 underline-offset-2 hover:bg-blue-50 hover:underline");
const DISABLED = cn(ITEM, "border border-slate-200 text-slate-600");

/** Previous / numbered / next page links. Renders nothing when there is a single page. */
export function Pagination({
  currentPage,
  totalPages,
  hrefForPage,
  basePath,
  searchParams,
  pageParam,
  label = "Pagination",
  className,
}: PaginationProps) {
  if (totalPages <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(currentPage)), totalPages);
  const href = (page: number) => (hrefForPage ? hrefForPage(page) : pageHref(page, { basePath, searchParams, pageParam }));

  return (
    <nav aria-label={label} className={cn("mt-6", className)}>
      <p className="mb-2 text-slate-700">
        Page {current} sur {totalPages}
      </p>
      <ul className="flex flex-wrap items-center gap-2">
        <li>
          {current > 1 ? (
            <Link href={href(current - 1)} prefetch={false} className={LINK} rel="prev">
              Page précédente
            </Link>
          ) : (
            <span className={DISABLED}>
              Page précédente
            </span>
          )}
        </li>
        {visiblePages(current, totalPages).map((page, index) =>
          page === "ellipsis" ? (
            <li key={`ellipsis-${index}`} aria-hidden="true" className="px-1 text-slate-700">
              …
            </li>
          ) : (
            <li key={page}>
              <Link
                href={href(page)}
                prefetch={false}
                aria-current={page === current ? "page" : undefined}
                className={cn(LINK, page === current && "border-blue-800 bg-blue-800 text-white hover:bg-blue-900")}
              >
                <span className="sr-only">Page </span>
                {page}
              </Link>
            </li>
          ),
        )}
        <li>
          {current < totalPages ? (
            <Link href={href(current + 1)} prefetch={false} className={LINK} rel="next">
              Page suivante
            </Link>
          ) : (
            <span className={DISABLED}>
              Page suivante
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
