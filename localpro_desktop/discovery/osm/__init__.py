"""OpenStreetMap as a prospect source: sector tags, Overpass queries and their answers."""
