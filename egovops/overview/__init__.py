"""What the console shows, computed without Qt: site tree with health counts, alarm views, map placement.

The console's widgets are thin adapters over these plain objects; a headless report or a web view
could use the same ones. When to reload them is said by the store's change notices
(``Database.changes``, see ``egovops.storage.changes``), plain callbacks without Qt.
"""
