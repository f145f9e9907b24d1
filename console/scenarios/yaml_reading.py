"""Reading a scenario's YAML text: safe tags only, dates left as text, no duplicate keys.

PyYAML turns ``2009-05-12`` into a ``date`` while parsing, so an impossible date
(``2009-02-30``, year 0, hour 25, offset ``+99:00``) raised a bare ``ValueError`` from
inside ``yaml.safe_load``: a traceback, and a folder import stopped at that file. Here
dates and times stay text, and the field readers (``console.scenarios.fields``) parse them
and name the file, the field and the value in one line. A key given twice in one mapping
(``id:`` twice) is refused instead of the last one silently winning.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


class ScenarioLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` without implicit timestamps and with duplicate keys refused."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE or not isinstance(key_node.value, str):
                continue
            key = key_node.value
            if key in seen:
                raise ConstructorError(None, None, f"the key {key!r} is given twice in one mapping", key_node.start_mark)
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str) -> Any:
    """Parse scenario YAML; a value PyYAML cannot build (an explicit ``!!timestamp`` that is
    impossible, say) is a ``yaml.YAMLError`` too, so the caller reports one line."""
    try:
        return yaml.load(text, Loader=ScenarioLoader)  # noqa: S506 - a SafeLoader subclass
    except (ValueError, OverflowError, TypeError) as exc:
        raise yaml.YAMLError(f"a value YAML cannot read: {exc}") from None
