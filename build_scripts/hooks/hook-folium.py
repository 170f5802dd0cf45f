"""folium (``localpro export map``, services/exporting/map_html.py) reads its templates
beside its modules at run time: ship them."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("folium")
