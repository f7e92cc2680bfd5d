// The dashboard's only script: render formulas with KaTeX, sort and filter tables. No inline scripts anywhere.
"use strict";

// Student-derived LaTeX: trust off (no \href, \url, \includegraphics, \htmlClass ...), bounded macro expansion.
const KATEX_OPTIONS = { trust: false, maxExpand: 1000, maxSize: 20, strict: "ignore", throwOnError: false };

// Formulas as the grader read them, and the $...$ of prompts, feedback and titles (the server marks them up as
// data-latex spans): without this script, or if KaTeX cannot read one, the LaTeX stays as text.
function renderFormulas() {
  if (typeof katex === "undefined") return;
  for (const element of document.querySelectorAll("[data-latex]")) {
    katex.render(element.dataset.latex, element, { ...KATEX_OPTIONS, displayMode: element.dataset.display === "true" });
  }
}

function cellValue(row, index, numeric) {
  const text = row.cells[index].textContent.trim();
  return numeric ? parseFloat(text) || 0 : text.toLowerCase();
}

function makeSortable(table) {
  const headers = table.tHead.rows[0].cells;
  for (let index = 0; index < headers.length; index++) {
    const header = headers[index];
    header.classList.add("sort");
    header.addEventListener("click", () => {
      const numeric = header.dataset.type === "number";
      const ascending = header.dataset.order !== "asc";
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      for (const other of headers) delete other.dataset.order;
      header.dataset.order = ascending ? "asc" : "desc";
      body.append(...rows);
    });
  }
}

function makeFilter(input) {
  const table = document.getElementById(input.dataset.table);
  input.addEventListener("input", () => {
    const wanted = input.value.trim().toLowerCase();
    for (const row of table.tBodies[0].rows) {
      const student = row.querySelector(".student").textContent.toLowerCase();
      row.hidden = wanted !== "" && !student.includes(wanted);
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  renderFormulas();
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("input.filter").forEach(makeFilter);
});
