import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";
import { TableRows, type TCellValue } from "./table-rows";

export type TableProps = {
  /** Every table has a caption: it names the table (and its scrollable region). */
  caption: string;
  /** Keep the caption for screen readers only (when a visible heading already says it). */
  captionHidden?: boolean;
  children: ReactNode;
  className?: string;
};

/**
 * A data table. Wide tables scroll horizontally inside a focusable region, so keyboard
 * users can scroll it too.
 */
export function Table({ caption, captionHidden, children, className }: TableProps) {
  return (
    // relative: text kept for screen readers (.sr-only, absolutely positioned) stays inside the
    // scrolling region instead of widening the page from a wide table's far right.
    <div role="region" aria-label={caption} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className={cn("data-table w-full border-collapse text-left text-sm", className)}>
        <caption className={captionHidden ? "sr-only" : "px-4 py-3 text-left text-base font-semibold text-slate-900"}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("bg-slate-100 text-slate-900", className)} {...props} />;
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-slate-200", className)} {...props} />;
}

export function Tr(props: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} />;
}

/**
 * A header cell: scope="col" by default, scope="row" for the first cell of a body row.
 * Cells carry no classes of their own: .data-table (globals.css) styles them once.
 */
export function Th({ scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} {...props} />;
}

export function Td(props: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...props} />;
}

export type DataTableColumn<T> = {
  key: string;
  header: ReactNode;
  /** A data cell ({ parts }) when it is only text, links and badges; any React node otherwise. */
  cell: (row: T) => TCellValue;
  /** The cell that names the row (rendered as <th scope="row">). */
  isRowHeader?: boolean;
  className?: string;
};

export type DataTableProps<T> = {
  caption: string;
  captionHidden?: boolean;
  columns: readonly DataTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown in a single row when there is nothing to list. */
  emptyText?: ReactNode;
};

/**
 * A table from column definitions (server components only: `cell` is a function). The body
 * rows go to the client component TableRows as cell values, so data cells travel as data.
 */
export function DataTable<T>({ caption, captionHidden, columns, rows, rowKey, emptyText = "Aucun élément." }: DataTableProps<T>) {
  const classNames = columns.some((c) => c.className) ? columns.map((c) => c.className) : undefined;
  return (
    <Table caption={caption} captionHidden={captionHidden}>
      <THead>
        <Tr>
          {columns.map((column) => (
            <Th key={column.key} {...(column.className ? { className: column.className } : {})}>
              {column.header}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <Tr>
            <Td colSpan={columns.length} className="text-slate-700">
              {emptyText}
            </Td>
          </Tr>
        ) : (
          <TableRows
            rows={rows.map((row) => ({ key: rowKey(row), cells: columns.map((column) => column.cell(row)) }))}
            rowHeader={columns.findIndex((c) => c.isRowHeader)}
            {...(classNames ? { classNames } : {})}
          />
        )}
      </TBody>
    </Table>
  );
}
