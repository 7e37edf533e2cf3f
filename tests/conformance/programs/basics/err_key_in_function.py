
data = {"k": [1, 2]}
def f(d):
    return d["missing"]
f(data)
