"""Simulated SNMP agents built on snmpsim and its recordings of real devices."""
