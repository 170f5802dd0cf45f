"""Take prospects and contacts out of LocalPro as CSV, Excel or GeoJSON files.

Exported headers are the importer's canonical field names, so a file exported here can be
imported again (into this or another workspace) without any column mapping.
"""
