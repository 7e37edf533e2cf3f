keys = ["a", "b"]
mapping = {k: k.upper() for k in keys}
lookup = {k: mapping[k + "x"] for k in keys}
