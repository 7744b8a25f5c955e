// Search and listing pages: fold the filters on phones; tell the query log which result the buyer opened (no personal data sent).
(function () {
  "use strict";
  // On small screens the filters start folded, so the results come first.
  var panel = document.querySelector(".facets__panel");
  if (panel && window.matchMedia("(max-width: 55.99rem)").matches) panel.open = false;
})();

(function () {
  "use strict";
  var grid = document.querySelector(".search-results[data-search-log]");
  if (!grid || !navigator.sendBeacon) return;
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  var sent = false;
  grid.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    var hit = link && link.closest("[data-product-id]");
    if (!hit || sent) return;
    var data = new FormData();
    data.append("log", grid.getAttribute("data-search-log"));
    data.append("product", hit.getAttribute("data-product-id"));
    if (token) data.append("csrfmiddlewaretoken", token.value);
    sent = navigator.sendBeacon(grid.getAttribute("data-click-url"), data);
  });
})();
