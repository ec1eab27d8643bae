"""Inventory editing in the console: device dialog, sites, removal and CSV import (issue 9 §6)."""
