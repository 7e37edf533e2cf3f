data = [1, 2, 0, 4]
inverses = [1 / d for d in data]
