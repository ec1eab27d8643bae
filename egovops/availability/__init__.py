"""Availability of devices and of the units, networks and places they serve.

Computed from stored state transitions and monitored spans (never from raw samples), with
maintenance windows excluded and unmonitored time kept apart instead of being counted as up.
"""
