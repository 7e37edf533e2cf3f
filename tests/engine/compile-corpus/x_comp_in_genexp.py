g = ([y for y in x] for x in z)
