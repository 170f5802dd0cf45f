/*
 * LocalPro map page (served from localpro:/map/, see localpro_desktop/ui/map/).
 *
 * Rules this file keeps:
 * - Record fields (names, phones... scraped from the internet) only ever reach the page
 *   through textContent on nodes we create; no HTML string is built from data. The few
 *   Leaflet APIs that take HTML (layer control names, attribution) get escapeText() output
 *   of our own translated labels.
 * - Points arrive as data ([lat, lon, id, code] rows from localpro:/data/points/...), are
 *   turned into canvas circle markers and clustered with chunkedLoading so 50,000 markers
 *   never freeze the page; popup details are fetched one record at a time.
 * - Python talks to the page through the QWebChannel object "bridge" only.
 */
(function () {
  "use strict";

  var LAYERS = ["contacts", "prospects"];
  var STREET_ZOOM = 18;  // clusters' disableClusteringAtZoom: every marker drawn alone
  var state = {
    map: null,
    bridge: null,
    config: null,
    groups: {},
    index: { contacts: new Map(), prospects: new Map() },
    counts: { contacts: 0, prospects: 0 },
    wanted: {},   // layer -> newest URL asked for while a load was running
    loading: {},  // layer -> true while a load runs
    tiles: null,
    stats: { tilesLoaded: 0, tileErrors: 0, basemapFeatures: 0, errors: [] },
    timings: {},  // phase -> ms since navigation start (for benchmarks and diagnostics)
    ready: false,
    country: null,  // bounds of the workspace's country (from the layers' documents)
    approximate: {},  // layer -> true when some of its markers sit at a city's centre
    approximateRow: null,  // the legend's "hollow: approximate" line, shown when needed
    pendingRecord: null,  // [kind, id] asked for before the markers were there
  };

  // -- small helpers -------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function escapeText(text) {
    var div = document.createElement("div");
    div.textContent = String(text);
    return div.innerHTML;
  }

  function getJSON(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
  }

  function mark(name) {
    state.timings[name] = Math.round(performance.now());
  }

  function report(error) {
    var text = String((error && error.stack) || error);
    state.stats.errors.push(text);
    if (state.bridge) state.bridge.reportError(text);
  }

  function formatCount(n) {
    try {
      return n.toLocaleString(state.config.locale);
    } catch (e) {
      return String(n);
    }
  }

  function colorFor(layer, code) {
    if (layer === "prospects") return state.config.prospectColor;
    var status = state.config.statuses[code];
    return status ? status.color : "#888888";
  }

  // -- map, basemap, tiles ---------------------------------------------------------------

  function createMap(config) {
    var map = L.map("map", {
      preferCanvas: true,
      minZoom: 2,
      maxZoom: 19,
      worldCopyJump: true,
      zoomSnap: 0.5,
    });
    map.attributionControl.setPrefix(escapeText("Leaflet"));
    // The country outlines sit under the tiles (tilePane is z-index 200): tiles cover them
    // where they exist, and where none is cached the outlines are what the user sees.
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = "150";
    map.getPane("basemap").style.pointerEvents = "none";
    state.tiles = L.tileLayer(config.tiles.url, {
      maxZoom: 19,
      attribution: escapeText(config.tiles.attribution),
      updateWhenIdle: true,
      keepBuffer: 1,
    });
    state.tiles.on("tileload", function () { state.stats.tilesLoaded += 1; });
    state.tiles.on("tileerror", function () { state.stats.tileErrors += 1; });
    state.tiles.addTo(map);
    map.fitBounds(config.view.bounds);
    return map;
  }

  // Natural Earth rings that cross the antimeridian (Fiji, Chukotka) jump from +180 to
  // -180; drawn as is they paint a stripe across the whole world. Shift the points after a
  // jump by 360 degrees so each ring stays continuous (Leaflet draws past 180 happily).
  function unwrapRing(ring) {
    var shift = 0;
    for (var i = 1; i < ring.length; i++) {
      var step = ring[i][0] + shift - ring[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
      if (shift) ring[i] = [ring[i][0] + shift, ring[i][1]];
    }
  }

  function unwrapGeometry(geometry) {
    if (!geometry) return;
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] :
      geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    polygons.forEach(function (polygon) { polygon.forEach(unwrapRing); });
  }

  function loadBasemap(url) {
    return getJSON(url).then(function (topo) {
      var countries = topojson.feature(topo, topo.objects.countries);
      // Antarctica's ring runs along the pole and cannot be unwrapped; nobody sells there.
      countries.features = countries.features.filter(function (f) {
        return f.properties && f.properties.name !== "Antarctica";
      });
      countries.features.forEach(function (f) { unwrapGeometry(f.geometry); });
      var renderer = L.canvas({ pane: "basemap", padding: 0.5 });
      L.geoJSON(countries, {
        pane: "basemap",
        renderer: renderer,
        interactive: false,
        style: function () {
          return { color: "#a39e93", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 };
        },
      }).addTo(state.map);
      state.stats.basemapFeatures = countries.features.length;
    });
  }

  function setTiles(url, attribution) {
    if (!state.tiles) return;
    state.map.attributionControl.removeAttribution(state.tiles.getAttribution());
    state.tiles.options.attribution = escapeText(attribution);
    state.map.attributionControl.addAttribution(state.tiles.options.attribution);
    state.tiles.setUrl(url);
  }

  // -- markers ---------------------------------------------------------------------------

  function clusterIcon(layer, count) {
    var size = count < 100 ? 34 : count < 1000 ? 40 : count < 10000 ? 46 : 54;
    var node = el("div", "lp-cluster", formatCount(count));
    node.style.backgroundColor = state.config.layers[layer].color;
    // Both layers cluster around the same towns: contact bubbles sit a little to the left
    // and prospect bubbles a little to the right of their centre so neither hides the other.
    var shift = (layer === "contacts" ? 0.45 : -0.45) * size;
    return L.divIcon({
      html: node,
      className: "lp-cluster-icon",
      iconSize: [size, size],
      iconAnchor: [size / 2 + shift, size / 2],
    });
  }

  function makeGroup(layer) {
    var group = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 120,
      chunkDelay: 10,
      showCoverageOnHover: false,
      maxClusterRadius: 60,
      // Street level (18-19) shows every marker; not building cluster grids for those two
      // levels halves the time to add 50,000 markers. Businesses at the very same point
      // still spiderfy when their cluster is clicked at zoom 17.
      disableClusteringAtZoom: STREET_ZOOM,
      iconCreateFunction: function (cluster) {
        return clusterIcon(layer, cluster.getChildCount());
      },
      chunkProgress: function (processed, total) {
        if (processed === total && group._lpDone) {
          var done = group._lpDone;
          group._lpDone = null;
          done();
        }
      },
    });
    group.on("click", function (event) {
      openPopupFor(event.layer);
    });
    return group;
  }

  function makeMarkers(layer, points) {
    var kind = state.config.layers[layer].kind;
    var styles = {};
    var index = new Map();
    var markers = new Array(points.length);
    for (var i = 0; i < points.length; i++) {
      var p = points[i];
      // A fifth element 1: placed at its city's centre, drawn hollow (approximate).
      var approx = p[4] === 1;
      var key = p[3] + (approx ? "a" : "");
      var style = styles[key];
      if (!style) {
        style = styles[key] = LocalProPopup.markerStyle(colorFor(layer, p[3]), approx);
      }
      var marker = L.circleMarker([p[0], p[1]], style);
      marker.lpLatLng = L.latLng(p[0], p[1]);
      marker.lpKind = kind;
      marker.lpId = p[2];
      markers[i] = marker;
      index.set(p[2], marker);
    }
    return { markers: markers, index: index };
  }

  function addInChunks(group, markers) {
    return new Promise(function (resolve) {
      if (!markers.length || !state.map.hasLayer(group)) {
        // Off the map (layer toggled off) markercluster adds synchronously, no progress.
        group.addLayers(markers, true);
        resolve();
        return;
      }
      group._lpDone = resolve;
      group.addLayers(markers, true);
    });
  }

  function bounds(points) {
    if (!points.length) return null;
    var s = 90, w = 180, n = -90, e = -180;
    for (var i = 0; i < points.length; i++) {
      var lat = points[i][0], lon = points[i][1];
      if (lat < s) s = lat;
      if (lat > n) n = lat;
      if (lon < w) w = lon;
      if (lon > e) e = lon;
    }
    return L.latLngBounds([s, w], [n, e]);
  }

  // One load per layer at a time; a reload asked for meanwhile runs after it (newest wins),
  // because clearing a cluster group while it is still adding in chunks corrupts it.
  function loadLayer(layer, url) {
    if (state.loading[layer]) {
      state.wanted[layer] = url;
      return Promise.resolve(null);
    }
    state.loading[layer] = true;
    return getJSON(url)
      .then(function (data) {
        mark(layer + ".fetched");
        var made = makeMarkers(layer, data.points);
        mark(layer + ".made");
        var group = state.groups[layer];
        if (state.map.hasLayer(group)) {
          state.map.closePopup();
        }
        group.clearLayers();
        state.index[layer] = made.index;
        if (data.country) state.country = L.latLngBounds(data.country);
        state.approximate[layer] = data.points.some(function (p) { return p[4] === 1; });
        showApproximateLegend();
        return addInChunks(group, made.markers).then(function () {
          mark(layer + ".clustered");
          state.counts[layer] = made.markers.length;
          return bounds(data.points);
        });
      })
      .finally(function () {
        state.loading[layer] = false;
        var next = state.wanted[layer];
        if (next) {
          delete state.wanted[layer];
          reload(layer, next);
        }
      });
  }

  function reload(layer, url) {
    return loadLayer(layer, url)
      .then(function (area) {
        if (area === null || state.loading[layer]) return;
        if (area && area.isValid()) state.map.fitBounds(area, { padding: [30, 30], maxZoom: 15 });
        else if (!state.counts.contacts && !state.counts.prospects) showCountry();
        state.bridge.layerLoaded(layer, state.counts[layer]);
      })
      .catch(report);
  }

  // Nothing to show: the workspace's country (the box around its towns), not all of Africa.
  function showCountry() {
    if (state.country && state.country.isValid()) {
      state.map.fitBounds(state.country, { padding: [30, 30], maxZoom: 10 });
    }
  }

  function showApproximateLegend() {
    if (!state.approximateRow) return;
    var any = LAYERS.some(function (layer) { return state.approximate[layer]; });
    state.approximateRow.style.display = any ? "" : "none";
  }

  // -- popups ----------------------------------------------------------------------------

  // The popup itself is popup.js (shared with the "Share this map" file).
  function fillPopup(node, d) {
    LocalProPopup.fill(node, d, state.config.labels, function () {
      state.bridge.openRecord(d.kind, d.id);
    });
  }

  function detailsUrl(kind, id) {
    return "localpro:/data/details/" + encodeURIComponent(kind) + "/" +
      encodeURIComponent(id) + ".json";
  }

  function openPopupAt(latlng, kind, id) {
    var node = el("div", "lp-popup");
    node.appendChild(el("div", "lp-muted", state.config.labels.loading));
    var popup = L.popup({ maxWidth: 300, autoPanPadding: [24, 24] })
      .setLatLng(latlng)
      .setContent(node)
      .openOn(state.map);
    return getJSON(detailsUrl(kind, id))
      .then(function (d) {
        fillPopup(node, d);
        popup.update();
      })
      .catch(function () {
        node.replaceChildren(el("div", "lp-muted", state.config.labels.missing));
        popup.update();
      });
  }

  function openPopupFor(marker) {
    return openPopupAt(LocalProPopup.place(marker), marker.lpKind, marker.lpId);
  }

  function findMarker(kind, id) {
    var layer = kind === "contact" ? "contacts" : "prospects";
    return state.index[layer].get(id) || null;
  }

  // Zoom until the record is out of its cluster, then open its popup (select_record()).
  // At once, not in a zoomToShowLayer() callback: see LocalProPopup.reveal(). Asked before
  // the first load finished, it is done when the markers are there.
  function showRecord(kind, id) {
    if (!state.ready) {
      state.pendingRecord = [kind, id];
      return false;
    }
    var marker = findMarker(kind, id);
    if (!marker) return false;
    var layer = kind === "contact" ? "contacts" : "prospects";
    var group = state.groups[layer];
    if (!state.map.hasLayer(group)) group.addTo(state.map);
    var latlng = LocalProPopup.reveal(state.map, group, marker, STREET_ZOOM);
    openPopupAt(latlng, marker.lpKind, marker.lpId);
    return true;
  }

  // -- controls --------------------------------------------------------------------------

  function addControls(config) {
    var overlays = {};
    LAYERS.forEach(function (layer) {
      var info = config.layers[layer];
      // Leaflet inserts these names as HTML: only escaped labels of ours, never data.
      var name = '<span class="lp-swatch lp-swatch-' + layer + '"></span>' +
        escapeText(info.label);
      overlays[name] = state.groups[layer];
    });
    L.control.layers(null, overlays, { collapsed: false, position: "topright" }).addTo(state.map);
    LAYERS.forEach(function (layer) {
      var swatches = document.querySelectorAll(".lp-swatch-" + layer);
      for (var i = 0; i < swatches.length; i++) {
        swatches[i].style.backgroundColor = config.layers[layer].color;
      }
    });

    var Legend = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", "lp-legend");
        box.appendChild(el("div", "lp-legend-title", config.labels.legend));
        config.statuses.forEach(function (status) {
          var line = el("div", "lp-legend-row");
          var dot = el("span", "lp-swatch");
          dot.style.backgroundColor = status.color;
          line.appendChild(dot);
          line.appendChild(document.createTextNode(status.label));
          box.appendChild(line);
        });
        var line = el("div", "lp-legend-row");
        var dot = el("span", "lp-swatch");
        dot.style.backgroundColor = config.prospectColor;
        line.appendChild(dot);
        line.appendChild(document.createTextNode(config.layers.prospects.label));
        box.appendChild(line);
        var approx = el("div", "lp-legend-row");
        var ring = el("span", "lp-swatch");
        ring.style.backgroundColor = "#ffffff";
        ring.style.border = "2px solid #555555";
        ring.style.boxSizing = "border-box";
        approx.appendChild(ring);
        approx.appendChild(document.createTextNode(config.labels.approximate));
        approx.style.display = "none";
        state.approximateRow = approx;
        box.appendChild(approx);
        L.DomEvent.disableClickPropagation(box);
        return box;
      },
    });
    new Legend().addTo(state.map);
  }

  // -- start -----------------------------------------------------------------------------

  function start(config) {
    mark("config");
    state.config = config;
    state.map = createMap(config);
    LAYERS.forEach(function (layer) {
      state.groups[layer] = makeGroup(layer);
      state.groups[layer].addTo(state.map);
    });
    addControls(config);
    var basemap = loadBasemap(config.basemap).catch(report);
    // A layer that fails to load is reported and left empty; the map still becomes ready.
    var layers = LAYERS.map(function (layer) {
      return loadLayer(layer, config.layers[layer].url).catch(function (error) {
        report(error);
        return null;
      });
    });
    return Promise.all([basemap].concat(layers)).then(function (results) {
      var area = null;
      results.slice(1).forEach(function (b) {
        if (b) area = area ? area.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      });
      if (area && area.isValid()) state.map.fitBounds(area, { padding: [30, 30], maxZoom: 15 });
      else showCountry();
      state.ready = true;
      mark("ready");
      LAYERS.forEach(function (layer) {
        state.bridge.layerLoaded(layer, state.counts[layer]);
      });
      state.bridge.ready(state.counts.contacts + state.counts.prospects);
      var pending = state.pendingRecord;
      state.pendingRecord = null;
      if (pending) showRecord(pending[0], pending[1]);
    });
  }

  // For Python (runJavaScript) and tests: read-only state and popup/record helpers.
  window.LocalProMap = {
    stats: function () {
      return {
        ready: state.ready,
        counts: { contacts: state.counts.contacts, prospects: state.counts.prospects },
        tilesLoaded: state.stats.tilesLoaded,
        tileErrors: state.stats.tileErrors,
        basemapFeatures: state.stats.basemapFeatures,
        errors: state.stats.errors.slice(),
        timings: Object.assign({}, state.timings),
        tileUrl: state.tiles ? state.tiles._url : null,
        attribution: state.tiles ? state.tiles.getAttribution() : null,
        zoom: state.map ? state.map.getZoom() : null,
        center: state.map ? [state.map.getCenter().lat, state.map.getCenter().lng] : null,
        approximateLegend: !!state.approximateRow && state.approximateRow.style.display !== "none",
      };
    },
    openPopup: function (kind, id) {
      var marker = findMarker(kind, id);
      if (!marker) return false;
      openPopupFor(marker);
      return true;
    },
    showRecord: showRecord,
    closePopup: function () {
      if (state.map) state.map.closePopup();
    },
    zoomTo: function (lat, lon, zoom) {
      state.map.setView([lat, lon], zoom, { animate: false });
    },
    layerShown: function (layer) {
      return !!state.groups[layer] && state.map.hasLayer(state.groups[layer]);
    },
  };

  window.addEventListener("error", function (event) {
    report(event.error || event.message);
  });

  mark("script");
  new QWebChannel(qt.webChannelTransport, function (channel) {
    mark("channel");
    var bridge = channel.objects.bridge;
    state.bridge = bridge;
    bridge.reloadLayer.connect(function (layer, url) {
      if (state.ready) reload(layer, url);
      else state.wanted[layer] = url;
    });
    bridge.tilesChanged.connect(setTiles);
    bridge.showRecord.connect(showRecord);
    getJSON("localpro:/data/config.json").then(start).catch(report);
  });
})();
