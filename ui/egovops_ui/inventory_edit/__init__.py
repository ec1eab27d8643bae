"""Inventory editing in the console: device dialog, sites, removal and CSV import.

The widgets only collect and show; every change is made by the core's editors
(``egovops.inventory_edit``), which check the operator's role and audit it. The map and the site
tree learn of a change from the store's change notice, not from these widgets.
"""
