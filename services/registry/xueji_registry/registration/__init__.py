"""Annual registration (学籍注册): the school submits, the county bureau approves or returns."""
