"""Turning the core's errors into a one-line message and exit code 1 for report and maintenance
commands, so an operator sees what was wrong (a missing device, a bad date) and not a traceback."""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import click

from egovops.errors import EgovopsError

F = TypeVar("F", bound=Callable[..., Any])


def operator_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except EgovopsError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]
