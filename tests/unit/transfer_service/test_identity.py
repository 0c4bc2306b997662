"""Transfer ids lead back to the pupil's workflow."""

from xueji_transfer.transfers.identity import new_transfer_id, pupil_number_of, workflow_id_of


def test_a_transfer_id_carries_the_pupil_number() -> None:
    transfer_id = new_transfer_id("G430102201601010011")
    assert transfer_id.startswith("TR-G430102201601010011-")
    assert pupil_number_of(transfer_id) == "G430102201601010011"
    assert workflow_id_of(transfer_id) == "transfer-G430102201601010011"
    assert new_transfer_id("G430102201601010011") != transfer_id


def test_other_ids_are_not_transfer_ids() -> None:
    for other in ("transfer-G1", "TR-G1", "TR-G1-XYZ", "TR--0a1b2c3d", ""):
        assert pupil_number_of(other) is None
