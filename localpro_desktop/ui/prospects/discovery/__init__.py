"""The discovery screen of the prospects tab: find businesses by sector and city.

``panel.py`` is the page (search form, preview, adding); ``preview_model.py`` the table
model behind the preview; ``saved.py`` runs the searches saved while offline and tells the
user when their results arrive; ``merges_dialog.py`` and ``sources_dialog.py`` review
merges and set where searches go.
"""
