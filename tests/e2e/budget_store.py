"""A real Redis with webdis in front, started and stopped by the tests that need a shared budget
store (Debian packages `redis-server` and `webdis`; `.ci/run` installs them).

The webdis ACL allows exactly the commands the plugin sends, so the test also proves that list
is complete. Both bind to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from harness import free_port, stop_process, wait_until

# The commands llm-policy-router sends through webdis; the README's webdis config uses the same list.
WEBDIS_COMMANDS = ["INCRBY", "ZADD", "ZREM", "ZRANGEBYSCORE", "MGET"]


def available() -> bool:
    return all(shutil.which(b) for b in ("redis-server", "webdis", "redis-cli"))


class BudgetStore:
    def __init__(self) -> None:
        self.redis_port = free_port()
        self.webdis_port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="llm-budget-store-"))
        self.redis: subprocess.Popen | None = None
        self.webdis: subprocess.Popen | None = None

    def start(self) -> "BudgetStore":
        try:
            self.start_redis()
            config = {
                "redis_host": "127.0.0.1", "redis_port": self.redis_port,
                "http_host": "127.0.0.1", "http_port": self.webdis_port,
                "threads": 2, "pool_size": 8, "daemonize": False, "verbosity": 3,
                "logfile": str(self.dir / "webdis.log"),
                "acl": [{"disabled": ["*"]}, {"enabled": WEBDIS_COMMANDS}],
            }
            (self.dir / "webdis.json").write_text(json.dumps(config))
            self.webdis = subprocess.Popen(["webdis", str(self.dir / "webdis.json")], stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL)
            wait_until(lambda: _listening(self.webdis_port), 10, "webdis")
        except BaseException:
            self.stop()
            raise
        return self

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.redis_port), "--save", "",
             "--appendonly", "no", "--dir", str(self.dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: _listening(self.redis_port), 10, "redis-server")

    def stop_redis(self) -> None:
        stop_process(self.redis)
        self.redis = None

    def stop(self) -> None:
        stop_process(self.webdis)
        stop_process(self.redis)
        self.webdis = self.redis = None

    def cli(self, *args: str) -> str:
        out = subprocess.run(["redis-cli", "-p", str(self.redis_port), *args], capture_output=True, text=True,
                             timeout=10, check=True)
        return out.stdout.strip()

    def __enter__(self) -> "BudgetStore":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0
