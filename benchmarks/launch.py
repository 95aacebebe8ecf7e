"""Run one command and print its wall time and resource usage as a JSON line (stdlib only).

    python benchmarks/launch.py COMMAND [ARGS...]   # prints {"wall": s, "cpu": s, "maxrss": bytes, "exit": n}

Why a launcher: a child's ``ru_maxrss`` starts from the resident size of the process that
spawned it (Linux records the old memory's high-water mark at exec, and a vfork'd child
shares its parent's memory), so a command spawned straight from the benchmark would report at
least the benchmark's own size. Spawned from this small process instead, the floor is this
interpreter's size, about 10 MB. The command's output is discarded; its errors pass through.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> int:
    command = sys.argv[1:]
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"wall": wall, "cpu": cpu, "maxrss": usage.ru_maxrss * 1024, "exit": code}))
    return code


if __name__ == "__main__":
    sys.exit(main())
