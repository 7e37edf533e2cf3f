while 0 < x < 10:
    x += 1
