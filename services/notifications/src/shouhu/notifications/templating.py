"""Message templates (通知模板) as data: one Jinja2 file per kind and channel, checked at start.

Layout: `<dir>/<KIND>/{inapp,sms,email}.j2` and `<dir>/<KIND>/samples.toml`. Each template
opens with a header comment naming its version and the variables it uses::

    {#- version: 2
        variables: childName, birthDate
    -#}
    {% block subject %}新登记儿童{% endblock %}
    {% block body %}本村（社区）新登记儿童{{ childName }}……{% endblock %}

In-app and email templates have a `subject` and a `body` block, SMS ones a `body` only.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, Template, TemplateSyntaxError, meta
from jinja2.sandbox import SandboxedEnvironment

from shouhu.notifications.settings import NotificationsSettings, SmsProvider

SHIPPED = Path(__file__).resolve().parent / "templates"
CHANNELS = ("inapp", "sms", "email")
SAMPLES = "samples.toml"
# One SMS is 70 characters, a Chinese character counting as one, the sign name in 【】 included;
# longer ones are split and billed per part, and may arrive out of order.
SMS_MAX_CHARS = 70

_KIND = re.compile(r"[A-Z][A-Z0-9_]*")
_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)
_HEADER_LINE = re.compile(r"^\s*(\w+)\s*:\s*(.*?)\s*$", re.MULTILINE)


class BrokenTemplate(Exception):
    """A template that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Rendered:
    """One template rendered: subject (empty for SMS), body, the file's version, its variables.

    `params` are the template's variables as text, for providers that fill an approved
    template of their own (Aliyun's `TemplateParam`).
    """

    subject: str
    body: str
    version: int
    params: dict[str, str]


@dataclass(frozen=True)
class _Template:
    path: Path
    version: int
    variables: frozenset[str]
    template: Template


def mask_name(name: object) -> str:
    """A person's name with all but the first character hidden, `张小明` → `张**`."""
    text = str(name)
    return text[:1] + "*" * (len(text) - 1)


