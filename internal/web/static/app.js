// khabar: small touches on pages that work without JavaScript.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Changing the sort or a date submits the search at once.
    var form = document.querySelector("form.search");
    if (form) {
      form.querySelectorAll("select[name=sort], input[type=date]").forEach(function (el) {
        el.addEventListener("change", function () {
          // An empty date must not be sent as "from=" noise.
          form.querySelectorAll("input[type=date]").forEach(function (d) { d.disabled = d.value === ""; });
          form.submit();
        });
      });
      form.addEventListener("submit", function () {
        form.querySelectorAll("input[type=date]").forEach(function (d) { d.disabled = d.value === ""; });
      });
    }
    // "/" focuses the search box, as on many search sites.
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      var q = document.querySelector("input[name=q]");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    });
  });
})();
