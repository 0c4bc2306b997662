"""The pupils who need a photo, kept from the registry's and the transfer service's events."""