def _environment(directory: Path) -> SandboxedEnvironment:
    # Sandboxed: templates are edited by operators as data, not reviewed as code.
    environment = SandboxedEnvironment(
        loader=FileSystemLoader(directory),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["mask_name"] = mask_name
    return environment


def _header(path: Path, source: str) -> tuple[int, frozenset[str]]:
    found = _HEADER.match(source)
    if found is None:
        raise BrokenTemplate(f"{path}: no header comment {{# version: … variables: … #}}")
    fields = dict(_HEADER_LINE.findall(found.group(1)))
    version = fields.get("version", "")
    if not version.isascii() or not version.isdigit() or int(version) < 1:
        raise BrokenTemplate(f"{path}: the header's version should be a whole number from 1")
    if "variables" not in fields:
        raise BrokenTemplate(f"{path}: the header names no variables (write `variables:` empty)")
    names = frozenset(v.strip() for v in fields["variables"].split(",") if v.strip())
    return int(version), names


def _blocks(template: Template, variables: Mapping[str, Any]) -> dict[str, str]:
    context = template.new_context(dict(variables))
    return {name: "".join(block(context)) for name, block in template.blocks.items()}


def _shaped(channel: str, blocks: Mapping[str, str]) -> tuple[str, str]:
    """Subject on one line; an SMS body on one line (its file may wrap for the editor)."""
    subject = " ".join(blocks.get("subject", "").split())
    body = blocks.get("body", "").strip()
    if channel == "sms":
        body = "".join(line.strip() for line in body.splitlines())
    return subject, body


class Templates:
    """Every template of a directory, each loaded and tried with its kind's samples."""

    def __init__(self, templates: Mapping[tuple[str, str], _Template]) -> None:
        self._templates = dict(templates)

    @property
    def kinds(self) -> frozenset[str]:
        """The notification kinds that have templates."""
        return frozenset(kind for kind, _ in self._templates)

    def variables(self, kind: str, channel: str) -> frozenset[str]:
        """The variables one template needs."""
        return self._get(kind, channel).variables

    def render(self, kind: str, channel: str, variables: Mapping[str, object]) -> Rendered:
        """The template of `kind` for `channel` filled with `variables` (extra ones ignored)."""
        found = self._get(kind, channel)
        missing = sorted(n for n in found.variables if variables.get(n) is None)
        if missing:
            raise BrokenTemplate(f"{found.path}: variables missing: {', '.join(missing)}")
        given = {name: variables[name] for name in found.variables}
        subject, body = _shaped(channel, _blocks(found.template, given))
        params = {name: str(value) for name, value in given.items()}
        return Rendered(subject=subject, body=body, version=found.version, params=params)

    def _get(self, kind: str, channel: str) -> _Template:
        try:
            return self._templates[(kind, channel)]
        except KeyError:
            raise BrokenTemplate(f"no template for kind {kind}, channel {channel}") from None

    @classmethod
    def load(cls, directory: Path = SHIPPED, *, sms_max_chars: int = SMS_MAX_CHARS) -> Templates:
        """Load and try every template; `BrokenTemplate` names the first file that fails."""
        if not directory.is_dir():
            raise BrokenTemplate(f"{directory}: no such template directory")
        environment = _environment(directory)
        templates: dict[tuple[str, str], _Template] = {}
        for folder in sorted(p for p in directory.iterdir() if not p.name.startswith((".", "_"))):
            if not folder.is_dir() or not _KIND.fullmatch(folder.name):
                raise BrokenTemplate(f"{folder}: not a kind's folder (UPPER_CASE name)")
            expected = {f"{c}.j2" for c in CHANNELS} | {SAMPLES}
            names = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
            if names - expected:
                raise BrokenTemplate(f"{folder}: unexpected files {sorted(names - expected)}")
            if expected - names:
                raise BrokenTemplate(f"{folder}: missing {sorted(expected - names)}")
            samples = _samples(folder / SAMPLES)
            for channel in CHANNELS:
                path = folder / f"{channel}.j2"
                loaded = _load_one(environment, directory, path, channel, samples, sms_max_chars)
                templates[(folder.name, channel)] = loaded
        if not templates:
            raise BrokenTemplate(f"{directory}: no templates")
        return cls(templates)


def _samples(path: Path) -> dict[str, Any]:
    try:
        samples = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BrokenTemplate(f"{path}: {exc}") from None
    wrong = sorted(k for k, v in samples.items() if not isinstance(v, str | int | float))
    if wrong:
        raise BrokenTemplate(f"{path}: samples should be text or numbers: {', '.join(wrong)}")
    return samples


def _load_one(
    environment: SandboxedEnvironment,
    root: Path,
    path: Path,
    channel: str,
    samples: Mapping[str, Any],
    sms_max_chars: int,
) -> _Template:
    """One template parsed, its declarations checked, rendered with the samples."""
    try:
        source = path.read_text(encoding="utf-8")
        version, declared = _header(path, source)
        used = meta.find_undeclared_variables(environment.parse(source))
        template = environment.get_template(path.relative_to(root).as_posix())
    except TemplateSyntaxError as exc:
        raise BrokenTemplate(f"{path}:{exc.lineno}: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise BrokenTemplate(f"{path}: not UTF-8 ({exc})") from None
    if used != declared:
        raise BrokenTemplate(
            f"{path}: the header's variables ({', '.join(sorted(declared)) or 'none'}) differ "
            f"from those the template uses ({', '.join(sorted(used)) or 'none'})"
        )
    blocks = set(template.blocks)
    wanted = {"body"} if channel == "sms" else {"subject", "body"}
    if blocks != wanted:
        raise BrokenTemplate(f"{path}: blocks should be {sorted(wanted)}, not {sorted(blocks)}")
    missing = sorted(declared - samples.keys())
    if missing:
        raise BrokenTemplate(f"{path}: no sample in {SAMPLES} for {', '.join(missing)}")
    try:
        subject, body = _shaped(channel, _blocks(template, samples))
    except Exception as exc:
        raise BrokenTemplate(f"{path}: cannot render with the samples: {exc}") from None
    if not body or (channel != "sms" and not subject):
        raise BrokenTemplate(f"{path}: renders an empty subject or body")
    if channel == "sms" and len(body) > sms_max_chars:
        raise BrokenTemplate(
            f"{path}: the SMS is {len(body)} characters with the samples, "
            f"more than {sms_max_chars}: it would be split"
        )
    return _Template(path=path, version=version, variables=declared, template=template)


def sms_max_chars(settings: NotificationsSettings) -> int:
    """Characters an SMS body may have: 70 less Aliyun's 【sign name】 it is sent with."""
    if settings.sms_provider is SmsProvider.ALIYUN and settings.aliyun_sign_name:
        return SMS_MAX_CHARS - len(f"【{settings.aliyun_sign_name}】")
    return SMS_MAX_CHARS


def templates_from(settings: NotificationsSettings) -> Templates:
    """The settings' templates, checked; their SMS template codes name known kinds only."""
    templates = Templates.load(
        settings.templates_dir or SHIPPED, sms_max_chars=sms_max_chars(settings)
    )
    codes = settings.sms_template_codes.keys()
    if codes - templates.kinds:
        unknown = ", ".join(sorted(codes - templates.kinds))
        raise BrokenTemplate(f"sms_template_codes names kinds without templates: {unknown}")
    if settings.sms_provider is SmsProvider.ALIYUN and templates.kinds - codes:
        missing = ", ".join(sorted(templates.kinds - codes))
        raise BrokenTemplate(f"sms_template_codes has no Aliyun template code for: {missing}")
    return templates


_installed: list[Templates] = []


def install(templates: Templates) -> None:
    """The templates this process renders with (the app's, checked at its start)."""
    _installed[:] = [templates]


def installed() -> Templates:
    """The installed templates; the shipped ones when no app installed any (scripts, tests)."""
    if not _installed:
        _installed.append(Templates.load())
    return _installed[0]
