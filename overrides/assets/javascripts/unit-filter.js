/*
 * Filter of the unit list (macros/templates/units_index.html): by department
 * and by name, typed with or without diacritics. Progressive enhancement: the
 * full list is in the page; this script only shows the form and hides rows.
 * Folding comes from vi-fold.js (self.viFold, the same rules as macros/text.py);
 * each row carries its folded names in data-ten.
 */
(function () {
  "use strict"

  function start() {
    var form = document.querySelector("form.unit-filter")
    var table = document.querySelector(".unit-index table")
    if (!form || !table || !self.viFold) return
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"))
    var select = form.querySelector("select[name=ban]")
    var input = form.querySelector("input[name=ten]")
    var count = form.querySelector(".unit-filter__count")

    function apply() {
      var ban = select.value
      var words = self.viFold.fold(input.value).split(/\s+/).filter(Boolean)
      var shown = 0
      rows.forEach(function (row) {
        var names = " " + (row.getAttribute("data-ten") || "") + " "
        var ok = (!ban || row.getAttribute("data-ban") === ban) &&
          words.every(function (w) { return names.indexOf(w) !== -1 })
        row.hidden = !ok
        if (ok) shown++
      })
      count.textContent = "Đang hiện " + shown + "/" + rows.length + " đơn vị."
    }

    form.addEventListener("submit", function (e) { e.preventDefault() })
    select.addEventListener("change", apply)
    input.addEventListener("input", apply)
    form.hidden = false
    apply()
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})()
