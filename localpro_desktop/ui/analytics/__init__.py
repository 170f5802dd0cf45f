"""The Analytics tab: KPI tiles and charts over the last 7, 30 or 90 days."""
