// Events on an offline basemap (world-atlas), dots sized by mentions.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { getJSON } from "./api.js";
import { message, svg, tooltip } from "./svg.js";

const AFRICA = { type: "Feature", geometry: { type: "MultiPoint", coordinates: [[-19, -36], [52, 38]] } };
let countries = null;

async function basemap() {
  if (!countries) {
    const response = await fetch("/static/dist/countries-110m.json");
    const topology = await response.json();
    countries = feature(topology, topology.objects.countries);
  }
  return countries;
}

export async function drawMap(container, params, region = "africa") {
  let land;
  let points;
  try {
    [land, points] = await Promise.all([basemap(), getJSON("/api/places", params)]);
  } catch (error) {
    return message(container, `map unavailable (${error.message})`);
  }
  const width = Math.max(container.clientWidth, 320);
  const height = Math.round(width * (region === "africa" ? 0.9 : 0.55));
  const projection = geoNaturalEarth1();
  if (region === "africa") projection.fitExtent([[10, 10], [width - 10, height - 10]], AFRICA);
  else projection.fitSize([width, height], { type: "Sphere" });
  const path = geoPath(projection);
  const map = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "map", role: "img" });
  map.setAttribute("aria-label", "map of event places");
  svg("path", { d: path({ type: "Sphere" }), class: "sea" }, map);
  for (const country of land.features) svg("path", { d: path(country) || "", class: "land" }, map);
  const largest = Math.max(1, ...points.map((p) => p.mentions));
  for (const place of points) {
    const xy = projection([place.lon, place.lat]);
    if (!xy || xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height) continue;
    const link = svg("a", { href: `/events?place=${encodeURIComponent(place.name || "")}` }, map);
    const dot = svg("circle", { cx: xy[0], cy: xy[1], r: 3 + 12 * Math.sqrt(place.mentions / largest), class: "dot" }, link);
    tooltip(dot, `${place.name}${place.country_code ? ` (${place.country_code})` : ""}: ${place.events} events, ${place.mentions} mentions`);
  }
  container.replaceChildren(map);
  if (!points.length) container.appendChild(Object.assign(document.createElement("p"), { className: "muted", textContent: "no geocoded events" }));
}
