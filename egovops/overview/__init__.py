"""What the console shows, computed without Qt: site tree with health counts, alarm views, map placement.

The console's widgets are thin adapters over these plain objects; a headless report or a web view
could use the same ones. Change notification is by plain callbacks (``OverviewService.subscribe``).
"""
