// A queued job's progress bar: poll the job's JSON and update the bar; reload when it ends (the server then
// goes on to the page the form came from, or shows the failure).
"use strict";

function followJob(section) {
  const bar = section.querySelector("progress");
  const show = (name, value) => { section.querySelector(name).textContent = value; };
  const poll = async () => {
    try {
      const response = await fetch(section.dataset.progress, { credentials: "same-origin" });
      const job = await response.json();
      if (job.total) bar.max = job.total;
      bar.value = job.done;
      show(".job-done", job.done);
      show(".job-total", job.total ?? "?");
      show(".job-status", job.status);
      if (job.status === "done" || job.status === "failed") { window.location.reload(); return; }
    } catch (error) { /* a network hiccup: try again */ }
    setTimeout(poll, 500);
  };
  poll();
}

document.addEventListener("DOMContentLoaded", () => {
  const section = document.querySelector("[data-progress]");
  if (section && section.querySelector("progress")) followJob(section);
});
