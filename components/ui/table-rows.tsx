"use client";

import { Fragment, isValidElement, type ReactNode } from "react";
import { BadgeGroup, type BadgeTone } from "./badge";

/**
 * One piece of a data cell: text, a secondary line, a link or a badge. Pieces after the first
 * start a new line; consecutive badges share one.
 */
export type TCellPart = string | { note: string } | { link: string; href: string; newTab?: boolean } | TBadgePart;
export type TBadgePart = { badge: string; tone: BadgeTone };

/**
 * A cell given as data rather than as React elements. A page's rows are sent twice (RSC
 * payload and HTML): as data they cost one serialisation instead of a tree rendered and
 * decoded again, and weigh a third as much (issue 14). Falsy parts are skipped, as in JSX.
 */
export type TDataCell = { parts: readonly (TCellPart | false | null | undefined)[] };

/** What a column's cell returns: a data cell, or any React node (buttons, forms…). */
export type TCellValue = TDataCell | ReactNode;

export type TTableRow = { key: string; cells: readonly TCellValue[] };

const isBadge = (p: TCellPart): p is TBadgePart => typeof p === "object" && "badge" in p;

function isDataCell(value: TCellValue): value is TDataCell {
  return typeof value === "object" && value !== null && !isValidElement(value) && "parts" in value;
}

function Part({ part }: { part: Exclude<TCellPart, TBadgePart> }) {
  if (typeof part === "string") return part;
  if ("note" in part) return <span className="font-normal text-slate-700">{part.note}</span>;
  return part.newTab ? (
    <a href={part.href} target="_blank" rel="noopener">
      {part.link}
    </a>
  ) : (
    <a href={part.href}>{part.link}</a>
  );
}

/** A data cell's parts as elements; also for a cell that needs React elements beside them (a form, then links). */
export function DataCell({ parts }: TDataCell) {
  // Consecutive badges go into one group; every other part is a line of its own.
  const lines: (Exclude<TCellPart, TBadgePart> | TBadgePart[])[] = [];
  for (const part of parts) {
    if (!part) continue;
    const last = lines.at(-1);
    if (!isBadge(part)) lines.push(part);
    else if (Array.isArray(last)) last.push(part);
    else lines.push([part]);
  }
  return lines.map((line, i) =>
    Array.isArray(line) ? (
      <BadgeGroup key={i} badges={line} />
    ) : (
      <Fragment key={i}>
        {/* A badge group is a block of its own: no line break after it. */}
        {i > 0 && !Array.isArray(lines[i - 1]) ? <br /> : null}
        <Part part={line} />
      </Fragment>
    ),
  );
}

/**
 * The body rows of a DataTable. `rowHeader` is the index of the cell that names its row
 * (<th scope="row">); `classNames` the class of each column's cells, when it has one.
 */
export function TableRows({ rows, rowHeader, classNames }: { rows: readonly TTableRow[]; rowHeader: number; classNames?: readonly (string | undefined)[] }) {
  return rows.map((row) => (
    <tr key={row.key}>
      {row.cells.map((cell, i) => {
        const content = isDataCell(cell) ? <DataCell parts={cell.parts} /> : cell;
        const className = classNames?.[i];
        return i === rowHeader ? (
          <th key={i} scope="row" className={className}>
            {content}
          </th>
        ) : (
          <td key={i} className={className}>
            {content}
          </td>
        );
      })}
    </tr>
  ));
}
