// The top dyads as a network (cytoscape, loaded only on the overview page).
import { getJSON } from "./api.js";
import { message } from "./svg.js";

function colour(intensity) {
  if (intensity == null) return "#999";
  return intensity < 0 ? "#b2182b" : "#1b7837";
}

export async function drawNetwork(container, params) {
  let dyads;
  try {
    dyads = await getJSON("/api/dyads", { ...params, limit: 30 });
  } catch (error) {
    return message(container, `network unavailable (${error.message})`);
  }
  if (!dyads.length) return message(container, "no actor pairs yet");
  const { default: cytoscape } = await import("cytoscape");
  const nodes = new Map();
  const edges = dyads.map((d, i) => {
    for (const end of [d.source, d.target]) nodes.set(end.id, { data: { id: end.id, label: end.label } });
    return { data: { id: `e${i}`, source: d.source.id, target: d.target.id, count: d.events, colour: colour(d.mean_intensity) } };
  });
  const most = Math.max(...dyads.map((d) => d.events));
  const graph = cytoscape({
    container,
    elements: [...nodes.values(), ...edges],
    layout: { name: "cose", animate: false, padding: 10 },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, color: "#333", "text-valign": "bottom", "text-margin-y": 2, "background-color": "#4a6fa5", width: 14, height: 14, "text-wrap": "ellipsis", "text-max-width": 140 } },
      { selector: "edge", style: { width: (e) => 1 + 5 * (e.data("count") / most), "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8 } },
    ],
    userZoomingEnabled: false,
  });
  graph.on("tap", "node", (event) => {
    location.href = `/actors/${encodeURIComponent(event.target.id())}`;
  });
  container.dataset.ready = String(nodes.size);
}
