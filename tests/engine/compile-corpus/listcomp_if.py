r = [x for x in y if x > 0 if x < 10]
