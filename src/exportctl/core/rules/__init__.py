"""Loading and validation of the YAML rule files (`exportctl/rules/*.yaml`): pure, no Django."""

from exportctl.core.rules.loader import (
    RuleFile,
    load_rule_file,
    load_rule_files,
    load_rules,
    parse_rules,
)
from exportctl.core.rules.model import Deadline, Measure, Rule, Scope, StatusWindow

__all__ = [
    "Deadline",
    "Measure",
    "Rule",
    "RuleFile",
    "Scope",
    "StatusWindow",
    "load_rule_file",
    "load_rule_files",
    "load_rules",
    "parse_rules",
]
