/**
 * Runs in the reader's browser: a table marked `data-sortable` (a ```pages block, render/pages-table.ts)
 * gets a button in each column header that sorts its rows by that column, descending first for
 * figures, ascending for names, and again the other way; `aria-sort` tells screen readers which
 * column orders the table. Numbers sort by the exact value each cell carries (`data-value`), names
 * by the page language's collation; cells without a value stay last. Without JavaScript the table
 * keeps the order the build gave it.
 */
const collator = new Intl.Collator(document.documentElement.lang || undefined);

function sortBy(table: HTMLTableElement, column: number, descending: boolean): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = Array.from(body.rows);
  const key = (row: HTMLTableRowElement) => row.cells[column];
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const xv = x?.dataset.value;
    const yv = y?.dataset.value;
    if (xv !== undefined || yv !== undefined) {
      if (!xv || !yv) return !xv ? (!yv ? 0 : 1) : -1;
      return descending ? Number(yv) - Number(xv) : Number(xv) - Number(yv);
    }
    const order = collator.compare(x?.textContent ?? '', y?.textContent ?? '');
    return descending ? -order : order;
  });
  body.append(...rows);
  Array.from(table.tHead?.rows[0]?.cells ?? []).forEach((cell, i) => {
    if (i === column) cell.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    else cell.removeAttribute('aria-sort');
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
  headers.forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...Array.from(header.childNodes));
    header.append(button);
    button.addEventListener('click', () => {
      const current = header.getAttribute('aria-sort');
      // Figures start with the largest, names with A; a second click reverses.
      const numeric = header.classList.contains('num-col');
      const descending = current === null ? numeric : current === 'ascending';
      sortBy(table, column, descending);
    });
  });
}
