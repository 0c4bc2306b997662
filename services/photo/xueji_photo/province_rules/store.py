"""Each province's current photo rule: its newest stored version, else the Shanghai preset."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_photo import error_codes
from xueji_photo.province_rules.tables import province_photo_rules as table
from xueji_photo.rules import SHANGHAI_PRESET, InvalidPhotoRule, PhotoRule

DEFAULT_RULE = SHANGHAI_PRESET


@dataclass(frozen=True)
class ProvinceRule:
    province_code: str
    rule: PhotoRule
    # False: the province set none and the default applies.
    stored: bool


async def current_rule(session: AsyncSession, province_code: str) -> ProvinceRule:
    data = await session.scalar(
        select(table.c.rule)
        .where(table.c.province_code == province_code)
        .order_by(table.c.version.desc())
        .limit(1)
    )
    if data is None:
        return ProvinceRule(province_code, DEFAULT_RULE, stored=False)
    return ProvinceRule(province_code, PhotoRule.from_dict(data), stored=True)


def rule_from(data: dict[str, object], version: int) -> PhotoRule:
    """The rule a province sends, as its next version; what is wrong is named."""
    try:
        return PhotoRule.from_dict({**data, "version": version})
    except InvalidPhotoRule as error:
        raise DomainError(error_codes.PHOTO_RULE_INVALID, detail=str(error)) from error


async def next_version(session: AsyncSession, province_code: str) -> int:
    """Above every stored version and above the default's, so versions never repeat."""
    stored = await session.scalar(
        select(func.max(table.c.version)).where(table.c.province_code == province_code)
    )
    return max(int(stored or 0), DEFAULT_RULE.version) + 1


async def store_rule(
    session: AsyncSession, setter: Principal, province_code: str, rule: PhotoRule
) -> None:
    """Adds a version; a concurrent setter taking the same version fails on the primary key."""
    await session.execute(
        insert(table).values(
            province_code=province_code,
            version=rule.version,
            rule_id=rule.rule_id,
            rule=rule.to_dict(),
            set_by=setter.account_id,
            set_at=datetime.now(UTC),
        )
    )
