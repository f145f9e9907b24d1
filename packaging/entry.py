"""Entry point of the frozen application (PyInstaller runs this script, not the console script).

A separate file because PyInstaller needs a script path, while the wheel's ``agent-console``
console script points at ``ui.launcher:main``; both end up in the same function.
"""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
