// Zellige area calculator: recomputes boxes as the buyer types. The server does the same
// sums (catalogue/zellige.py) when the form is submitted, so this only saves a round trip;
// the "add to basket" quantity always comes from the server-rendered form.
(function () {
  "use strict";
  document.querySelectorAll("[data-zellige-calculator]").forEach(function (calc) {
    var form = calc.querySelector("form");
    var area = calc.querySelector("input[name=area]");
    var waste = calc.querySelector("input[name=waste]");
    var coverage = parseFloat(calc.dataset.coverage);
    var hint = document.createElement("p");
    hint.className = "zellige-calc__live";
    hint.setAttribute("aria-live", "polite");
    form.insertAdjacentElement("afterend", hint);

    function number(input) { return parseFloat(String(input.value).replace(",", ".")); }

    function update() {
      var a = number(area);
      var w = waste.value === "" ? 10 : number(waste);
      if (!(a > 0) || !(w >= 0 && w <= 50) || !(coverage > 0)) { hint.textContent = ""; return; }
      // Same rounding as the server: whole boxes, always up (tiny epsilon for float noise).
      var boxes = Math.ceil(a * (1 + w / 100) / coverage - 1e-9);
      hint.textContent = (calc.dataset.liveTemplate || "≈ {boxes}").replace("{boxes}", boxes);
    }

    [area, waste].forEach(function (input) {
      input.addEventListener("input", update);
    });
  });
})();
