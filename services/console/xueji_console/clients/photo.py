"""The photo service's public API, as the console's pages use it."""

from __future__ import annotations

from xueji_console.clients.calls import JSON, ServiceApi

PHOTO = "/v1/pupils/{number}/photo"


class PhotoClient:
    def __init__(self, api: ServiceApi) -> None:
        self.api = api

    # Parents: a captcha, signing in with 学籍副号 + name, the one pupil's page.
    async def new_captcha(self) -> JSON:
        return await self.api.call("GET", "/v1/parent-captchas")

    # Sign-in attempts are throttled per client address: the browser's, not the console's
    # (the photo service trusts the console's X-Forwarded-For, see the platform's settings).
    async def parent_sign_in(self, form: dict[str, str], client_address: str | None) -> JSON:
        return await self.api.call(
            "POST", "/v1/parent-sessions", json=form, client_address=client_address
        )

    async def parent_view(self, token: str) -> JSON:
        return await self.api.call("GET", "/v1/parent-session", token=token)

    # Teachers: registering with the school's code, signing in.
    async def register_teacher(self, form: dict[str, str]) -> JSON:
        return await self.api.call("POST", "/v1/teacher-registrations", json=form)

    async def teacher_sign_in(
        self, username: str, password: str, client_address: str | None
    ) -> JSON:
        body = {"username": username, "password": password}
        return await self.api.call(
            "POST", "/v1/teacher-sessions", json=body, client_address=client_address
        )

    async def current_session(self, token: str) -> JSON:
        return await self.api.call("GET", "/v1/photo-sessions/current", token=token)

    async def sign_out(self, token: str) -> None:
        await self.api.call("DELETE", "/v1/photo-sessions/current", token=token)

    # A pupil's photo, for a parent, a teacher or staff.
    async def upload(self, token: str, number: str, name: str, data: bytes, media: str) -> JSON:
        files = {"file": (name, data, media)}
        return await self.api.call("POST", PHOTO.format(number=number), token=token, files=files)

    async def photo(self, token: str, number: str) -> JSON:
        return await self.api.call("GET", PHOTO.format(number=number), token=token)

    async def photo_file(self, token: str, number: str, variant: str) -> tuple[bytes, str]:
        return await self.api.content(PHOTO.format(number=number) + f"/{variant}", token=token)

    async def reopen(self, token: str, number: str, reason: str) -> JSON:
        path = PHOTO.format(number=number) + "/reopen"
        return await self.api.call("POST", path, token=token, json={"reason": reason})

    async def roster(self, token: str, school_code: str, params: dict[str, object]) -> JSON:
        path = f"/v1/schools/{school_code}/photo-roster"
        return await self.api.call("GET", path, token=token, params=params)

    # The county's side: windows and a school's registration code.
    async def windows(self, token: str) -> JSON:
        return await self.api.call("GET", "/v1/photo-windows", token=token)

    async def set_window(self, token: str, cohort: str, opens_on: str, closes_on: str) -> JSON:
        body = {"opens_on": opens_on, "closes_on": closes_on}
        return await self.api.call("PUT", f"/v1/photo-windows/{cohort}", token=token, json=body)

    async def code_status(self, token: str, school_code: str) -> JSON:
        path = f"/v1/schools/{school_code}/registration-code"
        return await self.api.call("GET", path, token=token)

    async def issue_code(self, token: str, school_code: str) -> JSON:
        path = f"/v1/schools/{school_code}/registration-code"
        return await self.api.call("POST", path, token=token)

    async def revoke_code(self, token: str, school_code: str) -> None:
        path = f"/v1/schools/{school_code}/registration-code"
        await self.api.call("DELETE", path, token=token)
