"""The console's credential profiles, settings and accounts dialogs (Tools menu)."""
