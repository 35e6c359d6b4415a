// A problem's link in the error summary puts the cursor in its field (a link alone only scrolls).
for (const link of document.querySelectorAll(".error-summary a[href^='#']")) {
  link.addEventListener("click", (event) => {
    const field = document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
}
