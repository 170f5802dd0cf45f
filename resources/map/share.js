/*
 * The markers of a "Share this map" file (localpro_desktop/services/exporting/map_html.py
 * writes the file with folium and inlines this script, Leaflet, Leaflet.markercluster and
 * popup.js into it: it opens on a phone with no connection).
 *
 * The records arrive as data (one JSON literal in the file, "<" ">" "&" written as \u escapes
 * so no value can close the script); markers are canvas circles coloured like the app's,
 * and popups are built by popup.js with textContent, as in the app.
 */
(function () {
  "use strict";

  var FIELDS = ["kind", "name", "company", "sector", "city", "phone", "status",
    "statusColor", "approximate"];
  var STREET_ZOOM = 17;  // clusters' disableClusteringAtZoom: every marker drawn alone
  var groups = {};
  var counts = {};

  function details(row) {
    var d = {};
    for (var i = 0; i < FIELDS.length; i++) d[FIELDS[i]] = row[3 + i];
    return d;
  }

  function clusterIcon(color, count) {
    var size = count < 100 ? 34 : count < 1000 ? 40 : 46;
    var node = LocalProPopup.el("div", "lp-cluster", String(count));
    node.style.backgroundColor = color;
    return L.divIcon({ html: node, className: "lp-cluster-icon", iconSize: [size, size] });
  }

  function layerGroup(map, data, layer) {
    var info = data.layers[layer];
    var group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      disableClusteringAtZoom: STREET_ZOOM,
      iconCreateFunction: function (cluster) {
        return clusterIcon(info.color, cluster.getChildCount());
      },
    });
    var markers = info.points.map(function (row) {
      var approx = row[2] === 1;
      var marker = L.circleMarker([row[0], row[1]], LocalProPopup.markerStyle(row[3 + 7], approx));
      marker.lpLatLng = L.latLng(row[0], row[1]);
      marker.bindPopup(function () {
        var node = LocalProPopup.el("div", "lp-popup");
        LocalProPopup.fill(node, details(row), data.labels, null);
        return node;
      }, { maxWidth: 300 });
      return marker;
    });
    group.addLayers(markers);
    group.addTo(map);
    groups[layer] = group;
    counts[layer] = markers.length;
    return group;
  }

  function swatch(color, hollow) {
    var dot = LocalProPopup.el("span", "lp-swatch");
    dot.style.backgroundColor = hollow ? "#ffffff" : color;
    if (hollow) {
      dot.style.border = "2px solid " + color;
      dot.style.boxSizing = "border-box";
    }
    return dot;
  }

  function legend(map, data) {
    var Legend = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var el = LocalProPopup.el;
        var box = el("div", "lp-legend");
        box.appendChild(el("div", "lp-legend-title", data.title));
        data.legend.forEach(function (item) {
          var line = el("div", "lp-legend-row");
          line.appendChild(swatch(item.color, item.hollow));
          line.appendChild(document.createTextNode(item.label));
          box.appendChild(line);
        });
        data.notes.forEach(function (note) {
          box.appendChild(el("div", "lp-legend-note", note));
        });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      },
    });
    new Legend().addTo(map);
  }

  function draw(map, data) {
    var overlays = {};
    var area = null;
    Object.keys(data.layers).forEach(function (layer) {
      var group = layerGroup(map, data, layer);
      // Leaflet inserts overlay names as HTML: our own labels, escaped by textContent.
      var name = LocalProPopup.el("span", null, data.layers[layer].label);
      overlays[name.outerHTML] = group;
      if (counts[layer]) {
        var b = group.getBounds();
        area = area ? area.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      }
    });
    L.control.layers(null, overlays, { collapsed: false, position: "topright" }).addTo(map);
    legend(map, data);
    if (area && area.isValid()) map.fitBounds(area, { padding: [30, 30], maxZoom: 15 });
  }

  // For tests (runJavaScript) and the curious: what the file drew.
  window.LocalProShare = {
    draw: draw,
    counts: function () { return Object.assign({}, counts); },
    openPopup: function (layer, index) {
      var markers = groups[layer] ? groups[layer].getLayers() : [];
      var marker = markers[index];
      if (!marker) return null;
      // Not zoomToShowLayer(): it waits for an icon, which canvas circles never have.
      var group = groups[layer];
      marker.openPopup(LocalProPopup.reveal(group._map, group, marker, STREET_ZOOM));
      return true;
    },
  };
})();
