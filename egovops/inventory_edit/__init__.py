"""Changing the inventory: file import, the device and site editors, each role-checked and audited.

The inventory model and its parsers (``egovops.inventory``) sit below the store; these services sit
above it, because every change passes a role check (``egovops.accounts``) and leaves an audit row.
"""
