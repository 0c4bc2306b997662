"""Events on Kafka: CloudEvents binary-mode envelope around protobuf payloads."""
