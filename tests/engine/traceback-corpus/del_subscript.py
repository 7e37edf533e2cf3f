d = {"a": 1}
del d["b"]
