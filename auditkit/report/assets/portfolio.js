/* auditkit portfolio: sort the clients by a column, filter them by name. No network, no eval. */
(function () {
  "use strict";
  var table = document.getElementById("clients");
  var body = table.tBodies[0];
  var filter = document.getElementById("filter");

  function value(row, index) {
    var cell = row.cells[index];
    var sortKey = cell.getAttribute("data-sort");
    if (sortKey === null) {
      return cell.textContent.trim().toLowerCase();
    }
    var number = parseFloat(sortKey);
    return isNaN(number) ? sortKey : number;
  }

  table.querySelectorAll("th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var header = button.parentElement;
      var index = Array.prototype.indexOf.call(header.parentElement.children, header);
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, index), y = value(b, index);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  filter.addEventListener("input", function () {
    var wanted = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(body.rows, function (row) {
      var name = row.getAttribute("data-client") || "";
      row.hidden = wanted !== "" && name.indexOf(wanted) === -1;
    });
  });
})();
