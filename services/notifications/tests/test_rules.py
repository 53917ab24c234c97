"""The rules of notifications are checked at start: ladders exist, every kind has its texts."""

import pytest
import yaml
from pydantic import ValidationError

from shouhu.notifications import notify
from shouhu.notifications.rules import RULES_FILE, Rules
from shouhu.notifications.templating import BrokenTemplate, Templates


def _shipped() -> dict:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def test_the_shipped_rules_and_templates_agree():
    notify.check(Templates.load())


def test_a_kind_naming_a_missing_ladder_is_refused():
    raw = _shipped()
    raw["kinds"]["VISIT_HIGH_RISK"]["ladder"] = "NO_SUCH_LADDER"
    with pytest.raises(ValidationError, match="NO_SUCH_LADDER"):
        Rules.model_validate(raw)


def test_a_kind_without_its_templates_stops_the_service(monkeypatch):
    raw = _shipped()
    raw["kinds"]["COURT_HEARING"] = {"channels": ["INAPP", "SMS"]}
    monkeypatch.setattr(notify, "rules", lambda: Rules.model_validate(raw))
    with pytest.raises(BrokenTemplate, match="COURT_HEARING"):
        notify.check(Templates.load())
