/* eslint-disable jsx-a11y/no-redundant-roles -- The table roles are redundant only while the table is
   displayed as a table: on a narrow screen its rows become cards (appendix.css), and an engine that
   drops a re-displayed table's semantics keeps them from these. */
import type { ReactNode } from 'react';

export interface Column {
  /** The header's content; a narrow screen's row cards show the same words beside each cell (data-label). */
  header: ReactNode;
  /** A column of figures: right-aligned, never broken. */
  num?: boolean;
}

/** A data table's header row, with the explicit roles the row cards rely on. */
export function HeaderRow({ columns }: { columns: Column[] }) {
  return (
    <thead role="rowgroup">
      <tr role="row">
        {columns.map((c, i) => (
          <th key={i} scope="col" role="columnheader" className={c.num ? 'num' : undefined}>
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
