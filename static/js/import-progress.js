// Keeps a staff import's progress bar current while the import runs, then
// shows the result. Without JavaScript the page offers a link to check again.
const bar = document.querySelector("[data-import-progress]");
if (bar) {
  const label = document.querySelector(`label[for="${bar.id}"]`);
  const poll = async () => {
    const response = await fetch(bar.dataset.importProgress, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const status = await response.json();
    bar.value = status.percent;
    bar.textContent = `${status.percent}%`;
    if (label) label.textContent = `Importing: ${status.percent}% done`;
    if (status.finished) {
      window.location.reload();
    } else {
      window.setTimeout(poll, 2000);
    }
  };
  window.setTimeout(poll, 1000);
}
