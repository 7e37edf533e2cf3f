a, b = 1, None
total = (a + 1) * b
