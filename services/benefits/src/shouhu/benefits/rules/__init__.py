"""The district's benefit rules (保障规则): one YAML file, checked at load, and a pure engine."""
