"""Generated protobuf contracts: do not edit, run `make proto`."""
