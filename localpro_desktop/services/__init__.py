"""Use cases over the workspace; plain Python so the CLI, the UI and tests share them."""
