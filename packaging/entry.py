"""Entry point of the frozen application (PyInstaller runs this script, not the console script).

A separate file because PyInstaller needs a script path, while the wheel's ``agent-console``
console script points at ``ui.launcher:main``; both end up in the same function.
``freeze_support`` first: ``seed --jobs`` starts worker processes, and where the start
method is "spawn" (Windows, macOS) a frozen child must run the worker, not the console.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from ui.launcher import main

    sys.exit(main())
