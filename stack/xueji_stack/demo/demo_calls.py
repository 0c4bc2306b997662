"""One call of a service's API by the demo seeding: its JSON answer, or the seeding stops
naming the call and the service's refusal (the demo data must be whole or visibly not there)."""

from __future__ import annotations

import httpx


async def demo_call(
    client: httpx.AsyncClient, method: str, path: str, headers: dict[str, str], **kwargs: object
) -> dict:
    answer = await client.request(method, path, headers=headers, **kwargs)  # type: ignore[arg-type]
    if answer.status_code >= 400:
        raise RuntimeError(
            f"demo: {method} {client.base_url}{path} → {answer.status_code} {answer.text}"
        )
    return answer.json() if answer.content else {}
