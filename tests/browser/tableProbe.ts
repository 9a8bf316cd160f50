/**
 * Reads every appendix table in the page: whether it is shown as row cards, whether it or its
 * wrapper scrolls sideways, which cells are cut off, and whether each data cell's label is its
 * column header's text. Runs in the page (no closures), in any engine; shared by narrow.test.ts and
 * engines/story.engines.test.ts.
 */
import { expect } from 'vitest';
export interface TableReport {
  table: string;
  cards: boolean;
  wrapOverflow: number;
  tableOverflow: number;
  clipped: string[];
  mislabelled: string[];
  unlabelled: string[];
}

/** Every table's fit and labels, read in one pass. */
export function readTablesInPage(): { pageOverflow: number; tables: TableReport[] } {
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const tables = [...document.querySelectorAll<HTMLTableElement>('.data-table')].map((table): TableReport => {
    const wrap = table.closest<HTMLElement>('.table-scroll')!;
    wrap.scrollIntoView();
    const box = wrap.getBoundingClientRect();
    const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')].map((th) => squash(th.textContent));
    const cards = getComputedStyle(table).display !== 'table';
    const clipped: string[] = [];
    const mislabelled: string[] = [];
    const unlabelled: string[] = [];
    for (const cell of table.querySelectorAll<HTMLTableCellElement>('tbody :is(th, td), tfoot :is(th, td), caption')) {
      const text = squash(cell.textContent);
      if (!text) continue;
      const r = cell.getBoundingClientRect();
      // Text cut off: wider than its own box, or drawn outside the table's box.
      if (cell.scrollWidth > cell.clientWidth + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5) clipped.push(text);
      if (cell.tagName !== 'TD') continue;
      const header = headers[(cell as HTMLTableCellElement).cellIndex];
      if (cell.dataset.label === undefined) unlabelled.push(text);
      else if (cell.dataset.label !== header) mislabelled.push(`${text}: "${cell.dataset.label}" under "${header}"`);
      // A card must show that label on screen (a table shows it in its header row).
      else if (cards && getComputedStyle(cell, '::before').content === 'none') mislabelled.push(`${text}: label not shown`);
    }
    return {
      table: table.dataset.table!,
      cards,
      wrapOverflow: wrap.scrollWidth - wrap.clientWidth,
      tableOverflow: table.scrollWidth - table.clientWidth,
      clipped,
      mislabelled,
      unlabelled,
    };
  });
  return { pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, tables };
}

/**
 * The checks on a report: no sideways scroll in the page, a table or its wrapper; no cell cut off;
 * every label its column header's text; the wide tables shown as cards (on a phone); and one cell
 * only without a label, the majority's "who over whom", which sits under "Party" in the table but
 * names no party.
 */
export function expectTablesToFit(report: { pageOverflow: number; tables: TableReport[] }): void {
  expect(report.pageOverflow).toBeLessThanOrEqual(0);
  expect(report.tables).toHaveLength(5);
  for (const t of report.tables) {
    expect(t.wrapOverflow, t.table).toBeLessThanOrEqual(0);
    expect(t.tableOverflow, t.table).toBeLessThanOrEqual(0);
    expect(t.clipped, t.table).toEqual([]);
    expect(t.mislabelled, t.table).toEqual([]);
  }
  expect(report.tables.filter((t) => t.cards).map((t) => t.table)).toEqual(expect.arrayContaining(['totals', 'areas', 'money']));
  expect(report.tables.flatMap((t) => t.unlabelled)).toHaveLength(1);
}
