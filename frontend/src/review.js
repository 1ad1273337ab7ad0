// The review form on the event page: correct, wrong, or corrected fields.
import { postJSON, saveToken, storedToken } from "./api.js";

function actorField(form, role) {
  const text = form.elements[`${role}_text`].value.trim();
  if (!text) return undefined;
  const code = form.elements[`${role}_code`].value.trim().toUpperCase();
  const sector = form.elements[`${role}_sector`].value.trim().toUpperCase();
  return [{ text, ...(code && { code }), ...(sector && { sector }) }];
}

function correction(form) {
  const value = (name) => form.elements[name].value.trim() || undefined;
  const place = value("place_name");
  const country = value("place_country");
  return {
    event_type: value("event_type"),
    mode: value("mode"),
    actor: actorField(form, "actor"),
    recipient: actorField(form, "recipient"),
    date: value("date"),
    location: place && { name: place, ...(country && { country_code: country.toUpperCase() }) },
  };
}

export function setupReview(form) {
  const status = document.getElementById("review-status");
  const tokenInput = form.elements.token;
  tokenInput.value = storedToken();
  form.querySelector(".token").hidden = Boolean(tokenInput.value);
  form.addEventListener("click", async (event) => {
    const verdict = event.target.dataset?.verdict;
    if (!verdict) return;
    const body = { verdict, ...(verdict === "corrected" ? correction(form) : {}) };
    const note = form.elements.note.value.trim();
    if (note) body.note = note;
    const token = tokenInput.value.trim();
    status.textContent = "saving…";
    const { ok, status: code, payload } = await postJSON(`/api/events/${form.dataset.eventId}/review`, body, token);
    if (ok) {
      saveToken(token);
      status.textContent = `saved: ${payload.verdict}`;
      location.reload();
    } else if (code === 401) {
      form.querySelector(".token").hidden = false;
      status.textContent = "the write token is missing or wrong (it is printed by eventlens serve)";
    } else {
      const details = (payload.detail || []).map((d) => `${d.loc.slice(1).join(".")}: ${d.msg}`);
      status.textContent = [payload.error || `error ${code}`, ...details].join("; ");
    }
  });
}
