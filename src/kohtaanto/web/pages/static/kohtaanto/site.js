// After htmx replaces part of the page, move keyboard and screen-reader focus to an error
// summary if the new content has one, so that errors are announced and reachable.
document.addEventListener("htmx:afterSwap", function (event) {
  var summary = event.detail.target.querySelector(".error-summary") ||
    (event.detail.target.classList && event.detail.target.classList.contains("error-summary") ? event.detail.target : null);
  if (!summary) {
    var form = document.getElementById("organisation-form");
    summary = form ? form.querySelector(".error-summary") : null;
  }
  if (summary) {
    summary.focus();
  }
});
