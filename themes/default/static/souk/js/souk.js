// Progressive enhancement only: every control works without this file.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("primary-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();

// Product gallery: thumbnails swap the main image; clicking the main image zooms in place.
(function () {
  "use strict";
  document.querySelectorAll("[data-gallery]").forEach(function (gallery) {
    var main = gallery.querySelector("[data-gallery-main]");
    var mainImg = main && main.querySelector("img");
    if (!mainImg) { return; }
    gallery.querySelectorAll(".gallery__thumbs a").forEach(function (thumb) {
      thumb.addEventListener("click", function (event) {
        event.preventDefault();
        mainImg.srcset = thumb.dataset.srcset || "";
        mainImg.src = thumb.dataset.large;
        mainImg.alt = thumb.dataset.alt;
        main.href = thumb.href;
        gallery.classList.remove("is-zoomed");
        gallery.querySelectorAll(".gallery__thumbs a").forEach(function (other) { other.removeAttribute("aria-current"); });
        thumb.setAttribute("aria-current", "true");
      });
    });
    main.addEventListener("click", function (event) {
      event.preventDefault();
      var rect = main.getBoundingClientRect();
      main.style.setProperty("--zoom-x", ((event.clientX - rect.left) / rect.width * 100) + "%");
      main.style.setProperty("--zoom-y", ((event.clientY - rect.top) / rect.height * 100) + "%");
      gallery.classList.toggle("is-zoomed");
    });
  });
})();
