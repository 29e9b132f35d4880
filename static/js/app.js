// Small behaviours without inline script (the Content-Security-Policy forbids it).

// htmx sends the CSRF token (the page's <meta name="csrf-token">; the cookie is HttpOnly)
// with every non-GET request. Listening on the document from the start, rather than after
// DOMContentLoaded, also covers requests htmx makes while it initialises (hx-trigger="load").
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("meta[name=csrf-token]");
  if (token && event.detail.verb !== "get") event.detail.headers["X-CSRFToken"] = token.content;
});

document.addEventListener("DOMContentLoaded", () => {
  // Forms marked data-confirm ask before submitting (removing a member, dissolving a unit…).
  document.body.addEventListener("submit", (event) => {
    const message = event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });
  // Inputs marked data-autosubmit submit their form when changed (the year picker).
  document.body.addEventListener("change", (event) => {
    if (event.target.matches("[data-autosubmit]")) event.target.form.requestSubmit();
  });
});
