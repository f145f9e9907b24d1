"""Sync: deliver the journal's outbox to the central systems, once each, in order.

``hookspecs`` defines the pluggy hook a delivery target implements; ``postgres``,
``webhook``, ``jsonl`` and ``tmf`` (TM Forum Open APIs) are the built-in ones, third parties add theirs through the
``agent_console.sync_hooks`` entry point group. ``registry`` builds the configured hooks,
``lease`` keeps two workers from delivering from one journal at once, ``worker`` does the
delivering and ``state`` reports what is still waiting.
"""
