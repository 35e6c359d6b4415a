// "Copy" beside a read-only address (a preview link): shown only where the clipboard can be used.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) continue;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = button.dataset.copied || label;
    } catch {
      button.textContent = label; // the address stays selected: Ctrl+C copies it
    }
  });
}
