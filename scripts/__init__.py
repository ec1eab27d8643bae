"""Developer scripts. The Python ones run as modules from the repository's root, e.g.
``python -m scripts.screenshots.runner``, so they import the tests' fixtures (``tests.fixtures``)
by the name pytest imports them by, with no change to ``sys.path``."""
