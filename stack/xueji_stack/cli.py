"""`xueji`: the operator's command line (`xueji up` runs the local platform)."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from xueji_stack import transfer_ops
from xueji_stack.demo.exports import DemoExport
from xueji_stack.demo.photos import DemoPhotos
from xueji_stack.demo.registry import DEMO_PASSWORD
from xueji_stack.errors import ComponentError
from xueji_stack.platform import Platform


def _print_summary(platform: Platform, started_in: float) -> None:
    infra = platform.infrastructure
    rows = [
        (
            spec.name,
            spec.url,
            "网页控制台，用下方演示账号登录" if spec.name == "console" else f"{spec.url}/docs",
        )
        for spec in platform.services
    ]
    print(f"\nXueji 学籍平台已启动（{started_in:.1f} 秒）\n")
    print(f"{'component':<16} {'address':<32} docs / UI")
    for name, url, docs in rows:
        print(f"{name:<16} {url:<32} {docs}")
    print(
        f"{'temporal':<16} {infra.temporal.address:<32} http://127.0.0.1:{infra.ports.temporal_ui}"
    )
    print(f"{'kafka':<16} {infra.broker.bootstrap:<32} (Tansu, memory storage)")
    env = platform.env()
    print(f"{'s3':<16} {env['XUEJI_S3_ENDPOINT']:<32} buckets: {', '.join(infra.buckets)}")
    print(f"{'postgres':<16} {env['XUEJI_DATABASE_URL'].split('@')[-1]:<32}")
    print(f"\n演示账号（密码均为 {DEMO_PASSWORD}）：")
    for login in platform.logins:
        print(f"  {login.username:<24} {login.role:<24} {login.unit:<12} {login.name}")
    registrar = next((lo for lo in platform.logins if lo.role == "school_registrar"), None)
    if registrar is not None:
        console = platform.urls()["console"]
        print(f"\n网页控制台：{console}（例如学校学籍管理员 {registrar.username}）")
    if platform.demo_transfers:
        print("\n演示转学（xueji transfer show <编号> 查看办理过程）：")
        for demo in platform.demo_transfers:
            print(f"  {demo.id:<36} {demo.label}")
    if platform.demo_photos is not None:
        _print_photo_demo(platform.demo_photos, platform.urls()["console"])
    if platform.demo_export is not None:
        _print_export_demo(platform.demo_export, platform.urls()["console"])
    print("\n按 Ctrl-C 停止。数据保存在", platform.state_dir)


def _print_photo_demo(photos: DemoPhotos, console: str) -> None:
    print(
        f"\n演示照片采集：{photos.school_name} 已采集 {photos.collected} 人，"
        f"尚缺 {photos.missing} 人，采集时间已开放"
    )
    print(f"  家长登录 {console}/parent/signin")
    print(f"    学籍副号 {photos.parent_local_number}  学生姓名 {photos.parent_pupil_name}")
    print("    验证码：输入登录页图片中的字符（不区分大小写）")
    code = photos.registration_code or (
        "已在首次启动时发放；需要新的请用 qingpu.county 在 /photos/county 发放"
    )
    print(f"  教师注册 {console}/photos/register  注册码 {code}")


def _print_export_demo(demo: DemoExport, console: str) -> None:
    chain = "完整" if demo.chain_intact else "未通过校验"
    print(f"\n演示数据导出：申请 {demo.number} 已批准，文件可下载（审计链{chain}）")
    print(f"  经办人 {demo.handler} 登录后下载 {console}/exports/{demo.application_id}")
    print("  审批人 xuhui.county（导出审批），省级审计 sh.province（导出审计）")


def up(state_dir: Path) -> int:
    platform = Platform(state_dir)
    began = time.monotonic()
    stopping = False

    def request_stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    try:
        platform.start()
    except ComponentError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        _print_summary(platform, time.monotonic() - began)
        while not stopping:
            crashed = platform.supervisor.exited()
            if crashed:
                for child in crashed:
                    print(f"{child.name} 意外退出：\n{child.log_tail()}", file=sys.stderr)
                return 1
            time.sleep(1.0)
    except KeyboardInterrupt:
        pass
    finally:
        # A second Ctrl-C must not abandon the children half-stopped.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("\n正在停止……")
        platform.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="xueji", description="Xueji 学籍平台运维命令")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("up", help="run the whole platform locally with demo data")
    start.add_argument("--state-dir", type=Path, default=Path(".xueji"))
    transfer = commands.add_parser("transfer", help="inspect transfers (reads Temporal)")
    transfer_commands = transfer.add_subparsers(dest="transfer_command", required=True)
    show = transfer_commands.add_parser("show", help="print a transfer's timeline")
    show.add_argument("reference", help="transfer id, workflow id or pupil number")
    transfer_commands.add_parser("overdue", help="list overdue steps per authority")
    args = parser.parse_args(argv)
    if args.command == "up":
        return up(args.state_dir.resolve())
    if args.command == "transfer":
        return transfer_ops.run(args.transfer_command, getattr(args, "reference", None))
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
