// Stacked bars of event counts per period, one colour per quad class (or event type).
import { getJSON } from "./api.js";
import { message, svg, tooltip } from "./svg.js";

// Quad classes (as /api/timeline names them) and their colours, bottom to top.
export const QUADS = {
  "verbal cooperation": "#7fbf7b",
  "material cooperation": "#1b7837",
  "verbal conflict": "#f4a582",
  "material conflict": "#b2182b",
  none: "#999999",
};
const MAX_BARS = 400;

function step(date, interval) {
  const next = new Date(date);
  if (interval === "day") next.setUTCDate(next.getUTCDate() + 1);
  else if (interval === "week") next.setUTCDate(next.getUTCDate() + 7);
  else if (interval === "month") next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

const iso = (date) => date.toISOString().slice(0, 10);

// Every period from the first to the last (empty ones too), unless there would be too many.
function periods(rows, interval) {
  const seen = [...new Set(rows.map((r) => r.period))].sort();
  if (!seen.length) return [];
  const all = [];
  for (let d = new Date(seen[0]); iso(d) <= seen[seen.length - 1]; d = step(d, interval)) {
    all.push(iso(d));
    if (all.length > MAX_BARS) return seen;
  }
  return all;
}

export async function drawTimeline(container, params, interval = "month") {
  let rows;
  try {
    rows = await getJSON("/api/timeline", { ...params, interval, by: "quad" });
  } catch (error) {
    return message(container, `timeline unavailable (${error.message})`);
  }
  if (!rows.length) return message(container, "no dated events");
  const columns = periods(rows, interval);
  const counts = new Map(columns.map((p) => [p, {}]));
  for (const row of rows) counts.get(row.period)[row.key] = row.events;
  const totals = columns.map((p) => Object.values(counts.get(p)).reduce((a, b) => a + b, 0));
  const top = Math.max(...totals);
  const width = Math.max(container.clientWidth, 320);
  const height = 220;
  const margin = { left: 36, right: 8, top: 10, bottom: 28 };
  const band = (width - margin.left - margin.right) / columns.length;
  const scale = (height - margin.top - margin.bottom) / top;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img" });
  chart.setAttribute("aria-label", "events per period by quad class");
  svg("text", { x: margin.left - 6, y: margin.top + 8, "text-anchor": "end", class: "axis" }, chart).textContent = top;
  svg("text", { x: margin.left - 6, y: height - margin.bottom, "text-anchor": "end", class: "axis" }, chart).textContent = 0;
  const labelEvery = Math.ceil(columns.length / 8);
  columns.forEach((period, i) => {
    const x = margin.left + i * band;
    let y = height - margin.bottom;
    const link = svg("a", { href: `/events?since=${period}&until=${iso(new Date(step(new Date(period), interval) - 864e5))}&modality=asserted` }, chart);
    for (const key of Object.keys(QUADS)) {
      const count = counts.get(period)[key];
      if (!count) continue;
      const h = count * scale;
      y -= h;
      const bar = svg("rect", { x: x + 1, y, width: Math.max(band - 2, 1), height: h, fill: QUADS[key], class: "bar" }, link);
      tooltip(bar, `${period}: ${count} ${key}`);
    }
    if (i % labelEvery === 0) {
      svg("text", { x: x + band / 2, y: height - 8, "text-anchor": "middle", class: "axis" }, chart).textContent = period.slice(0, interval === "year" ? 4 : interval === "month" ? 7 : 10);
    }
  });
  const legend = document.createElement("p");
  legend.className = "legend";
  for (const [name, colour] of Object.entries(QUADS).slice(0, 4)) {
    const item = document.createElement("span");
    item.className = "swatch";
    item.style.setProperty("--swatch", colour);
    item.textContent = name;
    legend.appendChild(item);
  }
  container.replaceChildren(chart, legend);
}
