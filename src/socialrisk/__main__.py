import sys


def run() -> int:
    """The ``socialrisk`` console script and ``python -m socialrisk``: a whole process for one command.

    The garbage collector pauses before the command line's modules import, and stays paused through
    start-up (see ``cli._StartupCollector``); the process ends with the command, so nothing restores it.
    """
    import gc

    gc.disable()
    from . import cli

    cli._STARTUP.paused = True
    return cli._main(None)


if __name__ == "__main__":  # importing the module (e.g. to scan the package) must not run the CLI
    sys.exit(run())
