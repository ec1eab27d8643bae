"""Status and interface polling: the poller's cycle, what it reads over SNMP, and what it stores.

``poller.py`` runs the cycles; ``device_poll.py`` is one device's pipeline; ``identify.py`` and
``health.py`` read the vendor tables in ``egovops_resources/vendors``; ``repo.py`` writes states,
interfaces, samples and cycle statistics. Root-cause analysis plugs in as a classifier from
``egovops.topology.poller_hook``, so this package never imports topology.
"""
