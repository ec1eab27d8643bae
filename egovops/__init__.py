"""egovops: operations and maintenance for a provincial e-government network.

The core package. It never imports Qt, so every test, script and server-side poller can use it
headless; the desktop console lives in the separate ``egovops_ui`` package (folder ``ui/``).
"""

__version__ = "0.1.0"
