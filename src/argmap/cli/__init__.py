"""The command-line interface: a thin typer layer over :mod:`argmap`'s core."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Console-script entry point.

    SIGTERM and SIGHUP unwind like Ctrl-C (so temporary files are removed and
    a child ``dot`` is killed); an interrupt before a command starts exits
    quietly with the shell's code for it. The garbage collector is paused while
    the command starts (:func:`argmap.collector.pause_start_up`).
    """
    from argmap import process
    from argmap.collector import pause_start_up

    process.owned_by_cli = True  # one command, one thread, then exit (argmap.process)
    pause_start_up()
    from argmap.cli.fastcomplete import COMPLETE_VAR

    if COMPLETE_VAR in os.environ:  # a Tab press: ids are answered without typer
        from argmap.cli.fastcomplete import answer

        reply = answer()
        if reply is not None:
            text, code = reply
            sys.stdout.write(text + "\n" if text else "")
            sys.stdout.flush()
            sys.exit(code)
    from argmap.interrupts import Terminated, install

    install()
    try:
        from argmap.cli.app import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Terminated as err:
        sys.exit(err.exit_code)
