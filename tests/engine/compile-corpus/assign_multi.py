a = b = c = 10
