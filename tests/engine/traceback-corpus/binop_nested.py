values = [1, 2, None]
s = values[0] + values[1] + values[2]
