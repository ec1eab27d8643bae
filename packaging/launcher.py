"""The packaged program's entry point: ``egovops`` itself, and the interpreter for its own children.

egovops starts some work in child processes as ``sys.executable -m MODULE …`` (the console's
poller, the demo network and its SNMP agents, the SSH simulator with ``-S -m``). In a frozen bundle
``sys.executable`` is this program, not a Python, so it accepts those two forms and runs the module
as ``python -m`` would; everything else is the ``egovops`` command line.
"""

from __future__ import annotations

import runpy
import sys


def module_to_run(argv: list[str]) -> tuple[str, list[str]] | None:
    """("module", its arguments) for ``[-S] -m module args…``, else None."""
    args = argv[1:]
    if args[:1] == ["-S"]:  # "no site module": a frozen program has none anyway
        args = args[1:]
    if len(args) >= 2 and args[0] == "-m":
        return args[1], args[2:]
    return None


def main() -> None:
    found = module_to_run(sys.argv)
    if found is not None:
        module, args = found
        sys.argv = [sys.argv[0], *args]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return
    from egovops.cli.main import main as egovops_main

    egovops_main()


if __name__ == "__main__":
    main()
