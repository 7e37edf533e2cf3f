a, *b, c = range(10)
*d, = [1, 2]
