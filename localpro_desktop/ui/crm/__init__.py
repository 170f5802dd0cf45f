"""The CRM tab: the pipeline board, its filters and segments, and the contact panel."""
