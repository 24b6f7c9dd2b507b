"""Turn SIGTERM (and SIGHUP) into an exception, so that clean-up code runs.

Python turns Ctrl-C (SIGINT) into :class:`KeyboardInterrupt`, which unwinds
the stack: ``finally`` blocks remove temporary files and
:func:`subprocess.run` kills its child. SIGTERM's default action kills the
process on the spot instead, leaving half-written temporary files and an
orphaned ``dot``. :func:`install` makes SIGTERM and SIGHUP raise
:class:`Terminated`, which unwinds the same way; the CLI then exits with
``128 + signal number``, as a process killed by the signal would.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM or SIGHUP)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"terminated by signal {signum}")

    @property
    def exit_code(self) -> int:
        """The shell's exit status for a process killed by this signal."""
        return 128 + self.signum


def _raise(signum: int, _frame: FrameType | None) -> None:
    raise Terminated(signum)


def install() -> None:
    """Make SIGTERM and SIGHUP raise :class:`Terminated` (main thread only; else a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _raise)
