"""Benchmarks against reference tools. Run each as a module from the repository's root, e.g.
``python -m benchmarks.snmp_poll``: the servers they need are the tests' own fixtures
(``tests.fixtures``), imported by the name pytest uses, with no change to ``sys.path``."""
