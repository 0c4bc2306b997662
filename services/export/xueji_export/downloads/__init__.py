"""Download links: short-lived presigned URLs to a generated file or a requested report."""
