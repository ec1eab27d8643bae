"""Save configuration: the running configuration becomes the start-up configuration."""

from __future__ import annotations

import re

from egovops.plugin_api import RunContext, TargetResult, failed, ok, tr

# "save force" answers the "[Y/N]" question on VRP and Comware; IOS-like CLIs never ask.
SAVE_COMMANDS = {"huawei": "save force", "h3c": "save force", "cisco": "write memory", "ruijie": "write memory", "zte": "write"}
_SUCCESS = re.compile(r"(successfully|\[OK\]|saved|success)", re.IGNORECASE)


def run(ctx: RunContext) -> TargetResult:
    command = SAVE_COMMANDS[ctx.device.vendor.lower()]
    if ctx.dry_run:
        return ok(tr("dry run: would send {command}", command=command), {"command": command})
    reply = ctx.ssh().run(command)
    if _SUCCESS.search(reply):
        return ok(tr("configuration saved ({command})", command=command), {"command": command})
    last = reply.strip().splitlines()[-1] if reply.strip() else tr("no reply")
    return failed(tr("{command} did not confirm the save: {reply}", command=command, reply=last), {"command": command})
