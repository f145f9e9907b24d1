"""Agent Console core: everything an agent, a lead or a trainer can do, without Qt.

The window in ``ui`` and the command line both call the services defined here, so a
behaviour is tested once and offered everywhere.
"""

__version__ = "0.1.0"
