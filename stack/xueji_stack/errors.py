"""The one error the local stack raises when a piece of infrastructure cannot run."""

from __future__ import annotations


class ComponentError(RuntimeError):
    """A named infrastructure component failed to start, answer or stop.

    `code` is stable English for scripts; the message is Chinese for the person
    running `xueji up`; `log_tail` holds the component's last log lines, when
    it has a log, because that is where the real reason usually is.
    """

    def __init__(self, component: str, code: str, message: str, log_tail: str = "") -> None:
        self.component = component
        self.code = code
        self.log_tail = log_tail
        text = f"[{code}] {component}: {message}"
        if log_tail:
            text += f"\n--- {component} 日志末尾 ---\n{log_tail}"
        super().__init__(text)
