x = {}
y = x["k"]  # look it up
