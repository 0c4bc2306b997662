"""Evidence documents (佐证材料): scans and PDFs in object storage, metadata in the database."""
