"""A failed check, as the registry reports it to schools and bureaus."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """One failed check on one field.

    `code` is a stable English code from `reason_codes.ReasonCode`; `message`
    is the Chinese text shown to registry staff; `value` is the offending value
    as it was given (None when the problem is an absence or a relation).
    """

    code: str
    field: str
    message: str
    value: str | None = None


class InvalidValue(ValueError):
    """Raised by value-object parsers; carries every reason found, not just the first."""

    def __init__(self, reasons: Iterable[Reason]) -> None:
        self.reasons: tuple[Reason, ...] = tuple(reasons)
        if not self.reasons:
            raise ValueError("an invalid value needs at least one reason")
        super().__init__("; ".join(f"{r.code}: {r.message}" for r in self.reasons))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)
