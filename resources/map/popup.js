/*
 * A record's popup and circle marker, and bringing a marker out of its cluster, shared by the app's map page (map.js) and the "Share this map" file
 * (localpro_desktop/services/exporting/map_html.py inlines this file).
 *
 * Record fields come from the internet (scraped names, addresses): each one goes into a node
 * we create, through textContent, never into an HTML string. The fields are those of
 * popup_fields() in localpro_desktop/services/map_points.py.
 */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function row(label, value, color) {
    var line = el("div", "lp-row");
    line.appendChild(el("span", "lp-label", label + " "));
    if (color) {
      var dot = el("span", "lp-swatch");
      dot.style.backgroundColor = color;
      line.appendChild(dot);
    }
    line.appendChild(el("span", "lp-value", value));
    return line;
  }

  // Fill `node` with record `d`; `labels` are the translated words around the fields;
  // `onOpen` (optional) adds the "Open" button that opens the record in the app.
  function fill(node, d, labels, onOpen) {
    while (node.firstChild) node.removeChild(node.firstChild);
    node.appendChild(el("div", "lp-name", d.name || labels.unnamed));
    if (d.company) node.appendChild(el("div", "lp-company", d.company));
    if (d.sector) node.appendChild(row(labels.sector, d.sector));
    if (d.city) node.appendChild(row(labels.city, d.city));
    node.appendChild(row(labels.phone, d.phone || "\u2014"));
    if (d.status) node.appendChild(row(labels.status, d.status, d.statusColor || null));
    if (d.approximate) node.appendChild(row(labels.position, d.approximate));
    if (onOpen) {
      var button = el("button", "lp-open", labels.open);
      button.type = "button";
      button.addEventListener("click", onOpen);
      node.appendChild(button);
    }
  }

  // A record's circle: filled with its colour, or hollow when only placed at its city's
  // centre (approximate).
  function markerStyle(color, approximate) {
    return approximate
      ? { radius: 6, weight: 2.5, color: color, fillColor: "#ffffff", fillOpacity: 0.85 }
      : { radius: 6, weight: 1.5, color: "#ffffff", fillColor: color, fillOpacity: 0.95 };
  }

  // Where a record really is: the position given when it was made (markercluster moves a
  // marker to its cluster's centre for the length of a zoom animation).
  function place(marker) {
    return marker.lpLatLng || marker.getLatLng();
  }

  // Bring `marker` of cluster `group` into view on its own, now, and return its place.
  //
  // Not markercluster's zoomToShowLayer(marker, callback): it is written for icon markers
  // (it looks at marker._icon, which canvas circles never have) and calls back on a later
  // "moveend"; two requests in a row then both stay pending and the older one's callback can
  // run last, opening the wrong popup (tests/ui/test_map_focus.py). Here the view moves at
  // once, without animation, to the least zoom where the marker's cluster has split (never
  // past `streetZoom`, the group's disableClusteringAtZoom, where nothing is clustered),
  // and does not move at all when the marker is already drawn alone on the screen.
  function reveal(map, group, marker, streetZoom) {
    var latlng = place(marker);
    var parent = marker.__parent;  // the smallest cluster holding it (none while loading)
    var needed = parent ? Math.min(parent._zoom + 1, streetZoom) : streetZoom;
    var zoom = Math.max(map.getZoom(), needed);
    var alone = group.getVisibleParent(marker) === marker;
    var onScreen = map.getBounds().pad(-0.1).contains(latlng);
    if (!(alone && onScreen && Math.round(map.getZoom()) >= needed)) {
      map.setView(latlng, zoom, { animate: false });
    }
    return latlng;
  }

  window.LocalProPopup = {
    el: el, fill: fill, markerStyle: markerStyle, place: place, reveal: reveal,
  };
})();
