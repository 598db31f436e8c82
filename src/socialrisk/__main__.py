import sys


def run() -> int:
    """The ``socialrisk`` console script and ``python -m socialrisk``: a whole process for one command.

    Two things make a one-post run (a pre-commit hook on one file) start and end fast. The garbage
    collector pauses before the command line's modules import, and stays paused through start-up (see
    ``cli._StartupCollector``). And a command that returns ends the process at once, once the exit
    handlers ran and the output is flushed: tearing the interpreter down would free every start-up
    object one by one, about 0.3 s for nothing (mypy ends the same way, for the same reason).
    """
    import atexit
    import gc
    import os

    collector_on = gc.isenabled()
    gc.disable()
    from . import cli

    cli._STARTUP.pause(collector_on=collector_on)
    code = cli._main(None)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away: as cli.main does, stop quietly
        pass
    except OSError:
        code = code or cli.EXIT_ERROR
    os._exit(code)


if __name__ == "__main__":  # importing the module (e.g. to scan the package) must not run the CLI
    sys.exit(run())
