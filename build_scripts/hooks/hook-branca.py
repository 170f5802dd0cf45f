"""branca (folium's page builder) reads its Jinja2 templates beside its modules: ship them."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("branca")
