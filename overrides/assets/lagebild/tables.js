/*
 * Lagebild: tables that read on a phone, and wide tables that the keyboard can scroll.
 *
 * - A table of three or more columns is marked data-lb-stack and each of its cells gets the
 *   name of its column (data-label). Under 600 px the stylesheet shows such a table as one card
 *   per row, each value under its column's name (docs/stylesheets/lagebild.css). Explicit table
 *   roles keep the table a table for screen readers whatever its display.
 * - A table wrapper that scrolls sideways (wider than the screen) becomes focusable, with a
 *   name, so that it can be scrolled without a mouse (WCAG 2.1.1).
 */
(function () {
  "use strict";

  var ROLES = [
    ["table", "table"],
    ["thead, tbody, tfoot", "rowgroup"],
    ["tr", "row"],
    ["th", "columnheader"],
    ["td", "cell"],
  ];

  function labelCells(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (heads.length < 3) return;
    table.setAttribute("data-lb-stack", "");
    ROLES.forEach(function (pair) {
      if (table.matches(pair[0])) table.setAttribute("role", pair[1]);
      table.querySelectorAll(pair[0]).forEach(function (node) { node.setAttribute("role", pair[1]); });
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        cell.setAttribute("data-label", heads[i] || "");
      });
    });
  }

  function scrollable(wrapper) {
    if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", "Tabelle, seitlich verschiebbar");
    } else {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
    }
  }

  /* Material wraps the tables (.md-typeset__scrollwrap) once the page has loaded. */
  function checkWrappers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(scrollable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      document.querySelectorAll(".md-typeset table").forEach(labelCells);
    });
  } else {
    document.querySelectorAll(".md-typeset table").forEach(labelCells);
  }
  if (document.readyState === "complete") checkWrappers();
  else window.addEventListener("load", checkWrappers);
  window.addEventListener("resize", checkWrappers);
})();
