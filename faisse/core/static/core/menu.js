// The site's menu: open for everyone without JavaScript; on a narrow screen it starts
// folded behind its "Menu" button, so that the header stays short.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu || !window.matchMedia) {
    return;
  }
  var narrow = window.matchMedia("(max-width: 47.99rem)");
  menu.classList.add("site-menu--folding");
  function fit() {
    if (narrow.matches) {
      menu.removeAttribute("open");
    } else {
      menu.setAttribute("open", "");
    }
  }
  fit();
  narrow.addEventListener("change", fit);
})();
