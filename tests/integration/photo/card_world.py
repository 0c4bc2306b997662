"""A county of its own for the card and graduation-list tests (Guandu, 530111, under the photo
tests' Kunming), so its batches take only the photos these tests accept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from tests.integration.harness import eventually
from tests.integration.photo.flows import roster_row_exists, set_window, upload
from tests.integration.photo.world import NATION, PhotoStack
from tests.integration.registry.builders import IdFactory, create_pupil, pupil_body
from tests.integration.transfer.world import principal
from xueji_common.auth.principal import Role
from xueji_photo.schema import org_units
from xueji_photo.windows.rule import china_today
from xueji_stack.demo.portraits import jpeg, portrait

GUANDU = (*NATION, "53", "5301", "530111")
SCHOOL_CODE = "2153011101"
SCHOOL = (*GUANDU, SCHOOL_CODE)


@dataclass(frozen=True)
class CardWorld:
    stack: PhotoStack
    ids: IdFactory

    @property
    def county(self) -> dict[str, str]:
        return self.stack.people.tokens(principal(Role.COUNTY_OFFICER, GUANDU, "赵科长"))

    @property
    def registrar(self) -> dict[str, str]:
        return self.stack.people.tokens(principal(Role.SCHOOL_REGISTRAR, SCHOOL, "陈老师"))

    async def pupil(self, grade: int) -> str:
        """A pupil of the county's school on the photo roster; their national number."""
        created = await create_pupil(
            self.stack.registry, self.registrar, pupil_body(self.ids, grade=grade)
        )
        number = created["national_number"]
        await eventually(lambda: roster_row_exists(self.stack, number), within=60)
        return number

    async def accept(self, number: str, quality: int = 90) -> dict:
        """Uploads a valid portrait; each quality gives other bytes, to tell photos apart."""
        response = await upload(
            self.stack, self.registrar, number, jpeg(portrait(272, 354), quality=quality)
        )
        assert response.status_code == 201, response.text
        return response.json()


async def build_card_world(stack: PhotoStack, ids: IdFactory) -> CardWorld:
    """The county and its school in the registry and the photo replica, windows open."""
    operator = stack.people.operator
    county = {"code": GUANDU[-1], "name": "昆明市官渡区教育局", "parent_code": "5301"}
    response = await stack.registry.post("/v1/org-units", json=county, headers=operator)
    assert response.status_code in (201, 409), response.text
    school = {"code": SCHOOL_CODE, "full_name": "昆明市官渡区制证测试小学",
              "county_code": GUANDU[-1], "stages": ["primary"]}  # fmt: skip
    response = await stack.registry.post("/v1/schools", json=school, headers=operator)
    assert response.status_code in (201, 409), response.text

    async def replicated() -> bool:
        async with stack.db.sessions() as session:
            codes = set(await session.scalars(select(org_units.table.c.code).where(
                org_units.table.c.code.in_([GUANDU[-1], SCHOOL_CODE]))))  # fmt: skip
        return len(codes) == 2

    await eventually(replicated, within=60)
    world = CardWorld(stack, ids)
    today = china_today()
    for cohort in ("grade_one_entrant", "graduating"):
        opened = await set_window(
            stack, world.county, cohort, today - timedelta(days=30), today + timedelta(days=30)
        )
        assert opened.status_code == 200, opened.text
    return world
