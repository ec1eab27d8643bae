"""The core must import and work on a machine without Qt (servers, city pollers, scripts)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import builtins, importlib, pkgutil, sys
    real_import = builtins.__import__
    def no_qt(name, *args, **kwargs):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "egovops_ui"):
            raise ImportError(f"Qt is not installed (blocked {name})")
        return real_import(name, *args, **kwargs)
    builtins.__import__ = no_qt
    import egovops
    failed = []
    count = 0
    for info in pkgutil.walk_packages(egovops.__path__, "egovops."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue  # revision scripts only run inside Alembic; __main__ would run the CLI
        count += 1
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed.append(f"{info.name}: {type(exc).__name__}: {exc}")
    assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
    print(count)
    print("\\n".join(failed))
    sys.exit(1 if failed else 0)
    """
)


def test_every_core_module_imports_with_qt_absent() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert int(done.stdout.split()[0]) >= 20


def test_help_lists_the_command_groups(cli) -> None:
    done = cli("--help")
    assert done.returncode == 0
    for group in ("inventory", "credentials", "demo", "network"):
        assert group in done.stdout


def test_usage_errors_exit_2(cli) -> None:
    assert cli("inventory", "import").returncode == 2
    assert cli("no-such-command").returncode == 2
