"""Kafka security settings: plaintext for the local stack, mutual TLS with a KafkaUser's
certificate in production; every client gets the same options from them."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from xueji_common.kafka import (
    NO_SECURITY,
    PLAINTEXT,
    SSL,
    KafkaSecurity,
    KafkaSecurityError,
    make_producer,
)
from xueji_common.settings import ServiceSettings, SettingsError, load_settings

BASE_ENV = {
    "XUEJI_DATABASE_URL": "postgresql://u:p@db/x",
    "XUEJI_KAFKA_BOOTSTRAP": "broker:9093",
    "XUEJI_HTTP_PORT": "8001",
    "XUEJI_TOKEN_PUBLIC_KEY_FILE": "/etc/xueji/tokens/public.pem",
}


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _certificate(
    subject: str, key: ec.EllipticCurvePrivateKey, issuer: str, signer: ec.EllipticCurvePrivateKey
) -> bytes:
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=subject == issuer, path_length=None), True)
        .sign(signer, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def user_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A cluster CA and a KafkaUser's certificate and key, as Strimzi's Secrets hold them."""
    directory = tmp_path_factory.mktemp("kafka-user")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    user_key = ec.generate_private_key(ec.SECP256R1())
    other_key = ec.generate_private_key(ec.SECP256R1())
    files = {
        "ca": _certificate("cluster-ca", ca_key, "cluster-ca", ca_key),
        "cert": _certificate("xueji-registry", user_key, "clients-ca", ca_key),
        "key": _key_pem(user_key),
        "other_key": _key_pem(other_key),
    }
    paths = {}
    for name, content in files.items():
        paths[name] = directory / f"{name}.pem"
        paths[name].write_bytes(content)
    return paths


def _ssl(files: dict[str, Path], key: str = "key") -> KafkaSecurity:
    return KafkaSecurity(SSL, str(files["ca"]), str(files["cert"]), str(files[key]))


def test_plaintext_is_the_default_and_adds_no_tls() -> None:
    assert NO_SECURITY.protocol == PLAINTEXT
    assert NO_SECURITY.client_options() == {"security_protocol": PLAINTEXT}


def test_mutual_tls_verifies_the_brokers_and_presents_the_users_certificate(
    user_files: dict[str, Path],
) -> None:
    options = _ssl(user_files).client_options()
    assert options["security_protocol"] == SSL
    context = options["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    # Brokers are checked against the cluster CA, by certificate and host name.
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] == 1


def test_a_key_that_is_not_the_certificates_is_refused(user_files: dict[str, Path]) -> None:
    with pytest.raises(ssl.SSLError):
        _ssl(user_files, key="other_key").client_options()


@pytest.mark.parametrize(
    ("protocol", "files", "complaint"),
    [
        (SSL, ("", "c", "k"), "ca file"),
        (SSL, ("a", "c", ""), "key file"),
        (PLAINTEXT, ("a", "", ""), "ca file"),
        ("SASL_PLAINTEXT", ("", "", ""), "SASL_PLAINTEXT"),
    ],
)
def test_incoherent_settings_are_refused(
    protocol: str, files: tuple[str, str, str], complaint: str
) -> None:
    with pytest.raises(KafkaSecurityError, match=complaint):
        KafkaSecurity(protocol, *files)


async def test_producers_take_the_security(user_files: dict[str, Path]) -> None:
    producer = make_producer("broker:9093", client_id="t", security=_ssl(user_files))
    assert producer.client._security_protocol == SSL
    assert producer.client._ssl_context is not None
    assert make_producer("broker:9092", client_id="t").client._security_protocol == PLAINTEXT


def test_settings_default_to_the_local_stacks_plaintext(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)
    assert load_settings(ServiceSettings).kafka_security == NO_SECURITY


def test_settings_read_the_users_files_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, user_files: dict[str, Path]
) -> None:
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("XUEJI_KAFKA_SECURITY_PROTOCOL", SSL)
    monkeypatch.setenv("XUEJI_KAFKA_CA_FILE", str(user_files["ca"]))
    monkeypatch.setenv("XUEJI_KAFKA_CERT_FILE", str(user_files["cert"]))
    monkeypatch.setenv("XUEJI_KAFKA_KEY_FILE", str(user_files["key"]))
    assert load_settings(ServiceSettings).kafka_security == _ssl(user_files)


def test_settings_missing_a_file_name_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("XUEJI_KAFKA_SECURITY_PROTOCOL", SSL)
    monkeypatch.setenv("XUEJI_KAFKA_CA_FILE", "/etc/xueji/kafka-ca/ca.crt")
    with pytest.raises(SettingsError, match=r"XUEJI_KAFKA_SECURITY_PROTOCOL.*cert file, key file"):
        load_settings(ServiceSettings)
