// Building SVG and HTML with the DOM (text goes in as textContent, never as markup).
const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (parent) parent.appendChild(node);
  return node;
}

export function tooltip(node, text) {
  svg("title", {}, node).textContent = text;
}

export function message(container, text) {
  const p = document.createElement("p");
  p.className = "muted";
  p.textContent = text;
  container.replaceChildren(p);
}
