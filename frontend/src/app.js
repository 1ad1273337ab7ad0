// The dashboard's one script: each page asks for what it shows.
import { adoptTokenFromHash, queryObject } from "./api.js";
import { setupReview } from "./review.js";
import { drawTimeline } from "./timeline.js";

async function overview() {
  const timeline = document.getElementById("timeline");
  const interval = document.getElementById("interval");
  const params = queryObject(timeline.dataset.query);
  const redraw = () => drawTimeline(timeline, params, interval.value);
  interval.addEventListener("change", redraw);
  const map = document.getElementById("map");
  const region = document.getElementById("region");
  const { drawMap } = await import("./map.js");
  region.addEventListener("change", () => drawMap(map, params, region.value));
  const { drawNetwork } = await import("./network.js");
  await Promise.all([redraw(), drawMap(map, params, region.value), drawNetwork(document.getElementById("network"), params)]);
}

async function actor() {
  const timeline = document.getElementById("timeline");
  await drawTimeline(timeline, { actor_id: timeline.dataset.actorId });
}

const pages = {
  overview,
  actor,
  event: () => setupReview(document.getElementById("review")),
};

adoptTokenFromHash();
const page = pages[document.body.dataset.page];
if (page) {
  Promise.resolve(page()).finally(() => {
    document.body.dataset.ready = "true";
  });
} else {
  document.body.dataset.ready = "true";
}
