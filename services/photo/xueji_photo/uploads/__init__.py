"""Photo uploads: checks, storage, the one accepted photo per pupil, reopening."""
