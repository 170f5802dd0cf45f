"""Business rules of LocalPro, free of Qt and SQLAlchemy so every layer can share them."""
