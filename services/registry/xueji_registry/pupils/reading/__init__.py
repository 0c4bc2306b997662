"""Finding pupils: who may see and change which, search, the bureaus' lists."""
