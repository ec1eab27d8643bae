"""The reports page: availability by period and grouping, previewed and exported (PDF, PNG, SVG, CSV)."""
