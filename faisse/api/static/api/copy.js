/* Faïsse — the "Copier" button of a new API token (/compte/jetons/).
 *
 * Progressive enhancement: without JavaScript the button stays hidden and the page says
 * how to copy the token by hand. With it, the token field is selected when it gets the
 * focus, and the button copies the token to the clipboard, then says so in the page's
 * live region (role="status"). The words come from the page (translated there).
 */
(function () {
  "use strict";

  function say(region, text) {
    // Emptied first, so that a second copy is announced again.
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = text;
    }, 100);
  }

  function copyByHand(field, button) {
    // For pages served without HTTPS, where navigator.clipboard does not exist.
    field.focus();
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    button.focus();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(field, button) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value).catch(function () {
        return copyByHand(field, button);
      });
    }
    return copyByHand(field, button);
  }

  function enhance(button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    var region = document.getElementById(button.getAttribute("data-copy-status"));
    var row = button.closest("[data-copy-row]");
    if (!field || !region || !row) {
      return;
    }
    field.addEventListener("focus", function () {
      field.select();
    });
    if (document.activeElement === field) {
      field.select();
    }
    button.addEventListener("click", function () {
      copy(field, button).then(
        function () {
          say(region, button.getAttribute("data-copied"));
        },
        function () {
          say(region, button.getAttribute("data-failed"));
        }
      );
    });
    row.hidden = false;
  }

  document.querySelectorAll("[data-copy-target]").forEach(enhance);
})();
