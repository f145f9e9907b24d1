"""Package layout that pyproject.toml alone cannot say.

The shipped resources live in the top-level ``resources/`` folder (where DESIGN.md puts
them) but are installed as the ``agent_console_resources`` package, so that
``importlib.resources`` finds them in a checkout, a wheel and a frozen bundle alike.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["console", "console.*", "ui", "ui.*"])
    + ["agent_console_resources"],
    package_dir={"agent_console_resources": "resources"},
)
