// Product gallery: thumbnails switch the main photo; the main photo opens a zoom view.
// Progressive enhancement: without this file every thumbnail and the main photo are links
// to the large image. Keyboard: Enter/Space on a thumbnail shows it, arrows move between
// photos in the zoom view, Escape closes it and returns focus to the photo.
(function () {
  "use strict";
  document.querySelectorAll("[data-product-gallery]").forEach(function (gallery) {
    var main = gallery.querySelector("[data-gallery-main]");
    var mainImg = main && main.querySelector("img");
    if (!mainImg) { return; }
    var thumbs = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__thumbs a"));
    var current = 0;

    function show(index) {
      var thumb = thumbs[index];
      if (!thumb) { return; }
      current = index;
      mainImg.removeAttribute("srcset");
      mainImg.src = thumb.dataset.large;
      mainImg.alt = thumb.dataset.alt;
      main.href = thumb.href;
      thumbs.forEach(function (other) { other.removeAttribute("aria-current"); });
      thumb.setAttribute("aria-current", "true");
    }

    thumbs.forEach(function (thumb, index) {
      thumb.addEventListener("click", function (event) {
        event.preventDefault();
        show(index);
      });
    });

    var dialog = document.createElement("dialog");
    dialog.className = "gallery-zoom";
    dialog.setAttribute("aria-label", main.getAttribute("aria-label") || "");
    dialog.innerHTML = '<button type="button" class="gallery-zoom__close" aria-label="Close">×</button>' +
      '<div class="gallery-zoom__frame" tabindex="0"><img alt=""></div>';
    var closeLabel = gallery.dataset.closeLabel;
    if (closeLabel) { dialog.querySelector(".gallery-zoom__close").setAttribute("aria-label", closeLabel); }
    document.body.appendChild(dialog);
    var frame = dialog.querySelector(".gallery-zoom__frame");
    var zoomImg = dialog.querySelector("img");

    function openZoom() {
      zoomImg.src = main.href;
      zoomImg.alt = mainImg.alt;
      frame.classList.remove("is-magnified");
      if (typeof dialog.showModal === "function") { dialog.showModal(); } else { window.location = main.href; return; }
      frame.focus();
    }

    main.addEventListener("click", function (event) {
      event.preventDefault();
      openZoom();
    });
    dialog.querySelector(".gallery-zoom__close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { main.focus(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) { dialog.close(); } });

    // Click or Enter magnifies the photo around that point; moving the pointer pans it.
    function magnify(x, y) {
      frame.style.setProperty("--zoom-x", x + "%");
      frame.style.setProperty("--zoom-y", y + "%");
      frame.classList.toggle("is-magnified");
    }
    frame.addEventListener("click", function (event) {
      var rect = frame.getBoundingClientRect();
      magnify((event.clientX - rect.left) / rect.width * 100, (event.clientY - rect.top) / rect.height * 100);
    });
    frame.addEventListener("mousemove", function (event) {
      if (!frame.classList.contains("is-magnified")) { return; }
      var rect = frame.getBoundingClientRect();
      frame.style.setProperty("--zoom-x", ((event.clientX - rect.left) / rect.width * 100) + "%");
      frame.style.setProperty("--zoom-y", ((event.clientY - rect.top) / rect.height * 100) + "%");
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target === frame) { event.preventDefault(); magnify(50, 50); }
      if (thumbs.length > 1 && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
        var rtl = document.documentElement.dir === "rtl";
        var step = (event.key === "ArrowRight") !== rtl ? 1 : -1;
        show((current + step + thumbs.length) % thumbs.length);
        zoomImg.src = main.href;
        zoomImg.alt = mainImg.alt;
        frame.classList.remove("is-magnified");
      }
    });
  });
})();
