"""The checked-in Python contracts must be exactly what proto/ generates."""

from pathlib import Path

from xueji_stack import protogen


def test_generated_contracts_match_the_proto_sources() -> None:
    stale = protogen.stale_files()
    assert stale == [], "run `make proto`:\n" + "\n".join(stale)


def test_generation_is_deterministic() -> None:
    assert protogen.render() == protogen.render()


def test_check_mode_exits_zero_when_fresh() -> None:
    assert protogen.main(["--check"]) == 0


def test_check_lists_missing_stale_and_extra_files(tmp_path: Path) -> None:
    protogen.write(output_root=tmp_path)
    assert protogen.stale_files(output_root=tmp_path) == []
    (tmp_path / "xueji/registry/v1/pupil_pb2.py").write_text("# edited by hand\n")
    (tmp_path / "xueji/transfer/v1/transfer_pb2.pyi").unlink()
    (tmp_path / "xueji/registry/v1/dropped_pb2.py").write_text("# from a removed .proto\n")

    assert protogen.stale_files(output_root=tmp_path) == [
        "extra: xueji/registry/v1/dropped_pb2.py",
        "stale: xueji/registry/v1/pupil_pb2.py",
        "missing: xueji/transfer/v1/transfer_pb2.pyi",
    ]


def test_write_repairs_the_package_and_removes_orphans(tmp_path: Path) -> None:
    protogen.write(output_root=tmp_path)
    orphan = tmp_path / "xueji/retired/v1/retired_pb2.py"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("# from a removed package\n")
    (tmp_path / "xueji/photo/v1/photo_pb2.py").write_text("")

    changes = protogen.write(output_root=tmp_path)

    assert changes == [
        "stale: xueji/photo/v1/photo_pb2.py",
        "extra: xueji/retired/v1/retired_pb2.py",
    ]
    assert not orphan.parent.exists()
    assert protogen.stale_files(output_root=tmp_path) == []
