// Only an enhancement: the page works without it. Opens the day a grid link points to, and
// sends only the days that changed.
"use strict";
function openDay() {
  var day = location.hash && document.getElementById(location.hash.slice(1));
  if (day && day.tagName === "DETAILS") { day.open = true; day.querySelector("summary").focus(); }
}
window.addEventListener("hashchange", openDay);
document.addEventListener("DOMContentLoaded", function () {
  openDay();
  var form = document.getElementById("days-form");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    form.querySelectorAll("select").forEach(function (select) {
      var reason = document.getElementById("r-" + select.id.slice(2));
      if (!select.value) { select.disabled = true; }
      if (reason && select.value !== "missed") { reason.disabled = true; }
    });
  });
});
