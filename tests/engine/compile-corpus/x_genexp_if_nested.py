g = (x for x in a if x for y in x if y)
