// After htmx replaces part of the page, move keyboard and screen-reader focus to what changed:
// an error summary if there is one, otherwise the heading of new results. An outerHTML swap
// replaces the target element, so look it up again by its id.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  var region = (target && target.id && document.getElementById(target.id)) || target;
  if (!region || !region.querySelector) {
    return;
  }
  var next = region.querySelector(".error-summary") || region.querySelector(".results h2[tabindex]");
  if (next) {
    next.focus();
  }
});

// Print buttons appear only when JavaScript can print; without it the page tells how to print.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll(".print-button")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
